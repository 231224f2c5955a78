// Staff CSV import on the server: check a file against the organisation (preview), then create everyone or nobody.
import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import {
  importableRows,
  MAX_STAFF_CSV_BYTES,
  readStaffCsv,
  skippedRowsCsv,
  type StaffCsvReport,
} from "~/core/tracking/staff-csv";
import { UniqueViolationError } from "~/storage/errors";
import { audit } from "~/services/audit.server";
import type { Viewer } from "~/utils/auth.server";
import { createInvitationLink } from "~/services/invitations.server";

const CHOOSE_A_FILE = "Choose a CSV file to upload.";

/**
 * The import form: `preview` (the default) checks an uploaded file, `confirm` imports the text the preview sent back
 * in its hidden `csv` field.
 */
export const staffCsvForm = z.object({
  intent: z.enum(["preview", "confirm"], { error: "Unknown action." }).default("preview"),
  file: z.instanceof(File, { error: CHOOSE_A_FILE }).optional(),
  csv: z.string().optional(),
  /** "yes": import the rows without problems and skip the others (the preview offers it when some rows are good). */
  skip: z.enum(["yes"]).optional(),
});

/** The file's text from an upload or from the preview's hidden field, refusing anything too large to be staff. */
export async function csvTextFrom({
  file,
  csv,
}: Pick<z.output<typeof staffCsvForm>, "file" | "csv">): Promise<string | { problem: string }> {
  if (file) {
    if (file.size === 0) return { problem: CHOOSE_A_FILE };
    if (file.size > MAX_STAFF_CSV_BYTES)
      return {
        problem: `The file is larger than ${MAX_STAFF_CSV_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
      };
    return file.text();
  }
  if (csv?.trim()) return csv;
  return { problem: CHOOSE_A_FILE };
}

export async function checkStaffCsv(context: AppLoadContext, orgId: string, text: string): Promise<StaffCsvReport> {
  const [members, teams] = await Promise.all([context.store.listMembers(orgId), context.store.listTeams(orgId)]);
  const memberEmails = new Set(members.map((m) => m.user.email));
  // First pass without other organisations, to learn which emails to look up; then one lookup per new email.
  const first = readStaffCsv(text, {
    memberEmails,
    otherAccountEmails: new Set(),
    teamNames: teams.map((t) => t.name),
  });
  const otherAccountEmails = new Set<string>();
  for (const row of first.rows) {
    if (row.email && !memberEmails.has(row.email) && (await context.store.getUserByEmail(row.email)))
      otherAccountEmails.add(row.email);
  }
  return otherAccountEmails.size === 0
    ? first
    : readStaffCsv(text, { memberEmails, otherAccountEmails, teamNames: teams.map((t) => t.name) });
}

export interface SkippedRow {
  line: number;
  email: string;
  name: string;
  problems: string[];
}

export type ImportOutcome =
  | {
      ok: true;
      people: Array<{ name: string; email: string; link: string }>;
      teamsCreated: string[];
      skipped: SkippedRow[];
      /** The skipped rows as CSV, to correct and upload again; null when none were skipped. */
      skippedCsv: string | null;
    }
  | { ok: false; report: StaffCsvReport | null; problem: string };

/**
 * Imports the file: every row, or, when the admin chose to skip rows with problems, the good ones (the rows are
 * checked again here, so a row that became a problem since the preview is skipped too). Each import is one write.
 */
export async function importStaffCsv(
  context: AppLoadContext,
  viewer: Viewer,
  text: string,
  origin: string,
  options: { skipProblems: boolean } = { skipProblems: false },
): Promise<ImportOutcome> {
  const report = await checkStaffCsv(context, viewer.org.id, text);
  const { rows, skipped, newTeams } = importableRows(report);
  const partial = options.skipProblems && report.fileProblems.length === 0 && rows.length > 0;
  if (!report.ok && !partial)
    return { ok: false, report, problem: "Nothing was imported: the file has problems. Fix them and upload it again." };
  // Teams are made only once the rows have passed, just before the import.
  const teams = await context.store.listTeams(viewer.org.id);
  const byName = new Map(teams.map((t) => [t.name.toLowerCase(), t.id]));
  for (const name of newTeams)
    byName.set(name.toLowerCase(), (await context.store.createTeam({ orgId: viewer.org.id, name })).id);
  let users;
  try {
    users = await context.store.importStaff(
      viewer.org.id,
      rows.map((r) => ({
        email: r.email,
        name: r.name,
        roles: r.roles,
        teamIds: r.team ? [byName.get(r.team.toLowerCase())!] : [],
      })),
    );
  } catch (error) {
    if (error instanceof UniqueViolationError)
      return {
        ok: false,
        report: null,
        problem: `Nothing was imported: ${error.message} Someone may have been added while you were checking; upload the file again.`,
      };
    throw error;
  }
  await audit(context, {
    type: "staff.import",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { people: users.length, teamsCreated: newTeams.length, skipped: skipped.length },
  });
  const people = [];
  for (const user of users)
    people.push({
      name: user.name,
      email: user.email,
      link: await createInvitationLink(context, viewer, user.id, origin),
    });
  return {
    ok: true,
    people,
    teamsCreated: newTeams,
    skipped: skipped.map((r) => ({ line: r.line, email: r.email, name: r.name, problems: r.problems })),
    skippedCsv: skipped.length > 0 ? skippedRowsCsv(skipped) : null,
  };
}
