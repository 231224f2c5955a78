// Reads patient lines aloud with the browser's own speech synthesis, a distinct voice per cast member.
import { useCallback, useEffect, useState } from "react";

const STORAGE_KEY = "webside.readAloud";

export function voiceSettingsFor(index: number, voiceCount: number) {
  // Spread cast members over the available voices, and vary pitch and rate so even one voice sounds like several people.
  const pitches = [1, 0.8, 1.25, 0.95, 1.1, 0.7];
  const rates = [1, 0.95, 1.05, 0.9, 1, 1.08];
  return {
    voiceIndex: voiceCount > 0 ? (index * 3) % voiceCount : -1,
    pitch: pitches[index % pitches.length]!,
    rate: rates[index % rates.length]!,
  };
}

export function useReadAloud(castIds: string[]) {
  const [enabled, setEnabled] = useState(false);
  // Known only in the browser, after hydration, so the server and first client render agree.
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const available = "speechSynthesis" in window;
    setSupported(available);
    if (available) setEnabled(window.localStorage.getItem(STORAGE_KEY) === "on");
  }, []);
  const toggle = useCallback(() => {
    setEnabled((on) => {
      const next = !on;
      window.localStorage.setItem(STORAGE_KEY, next ? "on" : "off");
      if (!next) window.speechSynthesis.cancel();
      return next;
    });
  }, []);
  const speak = useCallback(
    (lines: Array<{ speaker: string; text: string }>) => {
      if (!supported || !enabled) return;
      speakLines(lines, castIds);
    },
    [supported, enabled, castIds],
  );
  useEffect(
    () => () => {
      if (supported) window.speechSynthesis.cancel();
    },
    [supported],
  );
  return { supported, enabled, toggle, speak };
}

export interface SpeakingCallbacks {
  /** A line started or finished being read (performance.now() times), for talk-over. */
  onLine?: (line: { startMs: number; endMs: number }) => void;
  /** Every line has been read, or reading failed or was cut short: the patient has finished. */
  onDone?: () => void;
}

/** A generous guess at how long lines take to read (about 2.5 words a second, plus a second), should the browser never say it finished. */
export function readingTimeMs(lines: Array<{ text: string }>): number {
  const words = lines.reduce((n, l) => n + l.text.split(/\s+/).filter(Boolean).length, 0);
  return Math.round((words / 2.5) * 1000) + 1000;
}

/**
 * Reads the lines aloud, each cast member in their own voice where the browser has voices. Returns a function that
 * stops reading. Without speech synthesis (or when it fails) onDone comes at once.
 */
export function speakLines(
  lines: Array<{ speaker: string; text: string }>,
  castIds: string[],
  callbacks: SpeakingCallbacks = {},
): () => void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    callbacks.onDone?.();
  };
  const fallback = setTimeout(finish, readingTimeMs(lines));
  if (!("speechSynthesis" in window) || lines.length === 0) {
    finish();
    return () => undefined;
  }
  const synth = window.speechSynthesis;
  synth.cancel();
  const voices = synth.getVoices().filter((v) => v.lang.startsWith("en"));
  lines.forEach((line, i) => {
    const utterance = new SpeechSynthesisUtterance(line.text);
    const index = castIds.indexOf(line.speaker);
    const settings = voiceSettingsFor(Math.max(index, 0), voices.length);
    if (settings.voiceIndex >= 0) utterance.voice = voices[settings.voiceIndex] ?? null;
    utterance.pitch = line.speaker === "narrator" ? 1 : settings.pitch;
    utterance.rate = settings.rate;
    utterance.lang = "en-GB";
    let startMs: number | null = null;
    utterance.onstart = () => (startMs = performance.now());
    utterance.onend = () => {
      if (startMs !== null) callbacks.onLine?.({ startMs, endMs: performance.now() });
      if (i === lines.length - 1) finish();
    };
    utterance.onerror = finish;
    synth.speak(utterance);
  });
  return () => {
    synth.cancel();
    finish();
  };
}
