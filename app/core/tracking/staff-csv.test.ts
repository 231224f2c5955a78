import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { importableRows, readStaffCsv, skippedRowsCsv, type StaffCsvContext } from "./staff-csv";

const context: StaffCsvContext = {
  memberEmails: new Set(["already@trust.nhs.uk"]),
  otherAccountEmails: new Set(["elsewhere@other.nhs.uk"]),
  teamNames: ["Physiotherapy"],
};

describe("reading a staff CSV", () => {
  it("reads good rows, defaults roles to clinician, matches teams case-insensitively and lists new teams", () => {
    const csv =
      '\uFEFFEmail,Name,Team,Roles\nA.One@trust.nhs.uk,Ann One,physiotherapy,clinician;admin\nb@trust.nhs.uk,"Bee, Two",District Nursing,\n';
    const report = readStaffCsv(csv, context);
    expect(report.ok).toBe(true);
    expect(report.rows).toEqual([
      {
        line: 2,
        email: "a.one@trust.nhs.uk",
        name: "Ann One",
        team: "physiotherapy",
        roles: ["clinician", "admin"],
        problems: [],
      },
      {
        line: 3,
        email: "b@trust.nhs.uk",
        name: "Bee, Two",
        team: "District Nursing",
        roles: ["clinician"],
        problems: [],
      },
    ]);
    expect(report.newTeams).toEqual(["District Nursing"]);
  });

  it("reports each bad row with its line: malformed email, unknown role, duplicate, already a member, other account", () => {
    const csv = [
      "email,name,team,roles",
      "not-an-email,No Email,,clinician",
      "ok@trust.nhs.uk,Okay,,nurse",
      "dup@trust.nhs.uk,First,,",
      "DUP@trust.nhs.uk,Second,,",
      "already@trust.nhs.uk,Member,,",
      "elsewhere@other.nhs.uk,Else,,",
      "fine@trust.nhs.uk,,,",
    ].join("\n");
    const report = readStaffCsv(csv, context);
    expect(report.ok).toBe(false);
    const byLine = Object.fromEntries(report.rows.map((r) => [r.line, r.problems]));
    expect(byLine[2]).toEqual(['"not-an-email" is not a valid email address.']);
    expect(byLine[3]).toEqual(['"nurse" is not a role; use clinician, educator or admin (separate several with ;).']);
    expect(byLine[4]).toEqual([]);
    expect(byLine[5]).toEqual(["dup@trust.nhs.uk is also on line 4; each person once."]);
    expect(byLine[6]).toEqual(["already@trust.nhs.uk is already a member of this organisation."]);
    expect(byLine[7]).toEqual([
      "elsewhere@other.nhs.uk cannot be added here. Check the address, or ask the person for another one.",
    ]);
    expect(byLine[8]).toEqual(["The name is missing."]);
  });

  it("refuses a file without the email and name columns, an empty file and unreadable CSV", () => {
    expect(readStaffCsv("mail,fullname\nx@y.z,X", context).fileProblems[0]).toMatch(/email and name are missing/);
    expect(readStaffCsv("", context).fileProblems[0]).toMatch(/empty/);
    expect(readStaffCsv("email,name\n", context).fileProblems[0]).toMatch(/no people/);
    expect(readStaffCsv('email,name\n"unclosed,x', context).fileProblems[0]).toMatch(/could not be read as CSV/);
  });

  it("reports names and team names that hide control characters or text-direction overrides (issue 12)", () => {
    const csv = "email,name,team\nc@trust.nhs.uk,Cee\u202E Three,Ward\u0007 7\nd@trust.nhs.uk,Dee Four,\n";
    const report = readStaffCsv(csv, context);
    expect(report.ok).toBe(false);
    expect(report.rows[0]!.problems).toEqual([
      expect.stringContaining("The name contains a hidden control character"),
      expect.stringContaining("The team name contains a hidden control character"),
    ]);
    expect(report.rows[1]!.problems).toEqual([]);
  });
});

describe("importing the good rows and skipping the others", () => {
  const csv = [
    "email,name,team,roles",
    "good@trust.nhs.uk,Good One,New Team,",
    "already@trust.nhs.uk,Already Here,Skipped Team,",
    'not-an-email,"=HYPERLINK(""http://x"")",Skipped Team,clinician',
  ].join("\n");

  it("keeps the rows without problems and creates only the teams they use", () => {
    const { rows, skipped, newTeams } = importableRows(readStaffCsv(csv, context));
    expect(rows.map((r) => r.email)).toEqual(["good@trust.nhs.uk"]);
    expect(skipped.map((r) => r.line)).toEqual([3, 4]);
    expect(newTeams).toEqual(["New Team"]);
  });

  it("gives the skipped rows as a CSV to correct, with why, and formulas made safe", () => {
    const { skipped } = importableRows(readStaffCsv(csv, context));
    const [header, ...rows] = parse(skippedRowsCsv(skipped)) as string[][];
    expect(header).toEqual(["email", "name", "team", "roles", "line", "why it was skipped"]);
    expect(rows).toEqual([
      [
        "already@trust.nhs.uk",
        "Already Here",
        "Skipped Team",
        "clinician",
        "3",
        "already@trust.nhs.uk is already a member of this organisation.",
      ],
      [
        "not-an-email",
        '\'=HYPERLINK("http://x")',
        "Skipped Team",
        "clinician",
        "4",
        '"not-an-email" is not a valid email address.',
      ],
    ]);
  });
});
