// Small helpers shared by the storage contract's parts.
import { expect } from "vitest";
import type { NewAttempt, Store } from "~/storage/types";

/** Records carry ISO-8601 strings that round-trip through Date unchanged. */
export function expectIsoTimestamp(value: string): void {
  expect(new Date(value).toISOString()).toBe(value);
}

/** Order-insensitive comparison by id, for lists whose order the interface does not promise. */
export function byId<T extends { id: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => a.id.localeCompare(b.id));
}

export function iso(minutesFromBase: number): string {
  return new Date(Date.UTC(2030, 0, 15, 9, 0, 0) + minutesFromBase * 60_000).toISOString();
}

/** An organisation with one member, ready to own attempts. */
export async function orgWithMember(store: Store, orgName = "Northgate Trust", email = "clinician@northgate.nhs.uk") {
  const org = await store.createOrganisation({ name: orgName });
  const user = await store.createUser({ email, name: "Dr Rowan Hale", passwordHash: null });
  await store.setMembership({ userId: user.id, orgId: org.id, roles: ["clinician"], teamIds: [] });
  return { org, user };
}

export function newAttempt(overrides: Partial<NewAttempt> & Pick<NewAttempt, "orgId" | "userId">): NewAttempt {
  return {
    scenarioId: "breaking-bad-news",
    scenarioVersion: 3,
    mode: "learning",
    snapshot: { value: "greeting", context: { scores: { rapport: 0 } } },
    path: ["greeting"],
    confidenceBefore: 2,
    confidenceAfter: null,
    reflection: null,
    result: null,
    presence: null,
    assignmentId: null,
    ...overrides,
  };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error("Expected the store call to fail, but it succeeded.");
}
