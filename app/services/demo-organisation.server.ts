// The demo organisation a newcomer gets on an empty store outside production, so `npm start` is usable at once.
import { UniqueViolationError } from "~/storage/errors";
import type { Store } from "~/storage/types";
import { hashPassword } from "~/utils/password.server";

export const DEMO_PASSWORD = "webside-demo";
export const DEMO_ORG_NAME = "Demo NHS Trust";
export const DEMO_ACCOUNTS = [
  { email: "clinician@example.org", name: "Priya Shah", roles: ["clinician"] as const, team: 0 },
  { email: "educator@example.org", name: "Tom Okafor", roles: ["educator"] as const, team: 1 },
  { email: "admin@example.org", name: "Alex Morgan", roles: ["admin"] as const, team: null },
];
export const DEMO_TEAMS = ["Community Physiotherapy", "Primary Care Nursing"];

/** Seeds only an empty store; returns true when it did. Never call it in production (server.ts checks). */
export async function seedDemo(store: Store): Promise<boolean> {
  if ((await store.countUsers()) > 0) return false;
  try {
    return await seed(store);
  } catch (error) {
    // Two instances starting together on one empty database both try; the one that loses the race carries on.
    if (error instanceof UniqueViolationError) return false;
    throw error;
  }
}

async function seed(store: Store): Promise<boolean> {
  const org = await store.createOrganisation({ name: DEMO_ORG_NAME });
  const teams = [];
  for (const name of DEMO_TEAMS) teams.push(await store.createTeam({ orgId: org.id, name }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const user = await store.createUser({ email: account.email, name: account.name, passwordHash });
    const team = account.team === null ? undefined : teams[account.team];
    await store.setMembership({
      userId: user.id,
      orgId: org.id,
      roles: [...account.roles],
      teamIds: team ? [team.id] : [],
    });
  }
  return true;
}

export function demoBanner(): string {
  const rows = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(24)} ${a.roles.join(", ")}`);
  return [`Seeded "${DEMO_ORG_NAME}" with demo accounts (password: ${DEMO_PASSWORD}):`, ...rows].join("\n");
}
