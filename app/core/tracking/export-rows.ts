// The rows of the CSV exports (assignments per person, a clinician's learning record), with spreadsheet-safe cells.
import type { AssignmentRow } from "./assignment-rows";

export const ASSIGNMENT_EXPORT_HEADER = [
  "name",
  "email",
  "team",
  "scenario",
  "version",
  "status",
  "due",
  "completed at",
  "score",
  "passed",
];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start) gets a leading
 * apostrophe, so a name typed into an import cannot become a formula in an admin's spreadsheet.
 */
export function safeCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function assignmentExportRow(
  row: AssignmentRow,
  teamNames: ReadonlyMap<string, string>,
  scenarioTitle: (id: string) => string,
): string[] {
  const { member, assignment, completion } = row;
  return [
    member.name,
    member.email,
    member.teamIds
      .map((t) => teamNames.get(t))
      .filter(Boolean)
      .join("; "),
    scenarioTitle(assignment.scenarioId),
    String(assignment.scenarioVersion),
    completion.status === "completed" && completion.late ? "completed late" : completion.status,
    assignment.dueAt.slice(0, 10),
    completion.completedAt ?? "",
    completion.score === null ? "" : String(completion.score),
    completion.passed ? "yes" : "no",
  ].map(safeCell);
}

export const LEARNING_RECORD_HEADER = [
  "completed at",
  "scenario",
  "version",
  "mode",
  "score",
  "passed",
  "cpd minutes",
  "certificate",
  "reflection",
  "stated minutes",
  "seconds taken",
];
