// The completion CSV streams page by page of members (never listing everyone at once) and has one row per person
// per assignment with the right status; it never includes another organisation's people.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";
import { assignmentCsvStream, xapiJsonStream } from "~/services/exports.server";

process.env.SCENARIOS_DIR = path.resolve("tests/access/fixtures/scenarios");

let dir: string;
let store: Store;
const now = new Date("2030-03-10T00:00:00.000Z");

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "webside-export-"));
  store = await createLowdbStore({ file: path.join(dir, "webside.json"), backups: 0 });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("the completion CSV export", () => {
  it("streams 1,200 people in pages, one row each, with the one completion marked", async () => {
    const org = await store.createOrganisation({ name: "Northgate" });
    const other = await store.createOrganisation({ name: "Southbay" });
    const team = await store.createTeam({ orgId: org.id, name: "Physio" });
    const people = await store.importStaff(
      org.id,
      Array.from({ length: 1200 }, (_, i) => ({
        email: `p${i}@north.nhs.uk`,
        name: `=Person ${i}`,
        roles: ["clinician" as const],
        teamIds: [team.id],
      })),
    );
    await store.importStaff(other.id, [
      { email: "outsider@south.nhs.uk", name: "Outsider", roles: ["clinician"], teamIds: [] },
    ]);
    const assignment = await store.createAssignment({
      orgId: org.id,
      scenarioId: "fixture-consultation",
      scenarioVersion: 1,
      teamIds: [team.id],
      userIds: [],
      dueAt: "2030-03-01T00:00:00.000Z",
      assessment: false,
      createdBy: people[0]!.id,
    });
    const attempt = await store.createAttempt({
      orgId: org.id,
      userId: people[5]!.id,
      scenarioId: "fixture-consultation",
      scenarioVersion: 1,
      mode: "learning",
      status: "completed",
      snapshot: null,
      path: [],
      confidenceBefore: 3,
      confidenceAfter: null,
      reflection: null,
      result: { endingId: "end", outcome: "good", scores: {}, overall: 88, passed: true },
      presence: null,
      assignmentId: assignment.id,
    });
    await store.updateAttempt(attempt.id, attempt.revision, { completedAt: "2030-02-20T10:00:00.000Z" });

    const pages = vi.spyOn(store, "listMembersPage");
    const everyone = vi.spyOn(store, "listMembers");
    const context = { store, now: () => now } as unknown as AppLoadContext;
    const [header, ...rows] = parse(await read(await assignmentCsvStream(context, org.id))) as string[][];

    expect(header).toEqual([
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
    ]);
    expect(rows).toHaveLength(1200);
    expect(pages).toHaveBeenCalledTimes(3);
    expect(everyone).not.toHaveBeenCalled();
    expect(rows.some((r) => r[1] === "outsider@south.nhs.uk")).toBe(false);
    const done = rows.filter((r) => r[5] === "completed");
    expect(done).toEqual([
      [
        "'=Person 5",
        "p5@north.nhs.uk",
        "Physio",
        "Fixture: a short follow-up call",
        "1",
        "completed",
        "2030-03-01",
        "2030-02-20T10:00:00.000Z",
        "88",
        "yes",
      ],
    ]);
    expect(rows.filter((r) => r[5] === "overdue")).toHaveLength(1199);
  });

  it("writes an empty JSON array of statements when nothing is completed", async () => {
    const org = await store.createOrganisation({ name: "Northgate" });
    const context = { store, now: () => now } as unknown as AppLoadContext;
    expect(JSON.parse(await read(await xapiJsonStream(context, org.id)))).toEqual([]);
  });
});
