// Reads a staff spreadsheet (CSV with columns email, name, team, roles) into rows with a report on each,
// so an admin sees every problem before anything is written.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { hasHiddenCharacters, HIDDEN_CHARACTERS_MESSAGE } from "../text/hidden-characters";
import { safeCell } from "./export-rows";

export const STAFF_ROLES = ["clinician", "educator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_CSV_COLUMNS = ["email", "name", "team", "roles"] as const;
export const MAX_STAFF_ROWS = 5000;
export const MAX_STAFF_CSV_BYTES = 2 * 1024 * 1024;

export interface StaffRow {
  /** The line in the file (the header is line 1), as a spreadsheet shows it. */
  line: number;
  email: string;
  name: string;
  /** Team name; empty for none. A team that does not exist yet is created on import. */
  team: string;
  roles: StaffRole[];
  problems: string[];
}

export interface StaffCsvReport {
  rows: StaffRow[];
  /** Problems with the file as a whole (unreadable, missing columns, too long). */
  fileProblems: string[];
  /** Team names the import would create. */
  newTeams: string[];
  /** True when every row is good and there is at least one. */
  ok: boolean;
}

/** What the organisation already has, to report rows that clash with it. */
export interface StaffCsvContext {
  /** Lower-cased emails of this organisation's members. */
  memberEmails: ReadonlySet<string>;
  /** Lower-cased emails with a Webside account in another organisation (an email is one account). */
  otherAccountEmails: ReadonlySet<string>;
  teamNames: readonly string[];
}

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseRoles(raw: string): { roles: StaffRole[]; unknown: string[] } {
  const words = raw
    .split(/[;|,/\s]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const unknown = words.filter((w) => !(STAFF_ROLES as readonly string[]).includes(w));
  const roles = STAFF_ROLES.filter((r) => words.includes(r));
  // No roles given means the usual case: a clinician who practises.
  return { roles: words.length === 0 ? ["clinician"] : roles, unknown };
}

export function readStaffCsv(text: string, context: StaffCsvContext): StaffCsvReport {
  const fail = (problem: string): StaffCsvReport => ({ rows: [], fileProblems: [problem], newTeams: [], ok: false });
  if (text.length > MAX_STAFF_CSV_BYTES)
    return fail(`The file is larger than ${MAX_STAFF_CSV_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    return fail(
      `The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}. Save it from your spreadsheet as "CSV (comma delimited)".`,
    );
  }
  const [header, ...body] = records;
  if (!header) return fail("The file is empty. The first line should be the column names: email, name, team, roles.");
  const columns = header.map((h) => h.toLowerCase());
  const missing = ["email", "name"].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return fail(
      `The first line must name the columns email, name, team, roles; ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing (found: ${header.join(", ")}).`,
    );
  }
  if (body.length === 0) return fail("The file has column names but no people.");
  if (body.length > MAX_STAFF_ROWS)
    return fail(`The file has ${body.length} people; import at most ${MAX_STAFF_ROWS} at a time.`);

  const at = (record: string[], column: string) => record[columns.indexOf(column)] ?? "";
  const seen = new Map<string, number>();
  const knownTeams = new Map(context.teamNames.map((t) => [t.toLowerCase(), t]));
  const newTeams = new Map<string, string>();
  const rows = body.map((record, index): StaffRow => {
    const line = index + 2;
    const email = at(record, "email").toLowerCase();
    const name = at(record, "name");
    const team = at(record, "team");
    const { roles, unknown } = parseRoles(at(record, "roles"));
    const problems: string[] = [];
    if (!email) problems.push("The email is missing.");
    else if (!EMAIL.test(email) || email.length > 254) problems.push(`"${email}" is not a valid email address.`);
    if (!name) problems.push("The name is missing.");
    else if (name.length > 200) problems.push("The name is longer than 200 characters.");
    if (team.length > 100) problems.push("The team name is longer than 100 characters.");
    for (const [label, value] of [
      ["email", email],
      ["name", name],
      ["team name", team],
    ] as const)
      if (hasHiddenCharacters(value)) problems.push(`The ${label} ${HIDDEN_CHARACTERS_MESSAGE}.`);
    for (const word of unknown)
      problems.push(`"${word}" is not a role; use clinician, educator or admin (separate several with ;).`);
    if (email && seen.has(email)) problems.push(`${email} is also on line ${seen.get(email)}; each person once.`);
    else if (context.memberEmails.has(email)) problems.push(`${email} is already a member of this organisation.`);
    else if (context.otherAccountEmails.has(email))
      // Neutral on purpose: saying where the account is would let an admin probe other trusts' staff (issue 12).
      problems.push(`${email} cannot be added here. Check the address, or ask the person for another one.`);
    if (email && !seen.has(email)) seen.set(email, line);
    if (team && !knownTeams.has(team.toLowerCase()) && !newTeams.has(team.toLowerCase()))
      newTeams.set(team.toLowerCase(), team);
    return { line, email, name, team, roles, problems };
  });
  return { rows, fileProblems: [], newTeams: [...newTeams.values()], ok: rows.every((r) => r.problems.length === 0) };
}

/** The rows an import can take when the admin chooses to skip the others: those without problems. */
export function importableRows(report: StaffCsvReport): { rows: StaffRow[]; skipped: StaffRow[]; newTeams: string[] } {
  const rows = report.rows.filter((r) => r.problems.length === 0);
  const used = new Set(rows.map((r) => r.team.toLowerCase()).filter(Boolean));
  return {
    rows,
    skipped: report.rows.filter((r) => r.problems.length > 0),
    // Only teams someone imported will be in: a team named only on skipped rows is not created.
    newTeams: report.newTeams.filter((t) => used.has(t.toLowerCase())),
  };
}

export const SKIPPED_ROWS_HEADER = ["email", "name", "team", "roles", "line", "why it was skipped"];

/**
 * The skipped rows as a CSV the admin can correct and upload again (the first four columns are the import's own),
 * with every cell safe from spreadsheet formulas.
 */
export function skippedRowsCsv(skipped: readonly StaffRow[]): string {
  return stringify([
    SKIPPED_ROWS_HEADER,
    ...skipped.map((r) =>
      [r.email, r.name, r.team, r.roles.join(";"), r.line, r.problems.join(" ")].map((c) => safeCell(c)),
    ),
  ]);
}
