// XState JSON machine config -> scenario draft: states become nodes, `on` transitions choices, final states endings.
import { conditionSchema } from "../scenario/condition-schema";
import {
  SCENARIO_LIMITS,
  criticalSchema,
  effectsSchema,
  variableUpdateSchema,
  type Branch,
  type Choice,
  type Scenario,
  type ScenarioNode,
} from "../scenario/schema";
import { DEFAULT_FEEDBACK, castFromSpeaker, clip, competenciesUsed, draftSettings, slugify, uniqueSlug } from "./draft";
import { ImportRejected, note, type ImportNote, type ImportResult } from "./types";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** "#machine.greeting", ".greeting" and "greeting" all name the sibling state "greeting". */
function stateKey(target: string): string {
  return target.replace(/^#[^.]*\./, "").replace(/^\./, "");
}

function humanise(event: string): string {
  const words = event
    .replace(/^choose\./, "")
    .replace(/[._-]+/g, " ")
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : "Continue";
}

function webside(state: Json): Json {
  return isObject(state.meta) && isObject(state.meta.webside) ? state.meta.webside : {};
}

export function importXState(data: unknown): ImportResult {
  const report: ImportNote[] = [];
  if (!isObject(data) || !isObject(data.states)) {
    throw new ImportRejected(
      "states",
      'This is not an XState machine config: it needs a "states" object (and usually "initial").',
    );
  }
  const states = data.states;
  const keys = Object.keys(states).filter((k) => !k.includes(":"));
  if (keys.length === 0) throw new ImportRejected("states", "The machine has no states.");
  if (keys.length > SCENARIO_LIMITS.nodes)
    throw new ImportRejected(
      "states",
      `The machine has ${keys.length} states; a scenario may have at most ${SCENARIO_LIMITS.nodes}.`,
    );
  const taken = new Set<string>();
  const idOf = new Map(keys.map((k) => [k, uniqueSlug(slugify(k, "state", 64), taken)]));
  for (const [key, id] of idOf)
    if (key !== id)
      report.push(note("info", `states.${key}`, `State '${key}' became node '${id}' (node ids are lower-case slugs).`));

  const nodeTarget = (raw: string, where: string): string => {
    const key = stateKey(raw);
    const id = idOf.get(key);
    if (!id) report.push(note("warning", where, `The target '${raw}' is not a top-level state of this machine.`));
    return id ?? slugify(key, "missing", 64);
  };

  const nodes: Scenario["nodes"] = {};
  for (const key of keys) {
    const where = `states.${key}`;
    const state = states[key];
    if (!isObject(state)) throw new ImportRejected(where, `${where} should be a state object.`);
    const meta = webside(state);
    const node: ScenarioNode = { lines: Array.isArray(meta.lines) ? (meta.lines as ScenarioNode["lines"]) : [] };
    // A Webside export keeps the node's own title in meta; its description is only a label for Stately.
    const title = isObject(state.meta) && isObject(state.meta.webside) ? str(meta.title) : str(state.description);
    if (title) node.title = clip(title, SCENARIO_LIMITS.title);
    if (Array.isArray(meta.events)) node.events = meta.events as ScenarioNode["events"];
    if (isObject(state.states))
      report.push(
        note(
          "warning",
          `${where}.states`,
          `State '${key}' has child states; Webside scenarios are flat, so they were left out.`,
        ),
      );
    for (const field of ["always", "after", "invoke"] as const) {
      if (state[field] !== undefined)
        report.push(
          note(
            "warning",
            `${where}.${field}`,
            `'${field}' on state '${key}' has no Webside equivalent and was left out.`,
          ),
        );
    }
    if (state.type === "final") {
      const ending = isObject(meta.ending) ? (meta.ending as NonNullable<ScenarioNode["ending"]>) : null;
      node.ending = ending ?? {
        outcome: "mixed",
        title: clip(title || key, SCENARIO_LIMITS.title),
        summary: clip(title || key, SCENARIO_LIMITS.summary),
      };
      if (!ending)
        report.push(
          note(
            "info",
            where,
            `Final state '${key}' became an ending marked 'mixed'; set its outcome and summary in the editor.`,
          ),
        );
      nodes[idOf.get(key)!] = node;
      continue;
    }
    const choiceIds = new Set<string>();
    const choices: Choice[] = [];
    for (const [event, value] of Object.entries(isObject(state.on) ? state.on : {})) {
      const at = `${where}.on.${event}`;
      const options = list(value)
        .map((t) => (typeof t === "string" ? { target: t } : t))
        .filter(isObject);
      const first = options.find((t) => typeof t.target === "string" || Array.isArray(t.target));
      if (!first) {
        report.push(note("warning", at, `Event '${event}' has no target state, so it was left out.`));
        continue;
      }
      if (options.length > 1)
        report.push(
          note(
            "warning",
            at,
            `Event '${event}' has ${options.length} alternative transitions; only the first was kept.`,
          ),
        );
      const targetName = str(list(first.target)[0]);
      const action = list(first.actions).find((a) => isObject(a) && a.type === "applyChoice" && isObject(a.params));
      const params = isObject(action) && isObject(action.params) ? action.params : {};
      const other = list(first.actions).filter((a) => a !== action && !(isObject(a) && a.type === "visit"));
      if (other.length > 0)
        report.push(
          note("warning", `${at}.actions`, `${other.length} action(s) other than Webside's own were left out.`),
        );
      const choice: Choice = {
        id: uniqueSlug(slugify(str(params.choiceId) || event.replace(/^choose\./, ""), "choice", 60), choiceIds),
        text: clip(str(first.description) || humanise(event), SCENARIO_LIMITS.choiceText),
        next: "",
        feedback: clip(str(params.feedback) || DEFAULT_FEEDBACK, SCENARIO_LIMITS.feedback),
      };
      const effects = effectsSchema.safeParse(params.effects);
      if (effects.success && Object.keys(effects.data).length > 0) choice.effects = effects.data;
      const set = (Array.isArray(params.set) ? params.set : [])
        .map((u) => variableUpdateSchema.safeParse(isObject(u) ? { var: u.var, op: u.op, value: u.value } : u))
        .filter((r) => r.success)
        .map((r) => r.data!);
      if (set.length > 0) choice.set = set;
      const critical = criticalSchema.safeParse(params.critical);
      if (critical.success) choice.critical = critical.data;
      if (first.guard !== undefined) {
        const guard =
          isObject(first.guard) && first.guard.type === "condition"
            ? conditionSchema.safeParse(first.guard.params)
            : null;
        if (guard?.success) choice.requires = guard.data;
        else
          report.push(
            note(
              "warning",
              `${at}.guard`,
              `The guard on '${event}' is not a Webside condition, so the choice is always offered.`,
            ),
          );
      }
      const routing = states[stateKey(targetName)];
      if (stateKey(targetName).includes(":") && isObject(routing)) {
        // Webside's own export: a routing state picks the first matching branch after the choice applies.
        const always = list(routing.always).filter(isObject);
        const branches: Branch[] = [];
        for (const t of always.slice(0, -1)) {
          const when = isObject(t.guard) ? conditionSchema.safeParse(t.guard.params) : null;
          if (when?.success) branches.push({ when: when.data, next: nodeTarget(str(t.target), `${at}.target`) });
        }
        choice.next = nodeTarget(str(always.at(-1)?.target), `${at}.target`);
        if (branches.length > 0) choice.branches = branches;
      } else {
        choice.next = nodeTarget(targetName, `${at}.target`);
      }
      if (choice.feedback === DEFAULT_FEEDBACK)
        report.push(note("info", at, `The choice for '${event}' has no feedback yet; write it in the editor.`));
      choices.push(choice);
    }
    if (choices.length > SCENARIO_LIMITS.choicesPerNode)
      report.push(
        note(
          "warning",
          where,
          `Only the first ${SCENARIO_LIMITS.choicesPerNode} of ${choices.length} transitions were kept.`,
        ),
      );
    if (choices.length > 0) node.choices = choices.slice(0, SCENARIO_LIMITS.choicesPerNode);
    nodes[idOf.get(key)!] = node;
  }

  const initial = str(data.initial);
  const start = idOf.get(stateKey(initial)) ?? idOf.get(keys[0]!)!;
  if (!idOf.has(stateKey(initial)))
    report.push(
      note("warning", "initial", `The initial state '${initial}' is missing; '${keys[0]}' starts the scenario.`),
    );
  const settings = isObject(data.meta) && isObject(data.meta.webside) ? data.meta.webside : null;
  const base = {
    ...draftSettings(str(data.id) || "Imported machine", "XState"),
    competencies: competenciesUsed(nodes),
  };
  const draft = { ...base, cast: [castFromSpeaker("patient", 0)], ...(settings ?? {}), start, nodes } as Scenario;
  if (!settings)
    report.push(
      note(
        "info",
        "meta",
        "The machine carries no Webside settings: add the cast, objectives and dialogue in the editor.",
      ),
    );
  return { draft, format: "xstate", report };
}
