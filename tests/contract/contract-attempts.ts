// Storage contract, part 3: practice attempts, their optimistic concurrency, and the list filters analytics rely on.
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "~/storage/errors";
import type { Attempt, Store } from "~/storage/types";
import { byId, expectIsoTimestamp, newAttempt, orgWithMember, rejection } from "./contract-helpers";

const ids = (attempts: Array<Pick<Attempt, "id">>) => attempts.map((a) => a.id).sort();

export function attemptsContract(store: () => Store): void {
  describe("attempts", () => {
    it("starts an attempt at revision 0, in progress, keeping everything it was given", async () => {
      const { org, user } = await orgWithMember(store());
      const input = newAttempt({
        orgId: org.id,
        userId: user.id,
        assignmentId: "assignment-7",
        presence: { framing: 0.9 },
      });
      const attempt = await store().createAttempt(input);
      expect(attempt).toMatchObject({ ...input, status: "in-progress", revision: 0, completedAt: null });
      expectIsoTimestamp(attempt.startedAt);
      expect(attempt.updatedAt).toBe(attempt.startedAt);
      expect(await store().getAttempt(attempt.id)).toEqual(attempt);
      expect(await store().getAttempt("no-such-attempt")).toBeNull();
      const assessed = await store().createAttempt(
        newAttempt({ orgId: org.id, userId: user.id, mode: "assessment", status: "abandoned" }),
      );
      expect(assessed).toMatchObject({ mode: "assessment", status: "abandoned" });
      expect(assessed.id).not.toBe(attempt.id);
    });

    it("keeps whether an attempt is in say-it-first mode (false unless asked for)", async () => {
      const { org, user } = await orgWithMember(store());
      const spoken = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id, sayItFirst: true }));
      const read = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id }));
      expect((await store().getAttempt(spoken.id))!.sayItFirst).toBe(true);
      expect((await store().getAttempt(read.id))!.sayItFirst).toBe(false);
      const moved = await store().updateAttempt(spoken.id, 0, { path: ["greeting", "check-in"] });
      expect(moved.sayItFirst).toBe(true);
    });

    it("keeps spoken-turn figures stored with the presence summary exactly, numbers and nulls alike", async () => {
      const { org, user } = await orgWithMember(store());
      const attempt = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id, sayItFirst: true }));
      const spoken = [
        {
          step: 0,
          node: "greeting",
          optionsShownEarly: false,
          onsetMs: -240,
          speakingMs: 3180,
          pauseCount: 1,
          longestPauseMs: 410,
          talkOverMs: 240,
          syllablesPerSecond: 4.37,
          pitchVariationSt: null,
          camera: { ms: 2900, eyeContact: 0.655, framingOk: 1, lightingOk: null },
        },
        {
          step: 1,
          node: "check-in",
          optionsShownEarly: true,
          onsetMs: null,
          speakingMs: 0,
          pauseCount: 0,
          longestPauseMs: 0,
          talkOverMs: 0,
          syllablesPerSecond: null,
          pitchVariationSt: null,
          camera: null,
        },
      ];
      await store().updateAttempt(attempt.id, 0, { presence: { version: 1, durationMs: 0, spoken } });
      const read = (await store().getAttempt(attempt.id))!.presence as { spoken: unknown };
      expect(read.spoken).toEqual(spoken);
    });

    it("applies a patch at the expected revision, moves the revision on, and leaves other fields alone", async () => {
      const { org, user } = await orgWithMember(store());
      const attempt = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id }));
      const result = {
        endingId: "calm-close",
        outcome: "good" as const,
        scores: { rapport: 80, empathy: 70 },
        overall: 75,
        passed: true,
      };
      const next = await store().updateAttempt(attempt.id, 0, {
        snapshot: { value: "check-in" },
        path: ["greeting", "check-in"],
      });
      expect(next).toMatchObject({
        revision: 1,
        snapshot: { value: "check-in" },
        path: ["greeting", "check-in"],
        confidenceBefore: 2,
      });
      expect(Date.parse(next.updatedAt)).toBeGreaterThanOrEqual(Date.parse(attempt.updatedAt));
      const done = await store().updateAttempt(attempt.id, 1, {
        status: "completed",
        completedAt: "2030-01-15T09:30:00.000Z",
        result,
        confidenceAfter: 4,
        reflection: "Slow down when giving the diagnosis.",
        presence: { eyeContact: 0.62 },
      });
      expect(done).toMatchObject({
        revision: 2,
        status: "completed",
        completedAt: "2030-01-15T09:30:00.000Z",
        result,
        confidenceAfter: 4,
      });
      expect(done.path).toEqual(["greeting", "check-in"]);
      expect(await store().getAttempt(attempt.id)).toEqual(done);
    });

    it("refuses a change made against an old revision, leaving the attempt as it was", async () => {
      const { org, user } = await orgWithMember(store());
      const attempt = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id }));
      const moved = await store().updateAttempt(attempt.id, 0, { path: ["greeting", "a"] });
      const stale = await rejection(store().updateAttempt(attempt.id, 0, { path: ["greeting", "b"] }));
      expect(stale).toBeInstanceOf(ConflictError);
      expect(stale.message.length).toBeGreaterThan(0);
      expect(await store().getAttempt(attempt.id)).toEqual(moved);
    });

    it("lets exactly one of two simultaneous changes at the same revision win; the other gets a conflict", async () => {
      const { org, user } = await orgWithMember(store());
      const attempt = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id }));
      const outcomes = await Promise.allSettled([
        store().updateAttempt(attempt.id, 0, { path: ["greeting", "left"] }),
        store().updateAttempt(attempt.id, 0, { path: ["greeting", "right"] }),
      ]);
      const won = outcomes.filter((o): o is PromiseFulfilledResult<Attempt> => o.status === "fulfilled");
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      const stored = await store().getAttempt(attempt.id);
      expect(stored?.revision).toBe(1);
      expect(stored?.path).toEqual(won[0]!.value.path);
    });

    it("keeps one winner among many simultaneous changes at the same revision", async () => {
      const { org, user } = await orgWithMember(store());
      const attempt = await store().createAttempt(newAttempt({ orgId: org.id, userId: user.id }));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store().updateAttempt(attempt.id, 0, { path: ["greeting", `choice-${i}`] }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason).toBeInstanceOf(ConflictError);
      expect((await store().getAttempt(attempt.id))?.revision).toBe(1);
    });

    it("refuses to update an attempt that does not exist", async () => {
      await expect(store().updateAttempt("no-such-attempt", 0, { reflection: "x" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it("hands out copies: changing a returned attempt or the input does not change the store", async () => {
      const { org, user } = await orgWithMember(store());
      const input = newAttempt({ orgId: org.id, userId: user.id });
      const attempt = await store().createAttempt(input);
      (input.path as string[]).push("tampered-input");
      attempt.path.push("tampered-output");
      (attempt.snapshot as { value: string }).value = "tampered";
      const read = await store().getAttempt(attempt.id);
      expect(read?.path).toEqual(["greeting"]);
      expect(read?.snapshot).toEqual({ value: "greeting", context: { scores: { rapport: 0 } } });
    });
  });

  describe("attempt lists", () => {
    async function seed() {
      const { org: north, user: ann } = await orgWithMember(store(), "Northgate Trust", "ann@northgate.nhs.uk");
      const ben = await store().createUser({ email: "ben@northgate.nhs.uk", name: "Ben", passwordHash: null });
      await store().setMembership({ userId: ben.id, orgId: north.id, roles: ["clinician"], teamIds: [] });
      const south = await store().createOrganisation({ name: "Southbay Health Board" });
      await store().setMembership({ userId: ann.id, orgId: south.id, roles: ["clinician"], teamIds: [] });
      const make = (orgId: string, userId: string, scenarioId: string) =>
        store().createAttempt(newAttempt({ orgId, userId, scenarioId }));
      return {
        north,
        south,
        ann,
        ben,
        annNorthBad: await make(north.id, ann.id, "breaking-bad-news"),
        annNorthGroup: await make(north.id, ann.id, "group-diabetes"),
        benNorthBad: await make(north.id, ben.id, "breaking-bad-news"),
        annSouthBad: await make(south.id, ann.id, "breaking-bad-news"),
      };
    }

    it("lists a user's attempts within one organisation only", async () => {
      const s = await seed();
      expect(byId(await store().listAttemptsForUser(s.ann.id, s.north.id))).toEqual(
        byId([s.annNorthBad, s.annNorthGroup]),
      );
      expect(await store().listAttemptsForUser(s.ann.id, s.south.id)).toEqual([s.annSouthBad]);
      expect(await store().listAttemptsForUser(s.ben.id, s.south.id)).toEqual([]);
    });

    it("lists an organisation's attempts, filtered by scenario, by people, or both", async () => {
      const s = await seed();
      expect(ids(await store().listAttemptsForOrg(s.north.id))).toEqual(
        ids([s.annNorthBad, s.annNorthGroup, s.benNorthBad]),
      );
      expect(ids(await store().listAttemptsForOrg(s.north.id, { scenarioId: "breaking-bad-news" }))).toEqual(
        ids([s.annNorthBad, s.benNorthBad]),
      );
      expect(ids(await store().listAttemptsForOrg(s.north.id, { userIds: [s.ben.id] }))).toEqual(ids([s.benNorthBad]));
      expect(
        ids(
          await store().listAttemptsForOrg(s.north.id, { scenarioId: "group-diabetes", userIds: [s.ann.id, s.ben.id] }),
        ),
      ).toEqual(ids([s.annNorthGroup]));
      // An empty list of people means nobody, not everybody (a team with no members has no attempts).
      expect(await store().listAttemptsForOrg(s.north.id, { userIds: [] })).toEqual([]);
      expect(await store().listAttemptsForOrg("elsewhere")).toEqual([]);
    });

    it("lists an organisation's attempts with every field but the snapshot, and no live references", async () => {
      const s = await seed();
      const [summary] = await store().listAttemptsForOrg(s.north.id, { userIds: [s.ben.id] });
      const { snapshot: _snapshot, ...expected } = s.benNorthBad;
      expect(summary).toEqual(expected);
      expect(summary).not.toHaveProperty("snapshot");
      summary!.path.push("changed by the caller");
      expect((await store().getAttempt(s.benNorthBad.id))?.path).toEqual(s.benNorthBad.path);
    });

    it("lists a scenario's attempts in one organisation, or across all with null", async () => {
      const s = await seed();
      expect(ids(await store().listAttemptsForScenario(s.north.id, "breaking-bad-news"))).toEqual(
        ids([s.annNorthBad, s.benNorthBad]),
      );
      expect(ids(await store().listAttemptsForScenario(null, "breaking-bad-news"))).toEqual(
        ids([s.annNorthBad, s.benNorthBad, s.annSouthBad]),
      );
      expect(await store().listAttemptsForScenario(null, "no-such-scenario")).toEqual([]);
    });
  });
}
