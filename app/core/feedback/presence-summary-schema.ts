// The per-attempt presence summary's shape: numbers and node ids only, size-capped, so the server can refuse anything else.
import { z } from "zod";
import { SCENARIO_LIMITS, nodeIdSchema } from "../scenario/schema";
import { spokenTurnsSchema } from "../speech/spoken-turn-schema";

/** The categories recorded per metric. Timeline codes are the index + 1; 0 means "no reading in that step". */
export const FRAMING_KEYS = [
  "ok",
  "off-centre",
  "eye-line",
  "too-close",
  "too-far",
  "cut-off",
  "turned",
  "no-face",
] as const;
export const LIGHTING_KEYS = ["ok", "too-dark", "too-bright", "backlit"] as const;
export const EYE_CONTACT_KEYS = ["looking", "away"] as const;
export type FramingKey = (typeof FRAMING_KEYS)[number];
export type LightingKey = (typeof LIGHTING_KEYS)[number];
export type EyeContactKey = (typeof EYE_CONTACT_KEYS)[number];

/** Timeline code for a key (0 is kept for "no reading"). */
export function timelineCode<K extends string>(keys: readonly K[], key: K): number {
  return keys.indexOf(key) + 1;
}

export const PRESENCE_SUMMARY_VERSION = 1;
/** Serialised size cap; the endpoint should also refuse a larger request body before parsing it. */
export const PRESENCE_SUMMARY_MAX_BYTES = 64 * 1024;
/** One point per second for an hour; longer sessions are downsampled to fit. */
export const MAX_TIMELINE_POINTS = 3600;
const MAX_MS = 24 * 60 * 60 * 1000;

const ms = z.number().int().min(0).max(MAX_MS);
const share = z.number().min(0).max(1);

function sharesSchema<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, share])) as Record<K, typeof share>;
  return z.strictObject({ ms, ...shape });
}

export const presenceSharesSchema = z.strictObject({
  /** Time observed (ms). Each group's own `ms` is the time that metric had a reading; its shares sum to 1 (or are all 0). */
  ms,
  framing: sharesSchema(FRAMING_KEYS),
  lighting: sharesSchema(LIGHTING_KEYS),
  eyeContactSpeaking: sharesSchema(EYE_CONTACT_KEYS),
  eyeContactListening: sharesSchema(EYE_CONTACT_KEYS),
});

const codes = (keys: readonly string[]) => z.array(z.number().int().min(0).max(keys.length)).max(MAX_TIMELINE_POINTS);

export const presenceTimelineSchema = z.strictObject({
  stepMs: z.number().int().min(1000).max(MAX_MS),
  /** Scenario node ids in order of first visit; `node` holds indexes into this list. */
  nodes: z.array(nodeIdSchema).max(SCENARIO_LIMITS.nodes),
  node: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(SCENARIO_LIMITS.nodes - 1),
    )
    .max(MAX_TIMELINE_POINTS),
  framing: codes(FRAMING_KEYS),
  eyeContact: codes(EYE_CONTACT_KEYS),
  lighting: codes(LIGHTING_KEYS),
  speaking: z.array(z.number().int().min(0).max(1)).max(MAX_TIMELINE_POINTS),
});

/** zod's record silently drops a "__proto__" key; refuse it instead, like any other key that is not a node id. */
function refuseProtoKey(value: unknown, ctx: z.RefinementCtx): unknown {
  if (value !== null && typeof value === "object" && Object.hasOwn(value, "__proto__")) {
    ctx.addIssue({ code: "custom", message: '"__proto__" is not a node id.' });
  }
  return value;
}

export const presenceSummarySchema = z
  .strictObject({
    version: z.literal(PRESENCE_SUMMARY_VERSION),
    durationMs: ms,
    overall: presenceSharesSchema,
    nodes: z.preprocess(refuseProtoKey, z.record(nodeIdSchema, presenceSharesSchema)),
    timeline: presenceTimelineSchema,
    /** "Say it first" mode: the voice (and camera-while-speaking) figures per turn. */
    spoken: spokenTurnsSchema.optional(),
  })
  .superRefine((summary, ctx) => {
    const nodeCount = Object.keys(summary.nodes).length;
    if (nodeCount > SCENARIO_LIMITS.nodes) {
      ctx.addIssue({
        code: "custom",
        path: ["nodes"],
        message: `The summary covers ${nodeCount} nodes; a scenario has at most ${SCENARIO_LIMITS.nodes}.`,
      });
    }
    const { timeline } = summary;
    const length = timeline.node.length;
    for (const column of ["framing", "eyeContact", "lighting", "speaking"] as const) {
      if (timeline[column].length !== length) {
        ctx.addIssue({
          code: "custom",
          path: ["timeline", column],
          message: `timeline.${column} has ${timeline[column].length} points but timeline.node has ${length}; every column needs one value per step.`,
        });
      }
    }
    const badNode = timeline.node.findIndex((i) => i >= timeline.nodes.length);
    if (badNode >= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["timeline", "node", badNode],
        message: `timeline.node[${badNode}] points to node ${timeline.node[badNode]}, but only ${timeline.nodes.length} node ids are listed.`,
      });
    }
    const bytes = JSON.stringify(summary).length;
    if (bytes > PRESENCE_SUMMARY_MAX_BYTES) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `The presence summary is ${bytes} bytes; the limit is ${PRESENCE_SUMMARY_MAX_BYTES}.`,
      });
    }
  });

export type PresenceShares = z.infer<typeof presenceSharesSchema>;
export type PresenceTimeline = z.infer<typeof presenceTimelineSchema>;
export type PresenceSummary = z.infer<typeof presenceSummarySchema>;
