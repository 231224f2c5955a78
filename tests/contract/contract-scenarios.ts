// Storage contract, part 4: authored scenarios (drafts with revisions), immutable published versions, bundled versions.
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, UniqueViolationError } from "~/storage/errors";
import type { Store } from "~/storage/types";
import { expectIsoTimestamp, orgWithMember, rejection } from "./contract-helpers";

const draft = (title: string) => ({ id: "first-video-call", version: 1, title, nodes: { start: { lines: [] } } });

async function authored(store: Store) {
  const { org, user } = await orgWithMember(store, "Northgate Trust", "educator@northgate.nhs.uk");
  const record = await store.createScenario({
    orgId: org.id,
    id: "first-video-call",
    draft: draft("First video call"),
    createdBy: user.id,
    source: { kind: "blank", detail: null },
  });
  return { org, user, record };
}

export function scenariosContract(store: () => Store): void {
  describe("authored scenarios", () => {
    it("creates a draft at revision 1 with no versions, and reads it back", async () => {
      const { org, user, record } = await authored(store());
      expect(record).toMatchObject({
        id: "first-video-call",
        orgId: org.id,
        status: "draft",
        revision: 1,
        latestVersion: null,
        draft: draft("First video call"),
        source: { kind: "blank", detail: null },
        createdBy: user.id,
        updatedBy: user.id,
      });
      expectIsoTimestamp(record.createdAt);
      expect(await store().getScenarioRecord(org.id, "first-video-call")).toEqual(record);
      expect(await store().getScenarioRecord(org.id, "no-such-scenario")).toBeNull();
      expect(await store().listScenarioRecords(org.id)).toEqual([record]);
      expect(await store().listScenarioVersions(org.id, "first-video-call")).toEqual([]);
    });

    it("refuses a second scenario with the same id in one organisation, but allows it in another", async () => {
      const { org, user } = await authored(store());
      const again = await rejection(
        store().createScenario({
          orgId: org.id,
          id: "first-video-call",
          draft: {},
          createdBy: user.id,
          source: { kind: "json", detail: "x.json" },
        }),
      );
      expect(again).toBeInstanceOf(UniqueViolationError);
      expect((again as UniqueViolationError).field).toBe("id");
      const other = await store().createOrganisation({ name: "Southbank Health" });
      const theirs = await store().createScenario({
        orgId: other.id,
        id: "first-video-call",
        draft: {},
        createdBy: user.id,
        source: { kind: "twee", detail: "story.twee" },
      });
      expect(theirs).toMatchObject({ orgId: other.id, revision: 1, source: { kind: "twee", detail: "story.twee" } });
      expect((await store().getScenarioRecord(org.id, "first-video-call"))?.draft).toEqual(draft("First video call"));
    });

    it("saves a draft at the expected revision and refuses a stale one without overwriting", async () => {
      const { org, user, record } = await authored(store());
      const colleague = await store().createUser({ email: "alex@northgate.nhs.uk", name: "Alex", passwordHash: null });
      const saved = await store().saveScenarioDraft({
        orgId: org.id,
        id: record.id,
        expectedRevision: 1,
        draft: draft("Alex's title"),
        updatedBy: colleague.id,
      });
      expect(saved).toMatchObject({
        revision: 2,
        updatedBy: colleague.id,
        createdBy: user.id,
        draft: draft("Alex's title"),
      });
      const stale = await rejection(
        store().saveScenarioDraft({
          orgId: org.id,
          id: record.id,
          expectedRevision: 1,
          draft: draft("Mine"),
          updatedBy: user.id,
        }),
      );
      expect(stale).toBeInstanceOf(ConflictError);
      expect(stale.message).toContain("Reload");
      expect(await store().getScenarioRecord(org.id, record.id)).toEqual(saved);
      const missing = await rejection(
        store().saveScenarioDraft({ orgId: org.id, id: "nope", expectedRevision: 1, draft: {}, updatedBy: user.id }),
      );
      expect(missing).toBeInstanceOf(NotFoundError);
    });

    it("lets exactly one of two simultaneous saves on the same revision win", async () => {
      const { org, user, record } = await authored(store());
      const outcomes = await Promise.allSettled([
        store().saveScenarioDraft({
          orgId: org.id,
          id: record.id,
          expectedRevision: 1,
          draft: draft("Left"),
          updatedBy: user.id,
        }),
        store().saveScenarioDraft({
          orgId: org.id,
          id: record.id,
          expectedRevision: 1,
          draft: draft("Right"),
          updatedBy: user.id,
        }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(failed.reason).toBeInstanceOf(ConflictError);
      expect((await store().getScenarioRecord(org.id, record.id))?.revision).toBe(2);
    });

    it("publishes immutable versions, refusing a duplicate number or a stale revision", async () => {
      const { org, user, record } = await authored(store());
      const v1 = await store().publishScenarioVersion({
        orgId: org.id,
        scenarioId: record.id,
        version: 1,
        content: draft("v1"),
        publishedBy: user.id,
        expectedRevision: 1,
      });
      expect(v1).toMatchObject({
        scenarioId: record.id,
        orgId: org.id,
        version: 1,
        content: draft("v1"),
        publishedBy: user.id,
      });
      expectIsoTimestamp(v1.publishedAt);
      expect(await store().getScenarioRecord(org.id, record.id)).toMatchObject({
        status: "published",
        latestVersion: 1,
      });

      const duplicate = await rejection(
        store().publishScenarioVersion({
          orgId: org.id,
          scenarioId: record.id,
          version: 1,
          content: draft("changed"),
          publishedBy: user.id,
          expectedRevision: 1,
        }),
      );
      expect(duplicate).toBeInstanceOf(ConflictError);
      expect(await store().getScenarioVersion(org.id, record.id, 1)).toEqual(v1);

      await store().saveScenarioDraft({
        orgId: org.id,
        id: record.id,
        expectedRevision: 1,
        draft: draft("v2"),
        updatedBy: user.id,
      });
      const stale = await rejection(
        store().publishScenarioVersion({
          orgId: org.id,
          scenarioId: record.id,
          version: 2,
          content: draft("v2"),
          publishedBy: user.id,
          expectedRevision: 1,
        }),
      );
      expect(stale).toBeInstanceOf(ConflictError);
      expect(await store().getScenarioVersion(org.id, record.id, 2)).toBeNull();

      const v2 = await store().publishScenarioVersion({
        orgId: org.id,
        scenarioId: record.id,
        version: 2,
        content: draft("v2"),
        publishedBy: user.id,
        expectedRevision: 2,
      });
      expect((await store().listScenarioVersions(org.id, record.id)).map((v) => v.version)).toEqual([1, 2]);
      expect(await store().getScenarioVersion(org.id, record.id, 2)).toEqual(v2);
      expect(await store().getScenarioRecord(org.id, record.id)).toMatchObject({ latestVersion: 2 });
    });

    it("archives and restores a scenario, and will not mark a never-published one published", async () => {
      const { org, user, record } = await authored(store());
      const never = await rejection(store().setScenarioStatus(org.id, record.id, "published"));
      expect(never).toBeInstanceOf(ConflictError);
      await store().publishScenarioVersion({
        orgId: org.id,
        scenarioId: record.id,
        version: 1,
        content: draft("v1"),
        publishedBy: user.id,
        expectedRevision: 1,
      });
      expect(await store().setScenarioStatus(org.id, record.id, "archived")).toMatchObject({
        status: "archived",
        latestVersion: 1,
      });
      expect(await store().listScenarioVersions(org.id, record.id)).toHaveLength(1);
      expect(await store().setScenarioStatus(org.id, record.id, "published")).toMatchObject({ status: "published" });
      expect(await rejection(store().setScenarioStatus(org.id, "nope", "archived"))).toBeInstanceOf(NotFoundError);
    });

    it("records a bundled version once with no organisation, keeping the first content", async () => {
      const first = await store().ensureBundledVersion({
        scenarioId: "red-flags-chest-pain",
        version: 3,
        content: { title: "original" },
      });
      expect(first).toMatchObject({
        scenarioId: "red-flags-chest-pain",
        orgId: null,
        version: 3,
        content: { title: "original" },
        publishedBy: null,
      });
      const again = await store().ensureBundledVersion({
        scenarioId: "red-flags-chest-pain",
        version: 3,
        content: { title: "edited file" },
      });
      expect(again).toEqual(first);
      const both = await Promise.all([
        store().ensureBundledVersion({ scenarioId: "red-flags-chest-pain", version: 4, content: { title: "four" } }),
        store().ensureBundledVersion({ scenarioId: "red-flags-chest-pain", version: 4, content: { title: "four" } }),
      ]);
      expect(both[0]).toEqual(both[1]);
      expect((await store().listScenarioVersions(null, "red-flags-chest-pain")).map((v) => v.version)).toEqual([3, 4]);
      expect(await store().getScenarioVersion(null, "red-flags-chest-pain", 3)).toEqual(first);
    });

    it("keeps organisations apart: records and versions of one are invisible to another and to bundled lookups", async () => {
      const { org, user, record } = await authored(store());
      await store().publishScenarioVersion({
        orgId: org.id,
        scenarioId: record.id,
        version: 1,
        content: draft("v1"),
        publishedBy: user.id,
        expectedRevision: 1,
      });
      const other = await store().createOrganisation({ name: "Southbank Health" });
      expect(await store().getScenarioRecord(other.id, record.id)).toBeNull();
      expect(await store().listScenarioRecords(other.id)).toEqual([]);
      expect(await store().getScenarioVersion(other.id, record.id, 1)).toBeNull();
      expect(await store().getScenarioVersion(null, record.id, 1)).toBeNull();
      expect(await store().listScenarioVersions(other.id, record.id)).toEqual([]);
      expect(
        await rejection(
          store().saveScenarioDraft({
            orgId: other.id,
            id: record.id,
            expectedRevision: 1,
            draft: {},
            updatedBy: user.id,
          }),
        ),
      ).toBeInstanceOf(NotFoundError);
      await store().ensureBundledVersion({ scenarioId: record.id, version: 1, content: { bundled: true } });
      expect((await store().getScenarioVersion(org.id, record.id, 1))?.content).toEqual(draft("v1"));
    });
  });
}
