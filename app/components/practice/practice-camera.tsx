// The camera corner of the practice room. Camera feedback is switched on here (filled in by the camera feature).
import { CameraSlotPlaceholder } from "./practice-room";

export function PracticeCamera(_props: { attemptId: string; nodeId: string }) {
  return <CameraSlotPlaceholder />;
}
