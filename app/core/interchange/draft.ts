// Building blocks the importers share: slugs for ids, the default settings of a new scenario, speakers as cast members.
import { COMPETENCIES, type Competency } from "../competencies";
import { FORBIDDEN_KEYS } from "../scenario/raw-json";
import type { CastMember, Scenario } from "../scenario/schema";

/** A lower-case slug of at most `max` characters, or `fallback` when nothing usable is left. */
export function slugify(text: string, fallback: string, max = 48): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  if (!slug || FORBIDDEN_KEYS.has(slug)) return fallback;
  return slug;
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet; records the one returned. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate) || FORBIDDEN_KEYS.has(candidate); n += 1)
    candidate = `${base.slice(0, 60)}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** Reads `rapport+2`, `empathy-1` or `shared-decisions+3`; null when it is not an effect. */
export function parseEffect(text: string): { competency: Competency; value: number } | null {
  const match = /^([a-z-]+?)([+-]\d+)$/.exec(text.trim());
  if (!match) return null;
  const competency = COMPETENCIES.find((c) => c === match[1]);
  if (!competency) return null;
  return { competency, value: Math.max(-3, Math.min(3, Number(match[2]))) };
}

export function formatEffect(competency: string, value: number): string {
  return `${competency}${value >= 0 ? "+" : ""}${value}`;
}

/** A cast member for a speaker id found in imported text: the editor lets the author fill in the rest. */
export function castFromSpeaker(id: string, index: number): CastMember {
  const name = id
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
  return { id, name, role: index === 0 ? "patient" : "other", bio: `${name}: imported speaker; describe them here.` };
}

/** The settings every imported draft starts from; the importer overwrites what its source provides. */
export function draftSettings(title: string, source: string): Omit<Scenario, "nodes" | "start" | "cast"> {
  const cleanTitle = title.trim().slice(0, 120) || "Imported scenario";
  return {
    id: slugify(cleanTitle, "imported-scenario", 56).padEnd(3, "x"),
    version: 1,
    title: cleanTitle,
    summary: `Imported from ${source}. Describe what the learner rehearses here.`,
    setting: "one-to-one",
    specialty: "General practice",
    minutes: 10,
    objectives: ["Describe what the learner should be able to do after this scenario."],
    competencies: ["rapport"],
    passMark: 70,
  };
}

/** The competencies a draft's choices move, in the fixed order; at least one so the draft can validate. */
export function competenciesUsed(nodes: Scenario["nodes"], fallback: Competency[] = ["rapport"]): Competency[] {
  const used = new Set<string>();
  for (const node of Object.values(nodes)) {
    for (const choice of node.choices ?? []) for (const key of Object.keys(choice.effects ?? {})) used.add(key);
  }
  const list = COMPETENCIES.filter((c) => used.has(c));
  return list.length > 0 ? list : fallback;
}

export const DEFAULT_FEEDBACK = "No feedback yet: say why this choice helps or harms the consultation.";

/** Plain text of an HTML fragment (H5P stores rich text): tags dropped, common entities decoded, spaces collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h\d)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** Trims to a schema limit, saying so in the report rather than failing the import. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
