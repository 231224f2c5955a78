// Twee 3 -> scenario draft: passages become nodes, links become choices, tags carry speakers, endings and effects.
import { checkRawValue } from "../scenario/raw-json";
import {
  SCENARIO_LIMITS,
  type Choice,
  type Effects,
  type Line,
  type Outcome,
  type Scenario,
  type ScenarioNode,
} from "../scenario/schema";
import {
  DEFAULT_FEEDBACK,
  castFromSpeaker,
  clip,
  competenciesUsed,
  draftSettings,
  parseEffect,
  slugify,
  uniqueSlug,
} from "./draft";
import { LINK_PATTERN, WEBSIDE_COMMENT, parseLink, parseTwee, type Passage } from "./twee-parse";
import { ImportRejected, note, type ImportNote, type ImportResult } from "./types";

const SPECIAL = new Set([
  "StoryTitle",
  "StoryData",
  "StoryInit",
  "StoryMenu",
  "StoryCaption",
  "StoryBanner",
  "StoryAuthor",
  "StorySubtitle",
]);
const SETTINGS_TAG = "webside-settings";
const OUTCOMES = { "ending-good": "good", "ending-mixed": "mixed", "ending-poor": "poor", ending: "mixed" } as const;
const CHOICE_KEYS = ["id", "text", "effects", "set", "requires", "branches", "feedback", "critical"] as const;

/** JSON from a webside comment or settings passage: an object with safe keys, or null with a report note. */
function readJsonObject(text: string, where: string, report: ImportNote[]): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    report.push(note("warning", where, "This Webside annotation is not valid JSON, so it was ignored."));
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report.push(note("warning", where, "This Webside annotation should be a JSON object; it was ignored."));
    return null;
  }
  const problems = checkRawValue(value);
  if (problems.length > 0) {
    report.push(note("warning", where, `This Webside annotation was ignored: ${problems[0]!.message}`));
    return null;
  }
  return value as Record<string, unknown>;
}

interface PassageParts {
  lines: Array<{ speaker: string | null; text: string }>;
  links: Array<{ text: string; target: string; extra: Record<string, unknown> | null; line: number }>;
  node: Record<string, unknown> | null;
  ending: Record<string, unknown> | null;
}

function readPassage(passage: Passage, report: ImportNote[]): PassageParts {
  const parts: PassageParts = { lines: [], links: [], node: null, ending: null };
  const where = (offset: number) => `passage '${passage.name}' (line ${passage.line + 1 + offset})`;
  let warnedMacro = false;
  passage.text.split("\n").forEach((raw, offset) => {
    let line = raw;
    const comment = WEBSIDE_COMMENT.exec(line);
    if (comment) {
      const data = readJsonObject(comment[2]!, where(offset), report);
      const kind = comment[1];
      if (kind === "choice") {
        const last = parts.links.at(-1);
        if (last) last.extra = data;
        else
          report.push(
            note(
              "warning",
              where(offset),
              "A webside:choice annotation must follow the link it describes; it was ignored.",
            ),
          );
      } else if (kind === "node") parts.node = data;
      else if (kind === "ending") parts.ending = data;
      line = line.replace(WEBSIDE_COMMENT, "");
    }
    line = line.replace(/<!--[\s\S]*?-->/g, "");
    for (const match of line.matchAll(LINK_PATTERN)) {
      const link = parseLink(match[1]!);
      if (link.setter !== null) {
        report.push(
          note(
            "warning",
            where(offset),
            `The setter "[${link.setter}]" on the link to '${link.target}' was dropped: use a choice's variable updates in the editor instead.`,
          ),
        );
      }
      if (!link.target) {
        report.push(
          note("warning", where(offset), `The link "[[${match[1]}]]" names no target passage, so it was left out.`),
        );
        continue;
      }
      parts.links.push({
        text: link.text || link.target,
        target: link.target,
        extra: null,
        line: passage.line + 1 + offset,
      });
    }
    line = line.replace(LINK_PATTERN, "");
    if (/<<[\s\S]*?>>|\([a-z][a-z0-9-]*:/i.test(line)) {
      if (!warnedMacro)
        report.push(
          note(
            "warning",
            where(offset),
            "Story-format macros (<<...>> or (name: ...)) cannot run in Webside and were removed from the text.",
          ),
        );
      warnedMacro = true;
      line = line.replace(/<<[\s\S]*?>>/g, "").replace(/\([a-z][a-z0-9-]*:[^)]*\)/gi, "");
    }
    const text = line.trim();
    if (!text) return;
    const speaker = /^@([a-z0-9][a-z0-9-]{0,31}):\s*(.*)$/.exec(text);
    if (speaker) parts.lines.push({ speaker: speaker[1]!, text: speaker[2]! });
    else parts.lines.push({ speaker: null, text });
  });
  return parts;
}

function storyData(passages: Passage[], report: ImportNote[]): { start?: string } {
  const passage = passages.find((p) => p.name === "StoryData");
  if (!passage) return {};
  const data = readJsonObject(passage.text, `passage 'StoryData' (line ${passage.line})`, report);
  return data && typeof data.start === "string" ? { start: data.start } : {};
}

function tagInfo(passage: Passage, report: ImportNote[]) {
  let ending: Outcome | null = null;
  let speaker: string | null = null;
  const effects: Effects = {};
  for (const tag of passage.tags) {
    if (Object.hasOwn(OUTCOMES, tag)) ending = OUTCOMES[tag as keyof typeof OUTCOMES];
    else if (tag.startsWith("speaker:")) speaker = slugify(tag.slice(8), "speaker", 32);
    else if (tag.startsWith("effect:")) {
      const effect = parseEffect(tag.slice(7));
      if (effect) effects[effect.competency] = effect.value;
      else
        report.push(
          note(
            "warning",
            `passage '${passage.name}'`,
            `The tag '${tag}' is not an effect Webside knows (write e.g. effect:rapport+2); it was ignored.`,
          ),
        );
    } else if (tag !== SETTINGS_TAG) {
      report.push(
        note("info", `passage '${passage.name}'`, `The tag '${tag}' has no meaning in Webside and was ignored.`),
      );
    }
  }
  return { ending, speaker, effects };
}

export function importTwee(text: string): ImportResult {
  const report: ImportNote[] = [];
  const passages = parseTwee(text, report);
  const story = passages.filter((p) => !SPECIAL.has(p.name) && !p.tags.includes(SETTINGS_TAG));
  if (story.length === 0)
    throw new ImportRejected("line 1", "The Twee file has no story passages, only special ones such as StoryTitle.");
  if (story.length > SCENARIO_LIMITS.nodes) {
    throw new ImportRejected(
      `passage '${story[SCENARIO_LIMITS.nodes]!.name}'`,
      `The story has ${story.length} passages; a scenario may have at most ${SCENARIO_LIMITS.nodes}. Split it into two.`,
    );
  }
  const title =
    passages
      .find((p) => p.name === "StoryTitle")
      ?.text.split("\n")[0]
      ?.trim() ?? story[0]!.name;
  const settingsPassage = passages.find((p) => p.tags.includes(SETTINGS_TAG));
  const settings = settingsPassage
    ? readJsonObject(settingsPassage.text, `passage '${settingsPassage.name}'`, report)
    : null;

  const taken = new Set<string>();
  const idOf = new Map<string, string>();
  for (const passage of story) idOf.set(passage.name, uniqueSlug(slugify(passage.name, "passage", 64), taken));
  const tags = new Map(story.map((p) => [p.name, tagInfo(p, report)]));
  const speakers: string[] = [];

  const nodes: Scenario["nodes"] = {};
  for (const passage of story) {
    const parts = readPassage(passage, report);
    const info = tags.get(passage.name)!;
    const lines: Line[] = parts.lines.map((l) => {
      const speaker = l.speaker ?? info.speaker ?? "narrator";
      if (speaker !== "narrator" && !speakers.includes(speaker)) speakers.push(speaker);
      return { speaker, text: clip(l.text, SCENARIO_LIMITS.lineText) };
    });
    const node: ScenarioNode = { lines };
    const extra = parts.node ?? {};
    if (typeof extra.title === "string") node.title = extra.title;
    else if (idOf.get(passage.name) !== passage.name) node.title = clip(passage.name, SCENARIO_LIMITS.title);
    if (Array.isArray(extra.lines)) node.lines = extra.lines as Line[];
    if (Array.isArray(extra.events)) node.events = extra.events as ScenarioNode["events"];
    if (info.ending || parts.ending) {
      const summary = lines.map((l) => l.text).join(" ") || passage.name;
      node.ending = {
        outcome: info.ending ?? "mixed",
        title: clip(passage.name, SCENARIO_LIMITS.title),
        summary: clip(summary, SCENARIO_LIMITS.summary),
        ...(parts.ending as Partial<NonNullable<ScenarioNode["ending"]>> | null),
      };
      if (parts.links.length > 0)
        report.push(
          note(
            "warning",
            `passage '${passage.name}'`,
            `An ending cannot offer choices, so its ${parts.links.length} link(s) were dropped.`,
          ),
        );
    } else if (parts.links.length > 0) {
      const choiceIds = new Set<string>();
      node.choices = parts.links.slice(0, SCENARIO_LIMITS.choicesPerNode).map((link) => {
        const target = idOf.get(link.target);
        if (!target)
          report.push(
            note(
              "warning",
              `passage '${passage.name}' (line ${link.line})`,
              `The link "${link.text}" goes to '${link.target}', which is not a passage in this file.`,
            ),
          );
        const choice: Choice = {
          id: uniqueSlug(slugify(link.text, "choice", 40), choiceIds),
          text: clip(link.text, SCENARIO_LIMITS.choiceText),
          next: target ?? slugify(link.target, "missing", 64),
          feedback: DEFAULT_FEEDBACK,
        };
        const effects = tags.get(link.target)?.effects ?? {};
        if (Object.keys(effects).length > 0) choice.effects = { ...effects };
        for (const key of CHOICE_KEYS)
          if (link.extra && Object.hasOwn(link.extra, key)) (choice as Record<string, unknown>)[key] = link.extra[key];
        if (choice.feedback === DEFAULT_FEEDBACK)
          report.push(
            note(
              "info",
              `passage '${passage.name}' (line ${link.line})`,
              `The choice "${clip(link.text, 60)}" has no feedback yet; write it in the editor.`,
            ),
          );
        return choice;
      });
      if (parts.links.length > SCENARIO_LIMITS.choicesPerNode) {
        report.push(
          note(
            "warning",
            `passage '${passage.name}'`,
            `Only the first ${SCENARIO_LIMITS.choicesPerNode} of its ${parts.links.length} links were kept: a node offers at most ${SCENARIO_LIMITS.choicesPerNode} choices.`,
          ),
        );
      }
    }
    nodes[idOf.get(passage.name)!] = node;
  }

  const data = storyData(passages, report);
  let start = story[0]!.name;
  if (data.start !== undefined) {
    if (idOf.has(data.start)) start = data.start;
    else
      report.push(
        note(
          "warning",
          "passage 'StoryData'",
          `The start passage '${data.start}' does not exist; the first passage '${start}' starts the scenario.`,
        ),
      );
  }
  const base = { ...draftSettings(title, "Twine"), competencies: competenciesUsed(nodes) };
  const draft = { ...base, ...(settings ?? {}), start: idOf.get(start)!, nodes } as Scenario;
  if (!settings || !Array.isArray(draft.cast))
    draft.cast = speakers.length > 0 ? speakers.map(castFromSpeaker) : [castFromSpeaker("patient", 0)];
  for (const speaker of speakers) {
    if (!draft.cast.some((c) => c.id === speaker)) {
      report.push(
        note("warning", `speaker '${speaker}'`, `'${speaker}' speaks but is not in the cast; add them in the editor.`),
      );
    }
  }
  return { draft, format: "twee", report };
}
