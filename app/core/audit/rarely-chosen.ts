// "A response nobody would plausibly choose" (issue 11): a length cue or an absolute word can be seen in the text,
// but a caricature can only be seen in what learners do. The item statistics of the published version already flag
// a distractor fewer than 5% chose once 20 have answered; this turns those flags into the studio's node-level warnings
// on the draft, so the author meets them where the response is edited.
import { nodeLabel, warning, type ScenarioProblem } from "../scenario/problems";
import type { Scenario } from "../scenario/schema";
import type { ItemStatisticsReport } from "../studio/item-statistics";
import { NON_FUNCTIONING_SHARE } from "../studio/item-statistics";

/** One response learners of a published version almost never chose: what the editor needs to warn about it. */
export interface RarelyChosenResponse {
  nodeId: string;
  choiceId: string;
  /** The response's text in that version: once the author rewrites it, the old figures no longer describe it. */
  text: string;
  /** Share of those who answered the decision, 0..1. */
  share: number;
  answered: number;
  version: number;
}

const HINT =
  "A distractor almost nobody picks only makes the right answer easier to spot. Rewrite it as a mistake a real " +
  "clinician makes here (well-meant but flawed), or remove it if another response already covers that mistake.";

/** The non-functioning distractors of a version's item statistics, in a form small enough to send to the editor. */
export function rarelyChosenResponses(report: ItemStatisticsReport, version: number): RarelyChosenResponse[] {
  return report.items.flatMap((item) =>
    item.responses
      .filter((r) => r.nonFunctioning)
      .map((r) => ({
        nodeId: item.nodeId,
        choiceId: r.choiceId,
        text: r.text,
        share: r.share,
        answered: item.answered,
        version,
      })),
  );
}

/** Warnings for the rarely chosen responses the draft still has, word for word. */
export function rarelyChosenFindings(
  scenario: Scenario,
  rarelyChosen: readonly RarelyChosenResponse[],
): ScenarioProblem[] {
  return rarelyChosen.flatMap((r) => {
    const choice = scenario.nodes[r.nodeId]?.choices?.find((c) => c.id === r.choiceId);
    if (!choice || choice.text.trim() !== r.text.trim()) return [];
    const percent = Math.round(r.share * 100);
    const said = percent === 0 ? "none" : `${percent}%`;
    return [
      warning(
        "rarely-chosen",
        `${nodeLabel(scenario, r.nodeId, r.choiceId)} was chosen by ${said} of the ${r.answered} learners who reached this ` +
          `decision in version ${r.version} (under ${Math.round(NON_FUNCTIONING_SHARE * 100)}% means it is not ` +
          `working as a distractor).`,
        { nodeId: r.nodeId, choiceId: r.choiceId, hint: HINT },
      ),
    ];
  });
}
