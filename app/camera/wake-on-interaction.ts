// Browsers may hold Web Audio until the page is touched: any click or key wakes the sound analysis.
import { useEffect } from "react";

export function useWakeOnInteraction(audio: { resume(): Promise<void> } | null): void {
  useEffect(() => {
    if (!audio) return;
    const wake = () => void audio.resume();
    window.addEventListener("pointerdown", wake);
    window.addEventListener("keydown", wake);
    return () => {
      window.removeEventListener("pointerdown", wake);
      window.removeEventListener("keydown", wake);
    };
  }, [audio]);
}
