// H5P Branching Scenario content.json -> scenario draft: questions become choices, content becomes lines, end screens endings.
import type { Competency } from "../competencies";
import {
  SCENARIO_LIMITS,
  type Choice,
  type Line,
  type Outcome,
  type Scenario,
  type ScenarioNode,
} from "../scenario/schema";
import { DEFAULT_FEEDBACK, castFromSpeaker, clip, draftSettings, htmlToText, slugify, uniqueSlug } from "./draft";
import { ImportRejected, note, type ImportNote, type ImportResult } from "./types";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

export interface H5pOptions {
  /** H5P has one score; Webside scores competencies. Scores are mapped onto this one (default "rapport"). */
  competency?: Competency;
}

/** Finds branchingScenario at the top of content.json, or inside an exported wrapper's params. */
function scenarioRoot(data: unknown): Json {
  if (isObject(data) && isObject(data.branchingScenario)) return data.branchingScenario;
  if (isObject(data) && isObject(data.params) && isObject(data.params.branchingScenario))
    return data.params.branchingScenario;
  throw new ImportRejected(
    "branchingScenario",
    'This is not H5P Branching Scenario content: content.json has no "branchingScenario" object at the top.',
  );
}

const libraryName = (item: Json): string => str(isObject(item.type) ? item.type.library : "").split(" ")[0] ?? "";
const paramsOf = (item: Json): Json => (isObject(item.type) && isObject(item.type.params) ? item.type.params : {});

/** Lines for a content node that is not a question; what cannot be shown as text is named in the report. */
function contentLines(item: Json, where: string, report: ImportNote[]): Line[] {
  const library = libraryName(item);
  const params = paramsOf(item);
  const narrate = (text: string): Line[] =>
    text
      .split("\n")
      .filter(Boolean)
      .map((t) => ({ speaker: "narrator", text: clip(t, SCENARIO_LIMITS.lineText) }));
  switch (library) {
    case "H5P.AdvancedText":
    case "H5P.Text":
      return narrate(htmlToText(str(params.text)));
    case "H5P.Image": {
      report.push(
        note(
          "warning",
          `${where}.type`,
          "Images are not shown in the practice room; its alternative text became a narrator line.",
        ),
      );
      return narrate(`[Image: ${str(params.alt) || str(params.contentName) || "untitled"}]`);
    }
    case "H5P.Video":
    case "H5P.InteractiveVideo": {
      report.push(
        note(
          "warning",
          `${where}.type`,
          `A ${library.slice(4)} cannot play in the practice room; describe what happens in it as lines or stage events.`,
        ),
      );
      const title = isObject(item.metadata) ? str(item.metadata.title) : "";
      return narrate(`[Video: ${title || str(item.contentTitle) || "untitled"}]`);
    }
    case "H5P.CoursePresentation": {
      const slides =
        isObject(params.presentation) && Array.isArray(params.presentation.slides) ? params.presentation.slides : [];
      const texts: string[] = [];
      let dropped = 0;
      for (const slide of slides) {
        for (const element of isObject(slide) && Array.isArray(slide.elements) ? slide.elements : []) {
          const action = isObject(element) && isObject(element.action) ? element.action : {};
          const text = isObject(action.params) ? htmlToText(str(action.params.text)) : "";
          if (text) texts.push(text);
          else dropped += 1;
        }
      }
      if (dropped > 0)
        report.push(
          note(
            "warning",
            `${where}.type`,
            `${dropped} slide element(s) without text (images, questions, videos) were left out.`,
          ),
        );
      return narrate(texts.join("\n"));
    }
    case "H5P.ImageHotspots":
      report.push(
        note("warning", `${where}.type`, "Image hotspots cannot be shown; only the hotspots' text was kept."),
      );
      return narrate(
        (Array.isArray(params.hotspots) ? params.hotspots : [])
          .flatMap((h) => (isObject(h) && Array.isArray(h.content) ? h.content : []))
          .map((c) => (isObject(c) && isObject(c.params) ? htmlToText(str(c.params.text)) : ""))
          .filter(Boolean)
          .join("\n"),
      );
    default:
      report.push(
        note(
          "warning",
          `${where}.type`,
          `The content type '${library || "unknown"}' is not supported; a placeholder line stands in for it.`,
        ),
      );
      return narrate(`[${library || "Unknown content"} left out on import]`);
  }
}

function outcomeFor(score: number | null, best: number): Outcome {
  if (score === null || best <= 0) return "mixed";
  if (score >= best * 0.67) return "good";
  return score >= best * 0.34 ? "mixed" : "poor";
}

const numberOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function importH5p(data: unknown, options: H5pOptions = {}): ImportResult {
  const report: ImportNote[] = [];
  const competency = options.competency ?? "rapport";
  const root = scenarioRoot(data);
  const content = root.content;
  if (!Array.isArray(content) || content.length === 0)
    throw new ImportRejected(
      "branchingScenario.content",
      "branchingScenario.content must be a list with at least one item.",
    );
  if (content.length > SCENARIO_LIMITS.nodes) {
    throw new ImportRejected(
      "branchingScenario.content",
      `The branching scenario has ${content.length} content items; a scenario may have at most ${SCENARIO_LIMITS.nodes}.`,
    );
  }
  const endScreens = (Array.isArray(root.endScreens) ? root.endScreens : []).filter(isObject);
  const scoring = isObject(root.scoringOptionGroup)
    ? str(root.scoringOptionGroup.scoringOption)
    : isObject(root.scoringOption)
      ? str(root.scoringOption.scoringOption)
      : "";
  const scores = [...endScreens.map((e) => numberOrNull(e.endScreenScore))];
  const taken = new Set<string>();
  const ids = content.map((item, i) =>
    uniqueSlug(slugify(isObject(item) ? str(item.contentTitle) : "", `content-${i + 1}`), taken),
  );
  const nodes: Scenario["nodes"] = {};
  const endings: Array<{ id: string; title: string; summary: string; score: number | null }> = [];

  /** A negative nextContentId is an end screen: the default one, or the alternative's own feedback ending. */
  const target = (next: unknown, where: string, feedback: Json | null): string => {
    const n = numberOrNull(next);
    if (n !== null && n >= 0 && n < content.length && Number.isInteger(n)) return ids[n]!;
    if (n !== null && n >= content.length)
      report.push(
        note("warning", where, `nextContentId ${n} points past the last content item; it now leads to the end screen.`),
      );
    const custom = feedback && (str(feedback.title) || str(feedback.subtitle)) ? feedback : null;
    if (custom) {
      const id = uniqueSlug("ending", taken);
      endings.push({
        id,
        title: htmlToText(str(custom.title)) || "The end",
        summary: htmlToText(str(custom.subtitle)) || htmlToText(str(custom.title)),
        score: numberOrNull(custom.endScreenScore),
      });
      return id;
    }
    const screen = endScreens.find((e) => numberOrNull(e.contentId) === (n ?? -1)) ?? endScreens[0];
    const key = `end-screen-${String(n ?? -1).replace("-", "")}`;
    if (!endings.some((e) => e.id === key)) {
      taken.add(key);
      endings.push({
        id: key,
        title: htmlToText(str(screen?.endScreenTitle)) || "The end",
        summary: htmlToText(str(screen?.endScreenSubtitle)) || "The scenario is over.",
        score: numberOrNull(screen?.endScreenScore),
      });
    }
    return key;
  };

  content.forEach((item, i) => {
    const where = `branchingScenario.content[${i}]`;
    if (!isObject(item) || !isObject(item.type))
      throw new ImportRejected(where, `${where} is not a content item with a "type" (library and params).`);
    const node: ScenarioNode = { lines: [] };
    if (str(item.contentTitle)) node.title = clip(str(item.contentTitle), SCENARIO_LIMITS.title);
    if (libraryName(item) === "H5P.BranchingQuestion") {
      const question = isObject(paramsOf(item).branchingQuestion) ? (paramsOf(item).branchingQuestion as Json) : {};
      node.lines = htmlToText(str(question.question))
        .split("\n")
        .filter(Boolean)
        .map((text) => ({ speaker: "narrator", text: clip(text, SCENARIO_LIMITS.lineText) }));
      const alternatives = (Array.isArray(question.alternatives) ? question.alternatives : []).filter(isObject);
      if (alternatives.length === 0)
        report.push(
          note(
            "warning",
            `${where}.type.params.branchingQuestion.alternatives`,
            "This question has no alternatives, so it is a dead end; add choices in the editor.",
          ),
        );
      const choiceIds = new Set<string>();
      node.choices = alternatives.slice(0, SCENARIO_LIMITS.choicesPerNode).map((alt, a) => {
        const feedback = isObject(alt.feedback) ? alt.feedback : null;
        const text = htmlToText(str(alt.text)) || `Option ${a + 1}`;
        const choice: Choice = {
          id: uniqueSlug(`option-${a + 1}`, choiceIds),
          text: clip(text, SCENARIO_LIMITS.choiceText),
          next: target(
            alt.nextContentId,
            `${where}.alternatives[${a}].nextContentId`,
            numberOrNull(alt.nextContentId) !== null && numberOrNull(alt.nextContentId)! < 0 ? feedback : null,
          ),
          feedback: clip(
            htmlToText(`${str(feedback?.title)}\n${str(feedback?.subtitle)}`).replace(/\n/g, " ") || DEFAULT_FEEDBACK,
            SCENARIO_LIMITS.feedback,
          ),
        };
        const score = numberOrNull(feedback?.endScreenScore);
        if (
          scoring === "dynamic-score" &&
          score !== null &&
          numberOrNull(alt.nextContentId) !== null &&
          numberOrNull(alt.nextContentId)! >= 0
        ) {
          choice.effects = { [competency]: Math.max(-3, Math.min(3, Math.round(score))) };
          if (Math.abs(score) > 3)
            report.push(
              note(
                "info",
                `${where}.alternatives[${a}].feedback.endScreenScore`,
                `Score ${score} was capped to ${choice.effects[competency]} (Webside effects run from -3 to 3).`,
              ),
            );
        }
        return choice;
      });
      if (alternatives.length > SCENARIO_LIMITS.choicesPerNode)
        report.push(note("warning", where, `Only the first ${SCENARIO_LIMITS.choicesPerNode} alternatives were kept.`));
    } else {
      node.lines = contentLines(item, where, report);
      const label = isObject(root.l10n) ? str(root.l10n.proceedButtonText) : "";
      node.choices = [
        {
          id: "continue",
          text: label || "Continue",
          next: target(item.nextContentId, `${where}.nextContentId`, null),
          feedback: "Moves the consultation on.",
        },
      ];
    }
    nodes[ids[i]!] = node;
  });

  const best = Math.max(0, ...endings.map((e) => e.score ?? 0), ...scores.map((s) => s ?? 0));
  for (const ending of endings) {
    nodes[ending.id] = {
      lines: [],
      ending: {
        outcome: outcomeFor(ending.score, best),
        title: clip(ending.title, SCENARIO_LIMITS.title),
        summary: clip(ending.summary || ending.title, SCENARIO_LIMITS.summary),
      },
    };
  }
  if (endings.some((e) => e.score === null) || best === 0)
    report.push(
      note(
        "info",
        "branchingScenario.endScreens",
        "Endings without a score were marked 'mixed'; set each ending's outcome in the editor.",
      ),
    );
  if (scoring !== "dynamic-score")
    report.push(
      note(
        "info",
        "branchingScenario.scoringOption",
        `Choices carry no competency effects (scoring was '${scoring || "no-score"}'); add effects in the editor.`,
      ),
    );
  else
    report.push(
      note("info", "branchingScenario.scoringOption", `H5P scores were mapped onto the competency '${competency}'.`),
    );
  const title =
    htmlToText(str(root.title)) ||
    (isObject(root.startScreen) ? htmlToText(str(root.startScreen.startScreenTitle)) : "") ||
    "H5P branching scenario";
  const settings = draftSettings(title, "H5P");
  const subtitle = isObject(root.startScreen) ? htmlToText(str(root.startScreen.startScreenSubtitle)) : "";
  const draft: Scenario = {
    ...settings,
    summary: clip(subtitle || settings.summary, SCENARIO_LIMITS.summary),
    competencies: [competency],
    cast: [castFromSpeaker("patient", 0)],
    start: ids[0]!,
    nodes,
  };
  return { draft, format: "h5p", report };
}
