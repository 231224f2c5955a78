// One spoken turn's figures as they travel to the server with the presence summary: numbers only, each bounded.
import { z } from "zod";
import { nodeIdSchema } from "../scenario/schema";

/** Turns kept per attempt (the upload's 64 KB cap leaves room for this many beside the camera timeline). */
export const MAX_SPOKEN_TURNS = 100;
const MAX_MS = 60 * 60 * 1000;
const ms = z.number().int().min(0).max(MAX_MS);
const share = z.number().min(0).max(1);

export const spokenCameraSchema = z.strictObject({
  /** Speaking time with a camera reading, ms; the shares below are of that time. */
  ms,
  eyeContact: share.nullable(),
  framingOk: share.nullable(),
  lightingOk: share.nullable(),
});

export const spokenTurnSchema = z.strictObject({
  /** Choices made before this turn (0 for the first), so a node met twice is still two turns. */
  step: z.number().int().min(0).max(10_000),
  node: nodeIdSchema,
  /** The responses were shown before the clinician had spoken ("I can't speak here"). */
  optionsShownEarly: z.boolean(),
  onsetMs: z.number().int().min(-MAX_MS).max(MAX_MS).nullable(),
  speakingMs: ms,
  pauseCount: z.number().int().min(0).max(10_000),
  longestPauseMs: ms,
  talkOverMs: ms,
  syllablesPerSecond: z.number().min(0).max(20).nullable(),
  pitchVariationSt: z.number().min(0).max(24).nullable(),
  camera: spokenCameraSchema.nullable(),
});

export const spokenTurnsSchema = z
  .array(spokenTurnSchema)
  .max(MAX_SPOKEN_TURNS)
  .superRefine((turns, ctx) => {
    const seen = new Set<number>();
    turns.forEach((turn, i) => {
      if (seen.has(turn.step))
        ctx.addIssue({ code: "custom", path: [i, "step"], message: `Two spoken turns have step ${turn.step}.` });
      seen.add(turn.step);
    });
  });

export type SpokenTurn = z.infer<typeof spokenTurnSchema>;
export type SpokenCamera = z.infer<typeof spokenCameraSchema>;
