// The two public-domain portraits the camera-accuracy set is made from, with where MediaPipe finds the face in each.
import path from "node:path";
import { PROJECT_ROOT } from "../mediapipe/build-assets.ts";

export interface Portrait {
  name: string;
  /** A 640x480 webcam-style still (see tests/fixtures/faces/README.md for its origin). */
  file: string;
  /** The colour of the wall behind the person, to pad with when the picture is moved or shrunk. */
  wall: string;
  /**
   * The face mesh's bounding box and the eye line on the still, in pixels (FaceLandmarker in Chromium, measured with
   * `tsx tests/mediapipe/detect-in-chromium.ts <still>`). Used to place the face; the labels come from how each
   * situation is made, and these numbers only say where to put the face for it.
   */
  mesh: { left: number; top: number; width: number; height: number };
  eyeY: number;
  /** ffmpeg crops of the still that show no face (a stretch of wall, clothing). */
  noFaceCrops: string[];
}

const FACES = path.join(PROJECT_ROOT, "tests/fixtures/faces");

export const PORTRAITS: Portrait[] = [
  {
    name: "astronaut",
    file: path.join(FACES, "astronaut-well-framed-640x480.png"),
    wall: "0xd6cdc3",
    mesh: { left: 239, top: 117, width: 154, height: 179 },
    eyeY: 171,
    noFaceCrops: ["crop=100:75:450:15", "crop=160:120:440:340"],
  },
  {
    name: "grace-hopper",
    file: path.join(FACES, "grace-hopper-640x480.png"),
    wall: "0x6d9ad6",
    mesh: { left: 246, top: 107, width: 152, height: 159 },
    eyeY: 152,
    noFaceCrops: ["crop=96:72:420:40", "crop=160:120:150:330"],
  },
];
