// Walks an organisation's members a page at a time with their attempts, so exports never hold everyone at once.
import type { AttemptSummary, Membership, Store, User } from "~/storage/types";

export const EXPORT_PAGE_SIZE = 500;

export interface MemberPage {
  members: Array<{ user: User; membership: Membership }>;
  attempts: AttemptSummary[];
}

export async function* memberPages(
  store: Store,
  orgId: string,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<MemberPage> {
  let after: string | null = null;
  for (;;) {
    const members: Array<{ user: User; membership: Membership }> = await store.listMembersPage(orgId, {
      after,
      limit: pageSize,
    });
    if (members.length === 0) return;
    const attempts = await store.listAttemptsForOrg(orgId, { userIds: members.map((m) => m.user.id) });
    yield { members, attempts };
    if (members.length < pageSize) return;
    after = members.at(-1)!.user.id;
  }
}

/** A ReadableStream that pulls one chunk of text per page, so the response starts before the last page is read. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
