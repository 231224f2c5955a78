// Measures one espeak-ng fixture with the product's own analysis, as the browser would at the fixture's sample rate.
import { analyseRecording } from "~/core/speech/frame-features";
import { measureTurn, type SpeechMeasures } from "~/core/speech/turn-measures";
import { readSamples, type SpeechFixture } from "./espeak-fixtures";

export function measureFixture(fixture: SpeechFixture): SpeechMeasures {
  const frames = analyseRecording(readSamples(fixture.wav), fixture.sampleRate);
  return measureTurn({ frames, firstIndex: 0, patientEndMs: 0, patientSpeech: [] });
}
