// Debian's Chromium for the accuracy benchmarks: the project's flags, and a fake camera or microphone from a file.

/** The flags every project run of Chromium uses (as in playwright.config.ts and bench:camera). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Grants camera and microphone without a prompt and feeds the given file (.y4m video or .wav audio) as the device. */
export function fakeMediaArgs(file: { video?: string; audio?: string }): string[] {
  return [
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    ...(file.video ? [`--use-file-for-fake-video-capture=${file.video}`] : []),
    ...(file.audio ? [`--use-file-for-fake-audio-capture=${file.audio}`] : []),
  ];
}
