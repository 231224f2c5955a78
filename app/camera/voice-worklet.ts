// The AudioWorklet processor: turns the microphone's 128-sample blocks into 10 ms voice frames on the audio thread.
// Only numbers are posted to the page (loudness and pitch per frame); the samples themselves never leave this thread.
import { mixToMono, VOICE_PROCESSOR_NAME, VoiceFrameBatcher } from "./voice-frames";

/** The parts of AudioWorkletGlobalScope used here (the project's TypeScript lib is DOM, which does not declare them). */
interface WorkletScope {
  sampleRate: number;
  currentTime: number;
  registerProcessor(name: string, processor: new (options?: unknown) => object): void;
}
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

const scope = globalThis as unknown as WorkletScope;

class VoiceFramesProcessor extends AudioWorkletProcessor {
  private readonly batcher = new VoiceFrameBatcher(scope.sampleRate);
  private announced = false;
  private stopped = false;
  private mono: Float32Array | undefined;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<unknown>) => {
      if ((event.data as { type?: unknown } | null)?.type === "stop") {
        const last = this.batcher.flush();
        if (last) this.port.postMessage(last);
        this.stopped = true;
      }
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const channels = inputs[0];
    // No input yet (the track has not delivered sound): nothing to measure, but keep the processor alive.
    if (!channels || channels.length === 0) return true;
    if (!this.announced) {
      this.announced = true;
      this.port.postMessage({
        type: "started",
        sampleRate: scope.sampleRate,
        analysisRate: this.batcher.analysisRate,
        contextTimeSec: scope.currentTime,
      });
    }
    this.mono = mixToMono(channels, this.mono);
    for (const message of this.batcher.push(this.mono)) this.port.postMessage(message);
    return true;
  }
}

scope.registerProcessor(VOICE_PROCESSOR_NAME, VoiceFramesProcessor);
