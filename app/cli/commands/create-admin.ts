// `webside create-admin`: the way production gets its first administrator (no demo seeding there).
import { z } from "zod";
import { UniqueViolationError } from "~/storage/errors";
import { ROLES, type Role } from "~/storage/types";
import { hashPassword, passwordProblem } from "~/utils/password.server";
import { parseFlags } from "../args";
import { openConfiguredStore } from "../open-store";
import { readSecret } from "../read-secret";
import type { CliCommand } from "../types";

const help = `Usage: webside create-admin --email <address> [--name <full name>] [--org <organisation name>] [--roles admin,educator]

Creates an administrator (or adds the role to an existing account) in an organisation.
The password is read from a hidden prompt, or from the first line of standard input when piped:
  echo 'a long passphrase' | npx webside create-admin --email lead@trust.nhs.uk --org "North Trust"

Options:
  --email   the account's email address (required)
  --name    full name (default: the part of the email before @)
  --org     organisation name; created if no organisation has that name.
            May be left out when the store holds exactly one organisation.
  --roles   comma-separated roles to grant (default: admin)
  --data-file, --database-url   override DATA_FILE / DATABASE_URL
The server must be stopped first when using the embedded lowdb file (one process owns it).`;

export const command: CliCommand = {
  help,
  async run(argv) {
    const { values } = parseFlags(argv, {
      email: { type: "string" },
      name: { type: "string" },
      org: { type: "string" },
      roles: { type: "string" },
      "data-file": { type: "string" },
      "database-url": { type: "string" },
    });
    const email = z
      .string()
      .trim()
      .toLowerCase()
      .email()
      .safeParse(values.email ?? "");
    if (!email.success) {
      console.error("create-admin: give a valid --email address.\n\n" + help);
      return 1;
    }
    const roles = (values.roles ?? "admin")
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean);
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length) {
      console.error(`create-admin: unknown role(s) ${unknown.join(", ")}; use ${ROLES.join(", ")}.`);
      return 1;
    }
    const store = await openConfiguredStore({ dataFile: values["data-file"], databaseUrl: values["database-url"] });
    try {
      const orgs = await store.listOrganisations();
      let org = values.org
        ? orgs.find((o) => o.name.toLowerCase() === values.org!.trim().toLowerCase())
        : orgs.length === 1
          ? orgs[0]
          : undefined;
      if (!org) {
        if (!values.org) {
          console.error(
            orgs.length === 0
              ? 'create-admin: there is no organisation yet; name one with --org "Your Trust".'
              : `create-admin: there are ${orgs.length} organisations; choose one with --org (${orgs.map((o) => o.name).join(", ")}).`,
          );
          return 1;
        }
        org = await store.createOrganisation({ name: values.org.trim() });
        console.log(`Created organisation "${org.name}".`);
      }
      let user = await store.getUserByEmail(email.data);
      if (!user) {
        const password = await readSecret(`Password for ${email.data}: `);
        const problem = passwordProblem(password);
        if (problem) {
          console.error(`create-admin: ${problem}`);
          return 1;
        }
        user = await store.createUser({
          email: email.data,
          name: values.name?.trim() || email.data.split("@")[0]!,
          passwordHash: await hashPassword(password),
        });
        console.log(`Created account ${user.email}.`);
      } else {
        console.log(`${user.email} already has an account; granting roles only (password unchanged).`);
      }
      const existing = await store.getMembership(user.id, org.id);
      const merged = Array.from(new Set<Role>([...(existing?.roles ?? []), ...(roles as Role[])]));
      await store.setMembership({ userId: user.id, orgId: org.id, roles: merged, teamIds: existing?.teamIds ?? [] });
      await store.appendAudit({
        type: "role.change",
        orgId: org.id,
        actorId: null,
        detail: { userId: user.id, roles: merged.join(","), via: "cli" },
      });
      console.log(`${user.email} is now ${merged.join(", ")} in "${org.name}".`);
      return 0;
    } catch (error) {
      if (error instanceof UniqueViolationError) {
        console.error(`create-admin: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      await store.close();
    }
  },
};
