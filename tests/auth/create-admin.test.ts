// `webside create-admin` creates the first admin of a production deployment from a piped password.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLowdbStore } from "~/storage/lowdb.server";
import { verifyPassword } from "~/utils/password.server";

function cli(args: string[], input: string, dataFile: string) {
  return spawnSync(process.execPath, ["bin/webside.js", ...args], {
    input,
    encoding: "utf8",
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      DATA_FILE: dataFile,
      DATABASE_URL: "",
    },
  });
}

describe("webside create-admin", () => {
  it("creates the organisation and an admin whose password works", async () => {
    const dataFile = path.join(mkdtempSync(path.join(tmpdir(), "webside-cli-")), "webside.json");
    const result = cli(
      ["create-admin", "--email", "Lead@Trust.NHS.uk", "--org", "North Trust", "--name", "Lee Lead"],
      "a long passphrase\n",
      dataFile,
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('lead@trust.nhs.uk is now admin in "North Trust"');
    const store = await createLowdbStore({ file: dataFile, backups: 0 });
    try {
      const user = await store.getUserByEmail("lead@trust.nhs.uk");
      expect(await verifyPassword("a long passphrase", user!.passwordHash)).toBe(true);
      const [org] = await store.listOrganisations();
      expect((await store.getMembership(user!.id, org!.id))?.roles).toEqual(["admin"]);
      expect(await store.listAudit({ orgId: org!.id, type: "role.change" })).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 30_000);

  it("refuses a short password and an invalid email with a clear message and exit 1", () => {
    const dataFile = path.join(mkdtempSync(path.join(tmpdir(), "webside-cli-")), "webside.json");
    const short = cli(["create-admin", "--email", "a@b.org", "--org", "X"], "short\n", dataFile);
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("at least 8 characters");
    const bad = cli(["create-admin", "--email", "not-an-email"], "whatever123\n", dataFile);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("valid --email");
  }, 30_000);

  it("prints help and refuses unknown commands", () => {
    const help = spawnSync(process.execPath, ["bin/webside.js", "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("create-admin");
    const unknown = spawnSync(process.execPath, ["bin/webside.js", "frobnicate"], { encoding: "utf8" });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  }, 30_000);
});
