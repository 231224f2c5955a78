// Camera failures map to specific messages, each saying what to do and that the practice goes on without the camera.
import { describe, expect, it } from "vitest";
import { CAMERA_PROBLEMS, environmentProblem, problemFromMediaError } from "~/camera/camera-errors";

const domError = (name: string, message = "") => Object.assign(new Error(message), { name });
const fine = {
  isSecureContext: true,
  mediaDevices: {},
  worker: function Worker() {},
  createImageBitmap: () => undefined,
};

describe("problemFromMediaError", () => {
  it.each([
    ["NotAllowedError", "permission-denied", /allow the camera and microphone/],
    ["NotFoundError", "no-camera", /Plug in a webcam/],
    ["NotReadableError", "camera-in-use", /Close other video apps/],
    ["SecurityError", "insecure-context", /HTTPS/],
  ])("%s -> %s", (name, kind, advice) => {
    const problem = problemFromMediaError(domError(name));
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(advice);
  });

  it("keeps the browser's words for anything unexpected", () => {
    const problem = problemFromMediaError(domError("WeirdError", "the driver crashed"));
    expect(problem.kind).toBe("unknown");
    expect(problem.detail).toBe("the driver crashed");
  });
});

describe("environmentProblem", () => {
  it("is null when everything the analysis needs is there", () => {
    expect(environmentProblem(fine)).toBeNull();
  });

  it("spots an insecure page, whether or not the browser hides mediaDevices", () => {
    expect(environmentProblem({ ...fine, isSecureContext: false })?.kind).toBe("insecure-context");
    expect(environmentProblem({ ...fine, isSecureContext: undefined, mediaDevices: undefined })?.kind).toBe(
      "insecure-context",
    );
  });

  it("spots a browser without workers or createImageBitmap", () => {
    expect(environmentProblem({ ...fine, worker: undefined })?.kind).toBe("unsupported");
    expect(environmentProblem({ ...fine, createImageBitmap: undefined })?.kind).toBe("unsupported");
  });
});

it("every message tells the clinician they can still practise", () => {
  for (const problem of Object.values(CAMERA_PROBLEMS))
    expect(problem.message).toContain("You can still practise without camera feedback.");
});
