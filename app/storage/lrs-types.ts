// The storage record group for sending xAPI statements to an organisation's LRS: its connection settings and the
// queue of statements waiting to be sent. Part of the one storage interface in types.ts, which re-exports everything here.
import type { Id, Timestamp } from "./ids";

export interface LrsSettings {
  endpoint: string;
  username: string;
  /** Kept server-side only; never sent to a browser. */
  password: string;
}

export interface OrgSettings {
  orgId: Id;
  lrs: LrsSettings | null;
  updatedAt: Timestamp;
}

export interface XapiQueueItem {
  id: Id;
  orgId: Id;
  statement: unknown;
  tries: number;
  nextTryAt: Timestamp;
  lastError: string | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
}

/** An organisation's LRS connection and the queue of xAPI statements waiting to be sent to it. */
export interface XapiRecords {
  getOrgSettings(orgId: Id): Promise<OrgSettings | null>;
  setLrsSettings(orgId: Id, lrs: LrsSettings | null, at: Timestamp): Promise<OrgSettings>;
  enqueueXapi(orgId: Id, statements: unknown[], at: Timestamp): Promise<XapiQueueItem[]>;
  /** Items due for a send attempt (not sent, nextTryAt <= now), oldest first, across organisations. */
  listDueXapi(now: Timestamp, limit: number): Promise<XapiQueueItem[]>;
  markXapiSent(id: Id, at: Timestamp): Promise<void>;
  markXapiFailed(id: Id, error: string, nextTryAt: Timestamp): Promise<void>;
  listXapiQueue(orgId: Id, filter: { pending?: boolean; limit?: number }): Promise<XapiQueueItem[]>;
}
