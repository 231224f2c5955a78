// `webside audit [files...]`: the item-writing audit (length cues, strategy bots, random walks, critical choices) per
// scenario as a table, then its warnings; exits 1 when a scenario breaks a threshold CI holds bundled scenarios to.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AUDIT_THRESHOLDS, auditScenario, type AuditReport } from "~/core/audit";
import { validateScenario } from "~/core/scenario";
import { parseFlags } from "../args";
import type { CliCommand } from "../types";
import { bundledScenarioFiles, formatProblem } from "./validate";

const help = `Usage: webside audit [files...] [--walks N] [--seed N] [--quiet]

Checks that a scenario's score measures skill, not test-wiseness. Per scenario it prints:
decisions; the share where the best response is the longest and where it is the shortest; the largest
length ratio between the best response and the mean of the others; the score and verdict of a bot that
always picks the longest response and one that always picks the shortest; the mean score and pass rate of
N seeded random walks (default 10,000); and passing paths that contain a critical choice (every path when
there are few enough, else the random walks). Then its warnings, each with a fix hint (--quiet leaves them out).
With no files, audits every scenarios/*.json.
Exits 1 when a scenario fails: either bot passes, random walks pass more than ${AUDIT_THRESHOLDS.maxRandomPassRate * 100}% of
the time, a passing path contains a critical choice, or the best response is the longest at more than
${AUDIT_THRESHOLDS.maxBestIsLongestShare * 100}% of its decisions.`;

const pct = (share: number) => `${(Math.round(share * 1000) / 10).toString()}%`;
const bot = (b: AuditReport["longestBot"]) =>
  `${b.overall}%, ${b.passed ? "PASSES" : "fails"}${b.outcome ? ` (${b.outcome} ending)` : " (no ending)"}`;

export function auditTable(report: AuditReport, walks: number): string[] {
  const t = AUDIT_THRESHOLDS;
  const flag = (bad: boolean) => (bad ? "  <- FAIL" : "");
  const ratio = report.largestLengthRatio;
  const p = report.paths;
  const rows: Array<[string, string]> = [
    ["decisions", `${report.decisions} (${report.scoredDecisions} with a best response)`],
    [
      "best is longest",
      `${pct(report.bestIsLongestShare)} (${report.bestIsLongest} of ${report.scoredDecisions}; at most ${pct(t.maxBestIsLongestShare)})` +
        flag(report.bestIsLongestShare > t.maxBestIsLongestShare),
    ],
    ["best is shortest", `${pct(report.bestIsShortestShare)} (${report.bestIsShortest} of ${report.scoredDecisions})`],
    ["largest length ratio", ratio ? `${ratio.ratio.toFixed(2)}x at ${ratio.nodeId}/${ratio.choiceId}` : "none"],
    ["longest-response bot", bot(report.longestBot) + flag(report.longestBot.passed)],
    ["shortest-response bot", bot(report.shortestBot) + flag(report.shortestBot.passed)],
    [
      `random walks (${walks.toLocaleString("en-GB")})`,
      `mean ${report.random.meanOverall.toFixed(1)}%, pass rate ${pct(report.random.passRate)} (at most ${pct(t.maxRandomPassRate)})` +
        flag(report.random.passRate > t.maxRandomPassRate),
    ],
    ["critical choices", String(report.criticalChoices)],
    [
      "passing paths with a critical",
      `${p.passingWithCritical} of ${p.passing} passing, ${p.counted.toLocaleString("en-GB")} ` +
        (p.exhaustive ? "paths (every path)" : `walks sampled (${p.gaveUp ?? "too many paths"})`) +
        flag(p.passingWithCritical > 0),
    ],
    ["failed only by the critical rule", `${p.heldBackByCritical} ${p.exhaustive ? "paths" : "walks"}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `${report.scenarioId} v${report.version}: ${report.failures.length === 0 ? "passes the audit" : "FAILS the audit"}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ];
}

export const command: CliCommand = {
  help,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { walks: { type: "string" }, seed: { type: "string" }, quiet: { type: "boolean" } },
      true,
    );
    const walks = values.walks === undefined ? 10_000 : Number(values.walks);
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(walks) || walks < 1 || walks > 1_000_000) {
      console.error("audit: --walks must be a whole number from 1 to 1,000,000.");
      return 1;
    }
    if (!Number.isInteger(seed)) {
      console.error("audit: --seed must be a whole number.");
      return 1;
    }
    const files = positionals.length > 0 ? positionals : await bundledScenarioFiles();
    let failing = 0;
    for (const file of files) {
      const shown = path.relative(process.cwd(), path.resolve(file)) || file;
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (cause) {
        failing += 1;
        console.log(
          `${shown}: error: cannot read the file (${cause instanceof Error ? cause.message : String(cause)}).`,
        );
        continue;
      }
      const validation = validateScenario(text);
      if (!validation.ok || !validation.scenario) {
        failing += 1;
        console.log(`${shown}: not audited: the scenario has errors (run \`npx webside validate ${shown}\`).`);
        continue;
      }
      const report = auditScenario(validation.scenario, { walks, seed });
      if (report.failures.length > 0) failing += 1;
      console.log(`${shown}`);
      for (const line of auditTable(report, walks)) console.log(line);
      if (!values.quiet) {
        const hinted = new Set<string>();
        for (const finding of report.findings.filter((f) => f.code !== "audit-threshold")) {
          console.log(`  ${formatProblem(shown, finding)}`);
          // Each kind's fix hint once per file, so twenty length cues do not print it twenty times.
          if (finding.hint && !hinted.has(finding.code)) console.log(`      fix: ${finding.hint}`);
          hinted.add(finding.code);
        }
      }
      console.log("");
    }
    const total = files.length;
    console.log(
      failing === 0
        ? `Audited ${total} scenario${total === 1 ? "" : "s"}: all pass.`
        : `Audited ${total} scenario${total === 1 ? "" : "s"}: ${failing} fail.`,
    );
    return failing > 0 ? 1 : 0;
  },
};
