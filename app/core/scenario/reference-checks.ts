// Checks that every name a scenario uses (speakers, variables, competencies, choice ids) is declared and used sensibly.
import type { Competency } from "../competencies";
import { conditionDepth, conditionLeaves } from "./conditions";
import { competencyName, error, nodeLabel, nodeName, warning, type ScenarioProblem } from "./problems";
import { SCENARIO_LIMITS, type Condition, type Scenario } from "./schema";
import { didYouMean } from "./suggest";

export const NARRATOR = "narrator";

function castChecks(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const seen = new Set<string>();
  scenario.cast.forEach((member, index) => {
    const path = `cast[${index}].id`;
    if (member.id === NARRATOR)
      problems.push(
        error(
          "reserved-cast-id",
          `Cast member ${index + 1} uses the id 'narrator', which is reserved for narration. Choose another id.`,
          { path },
        ),
      );
    if (seen.has(member.id))
      problems.push(
        error("duplicate-cast-id", `Two cast members share the id '${member.id}'. Give each one its own id.`, { path }),
      );
    seen.add(member.id);
  });
  const patients = scenario.cast.filter((m) => m.role === "patient").length;
  if (patients > SCENARIO_LIMITS.patients) {
    problems.push(
      error(
        "too-many-patients",
        `The cast has ${patients} patients; a video group session here has at most ${SCENARIO_LIMITS.patients}. Remove one or change their role.`,
        { path: "cast" },
      ),
    );
  }
  return problems;
}

function variableChecks(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const [name, variable] of Object.entries(scenario.variables ?? {})) {
    if (variable.type !== "number") continue;
    const path = `variables.${name}`;
    const { min, max, initial } = variable;
    if (min !== undefined && max !== undefined && min > max) {
      problems.push(
        error("bad-variable-range", `Variable '${name}' has min ${min} above max ${max}. Swap them.`, { path }),
      );
    } else if ((min !== undefined && initial < min) || (max !== undefined && initial > max)) {
      problems.push(
        error(
          "bad-variable-range",
          `Variable '${name}' starts at ${initial}, outside its range ${min ?? "-inf"}..${max ?? "inf"}. Change 'initial' or the range.`,
          { path },
        ),
      );
    }
  }
  if (Object.keys(scenario.variables ?? {}).length > SCENARIO_LIMITS.variables) {
    problems.push(
      error(
        "too-many-variables",
        `The scenario declares more than ${SCENARIO_LIMITS.variables} variables. Remove the ones you do not need.`,
        { path: "variables" },
      ),
    );
  }
  return problems;
}

interface Where {
  nodeId: string;
  choiceId: string;
  /** The choice's position in its node, which names it in messages ("Choice 2 of 'Opening'"). */
  index: number;
  path: string;
  /** "its 'requires' condition", "the condition of branch 2" */
  label: string;
}

function conditionChecks(scenario: Scenario, condition: Condition, at: Where, used: Set<string>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const where = { nodeId: at.nodeId, choiceId: at.choiceId, path: at.path };
  const prefix = `${nodeLabel(scenario, at.nodeId, at.index)}: ${at.label}`;
  const variables = scenario.variables ?? {};
  const depth = conditionDepth(condition);
  if (depth > SCENARIO_LIMITS.conditionDepth) {
    problems.push(
      error(
        "condition-too-deep",
        `${prefix} is nested ${depth} levels deep; the limit is ${SCENARIO_LIMITS.conditionDepth}. Flatten it (e.g. merge nested "all" lists).`,
        where,
      ),
    );
  }
  for (const leaf of conditionLeaves(condition)) {
    if ("visited" in leaf) {
      if (!Object.hasOwn(scenario.nodes, leaf.visited)) {
        problems.push(
          error(
            "unknown-node",
            `${prefix} asks whether '${leaf.visited}' was visited, but there is no node with that id${didYouMean(leaf.visited, Object.keys(scenario.nodes))}. Fix the node id.`,
            where,
          ),
        );
      }
    } else if ("score" in leaf) {
      if (!scenario.competencies.includes(leaf.score)) {
        problems.push(
          error(
            "undeclared-competency",
            `${prefix} tests the score for ${competencyName(leaf.score)}, which this scenario does not assess. Add it to the competencies assessed or test another one.`,
            where,
          ),
        );
      }
    } else {
      used.add(leaf.var);
      const declared = Object.hasOwn(variables, leaf.var) ? variables[leaf.var] : undefined;
      if (!declared) {
        problems.push(
          error(
            "undeclared-variable",
            `${prefix} uses the variable '${leaf.var}', which is not declared${didYouMean(leaf.var, Object.keys(variables))}. Declare it under "variables" or fix the name.`,
            where,
          ),
        );
      } else if (declared.type !== typeof leaf.value) {
        problems.push(
          error(
            "variable-type-mismatch",
            `${prefix} compares the ${declared.type} variable '${leaf.var}' with ${JSON.stringify(leaf.value)}. Compare it with a ${declared.type}.`,
            where,
          ),
        );
      } else if (declared.type === "boolean" && leaf.op !== "eq" && leaf.op !== "neq") {
        problems.push(
          error(
            "variable-type-mismatch",
            `${prefix} uses '${leaf.op}' on the true/false variable '${leaf.var}'. Use "eq" or "neq".`,
            where,
          ),
        );
      }
    }
  }
  return problems;
}

function choiceChecks(scenario: Scenario, used: Set<string>, affected: Set<Competency>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const variables = scenario.variables ?? {};
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const ids = new Set<string>();
    (node.choices ?? []).forEach((choice, index) => {
      const base = `nodes.${nodeId}.choices[${index}]`;
      const where = { nodeId, choiceId: choice.id, path: base };
      const label = nodeLabel(scenario, nodeId, index);
      if (ids.has(choice.id))
        problems.push(
          error(
            "duplicate-choice-id",
            `${nodeLabel(scenario, nodeId)} has two choices with the id '${choice.id}'. Rename one of them.`,
            { ...where, path: `${base}.id` },
          ),
        );
      ids.add(choice.id);
      const effects = Object.entries(choice.effects ?? {}) as Array<[Competency, number]>;
      for (const [competency, amount] of effects) {
        if (!scenario.competencies.includes(competency)) {
          problems.push(
            error(
              "undeclared-competency",
              `${label} changes ${competencyName(competency)}, which this scenario does not assess. Add ${competencyName(competency)} to the competencies assessed, or remove the effect.`,
              { ...where, path: `${base}.effects.${competency}` },
            ),
          );
        } else if (amount !== 0) affected.add(competency);
      }
      if (effects.every(([, amount]) => amount === 0)) {
        problems.push(
          warning(
            "choice-scores-nothing",
            `${label} has no effect on any competency, so it scores nothing. Add effects (e.g. "rapport": 1) saying what it shows, or merge it with another choice.`,
            { ...where, path: `${base}.effects` },
          ),
        );
      }
      if (choice.requires)
        problems.push(
          ...conditionChecks(
            scenario,
            choice.requires,
            { ...where, index, path: `${base}.requires`, label: "its 'requires' condition" },
            used,
          ),
        );
      (choice.branches ?? []).forEach((branch, b) => {
        problems.push(
          ...conditionChecks(
            scenario,
            branch.when,
            { ...where, index, path: `${base}.branches[${b}].when`, label: `the condition of branch ${b + 1}` },
            used,
          ),
        );
      });
      (choice.set ?? []).forEach((update, s) => {
        const at = { ...where, path: `${base}.set[${s}]` };
        used.add(update.var);
        const declared = Object.hasOwn(variables, update.var) ? variables[update.var] : undefined;
        if (!declared) {
          problems.push(
            error(
              "undeclared-variable",
              `${label} sets '${update.var}', which is not declared${didYouMean(update.var, Object.keys(variables))}. Declare it under "variables" or fix the name.`,
              at,
            ),
          );
        } else if (declared.type !== typeof update.value) {
          problems.push(
            error(
              "variable-type-mismatch",
              `${label} sets the ${declared.type} variable '${update.var}' to ${JSON.stringify(update.value)}. Use a ${declared.type}.`,
              at,
            ),
          );
        } else if (declared.type === "boolean" && update.op === "add") {
          problems.push(
            error(
              "variable-type-mismatch",
              `${label} adds to the true/false variable '${update.var}'. Use "op": "set".`,
              at,
            ),
          );
        }
      });
    });
  }
  return problems;
}

function speakerChecks(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const castIds = scenario.cast.map((m) => m.id);
  const known = [...castIds, NARRATOR];
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    node.lines.forEach((line, index) => {
      if (!known.includes(line.speaker)) {
        problems.push(
          error(
            "unknown-speaker",
            `Line ${index + 1} of ${nodeName(scenario, nodeId)} is spoken by '${line.speaker}', who is not in the cast${didYouMean(line.speaker, known)}. Use a cast id or "narrator".`,
            { nodeId, path: `nodes.${nodeId}.lines[${index}].speaker` },
          ),
        );
      }
    });
    (node.events ?? []).forEach((event, index) => {
      if (event.who !== undefined && !castIds.includes(event.who)) {
        problems.push(
          error(
            "unknown-speaker",
            `Stage event ${index + 1} of ${nodeName(scenario, nodeId)} happens to '${event.who}', who is not in the cast${didYouMean(event.who, castIds)}. Use a cast id.`,
            { nodeId, path: `nodes.${nodeId}.events[${index}].who` },
          ),
        );
      }
    });
  }
  return problems;
}

/** All checks on names and declarations; graph shape is checked separately. */
export function referenceChecks(scenario: Scenario): ScenarioProblem[] {
  const used = new Set<string>();
  const affected = new Set<Competency>();
  const problems = [
    ...castChecks(scenario),
    ...variableChecks(scenario),
    ...speakerChecks(scenario),
    ...choiceChecks(scenario, used, affected),
  ];
  const declared = new Set<string>();
  scenario.competencies.forEach((competency, index) => {
    if (declared.has(competency))
      problems.push(
        warning(
          "duplicate-competency",
          `${competencyName(competency)} is listed twice in the competencies assessed. Remove the repeat.`,
          { path: `competencies[${index}]` },
        ),
      );
    else if (!affected.has(competency))
      problems.push(
        warning(
          "competency-never-scored",
          `The scenario assesses ${competencyName(competency)}, but no choice changes it. Add effects on it to some choices, or stop assessing it.`,
          { path: "competencies" },
        ),
      );
    declared.add(competency);
  });
  for (const name of Object.keys(scenario.variables ?? {})) {
    if (!used.has(name))
      problems.push(
        warning(
          "unused-variable",
          `Variable '${name}' is declared but no choice sets or tests it. Use it or remove it.`,
          { path: `variables.${name}` },
        ),
      );
  }
  return problems;
}
