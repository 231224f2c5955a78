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
      const synth = window.speechSynthesis;
      synth.cancel();
      const voices = synth.getVoices().filter((v) => v.lang.startsWith("en"));
      for (const line of lines) {
        const utterance = new SpeechSynthesisUtterance(line.text);
        const index = castIds.indexOf(line.speaker);
        const settings = voiceSettingsFor(Math.max(index, 0), voices.length);
        if (settings.voiceIndex >= 0) utterance.voice = voices[settings.voiceIndex] ?? null;
        utterance.pitch = line.speaker === "narrator" ? 1 : settings.pitch;
        utterance.rate = settings.rate;
        utterance.lang = "en-GB";
        synth.speak(utterance);
      }
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
