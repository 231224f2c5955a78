// Organisation settings (the LRS connection) and the queue of xAPI statements waiting to be sent, in the lowdb store.
import { NotFoundError } from "../errors";
import type { OrgSettings, XapiQueueItem, XapiRecords } from "../types";
import type { LowdbDatabase } from "./database.server";

export function xapiRecords(db: LowdbDatabase): XapiRecords {
  function updateItem(id: string, change: (item: XapiQueueItem) => void): Promise<void> {
    return db.mutate((data) => {
      const item = data.xapiQueue.find((q) => q.id === id);
      if (!item) throw new NotFoundError(`Queued xAPI statement ${id} does not exist.`);
      change(item);
    });
  }

  return {
    async getOrgSettings(orgId) {
      const found = db.data().orgSettings.find((s) => s.orgId === orgId);
      return found ? structuredClone(found) : null;
    },

    async setLrsSettings(orgId, lrs, at) {
      const copy = structuredClone(lrs);
      return db.mutate((data) => {
        if (!data.organisations.some((o) => o.id === orgId))
          throw new NotFoundError(`Organisation ${orgId} does not exist.`);
        let settings = data.orgSettings.find((s) => s.orgId === orgId);
        if (!settings) {
          settings = { orgId, lrs: null, updatedAt: at } satisfies OrgSettings;
          data.orgSettings.push(settings);
        }
        settings.lrs = copy;
        settings.updatedAt = at;
        return settings;
      });
    },

    async enqueueXapi(orgId, statements, at) {
      if (statements.length === 0) return [];
      const copies = structuredClone(statements);
      return db.mutate((data) => {
        const items = copies.map((statement): XapiQueueItem => ({
          id: db.newId(),
          orgId,
          statement,
          tries: 0,
          nextTryAt: at,
          lastError: null,
          createdAt: at,
          sentAt: null,
        }));
        data.xapiQueue.push(...items);
        return items;
      });
    },

    async listDueXapi(now, limit) {
      const due = db.data().xapiQueue.filter((q) => q.sentAt === null && q.nextTryAt <= now);
      // The array is in enqueue order; a stable sort on createdAt keeps ties in that order.
      due.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return structuredClone(due.slice(0, Math.max(0, limit)));
    },

    async markXapiSent(id, at) {
      await updateItem(id, (item) => {
        item.sentAt = at;
        item.tries += 1;
        item.lastError = null;
      });
    },

    async markXapiFailed(id, error, nextTryAt) {
      await updateItem(id, (item) => {
        item.tries += 1;
        item.lastError = error;
        item.nextTryAt = nextTryAt;
      });
    },

    async listXapiQueue(orgId, filter) {
      const items = db.data().xapiQueue.filter((q) => q.orgId === orgId && (!filter.pending || q.sentAt === null));
      // Newest first, for the admin's view of what went (or did not go) to the LRS.
      const newest = items.reverse();
      return structuredClone(filter.limit === undefined ? newest : newest.slice(0, filter.limit));
    },
  };
}
