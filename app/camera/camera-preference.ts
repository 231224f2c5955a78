// Whether the clinician wants camera feedback in the practice room: remembered on this device only.
import { useEffect, useState } from "react";

export const CAMERA_PREFERENCE_KEY = "webside:camera-feedback";

export function rememberCameraChoice(on: boolean): void {
  try {
    window.localStorage.setItem(CAMERA_PREFERENCE_KEY, on ? "on" : "off");
  } catch {
    // Storage blocked: not remembered, but it still works for this visit.
  }
}

/** On or off, off until the clinician chooses (switching it on here, or a camera check that worked). */
export function useCameraPreference(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      setOn(window.localStorage.getItem(CAMERA_PREFERENCE_KEY) === "on");
    } catch {
      // Storage blocked: start with the camera off, as for a first visit.
    }
  }, []);
  const set = (value: boolean) => {
    setOn(value);
    rememberCameraChoice(value);
  };
  return [on, set];
}
