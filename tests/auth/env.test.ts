import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/utils/env.server";

const tmp = () => mkdtempSync(path.join(tmpdir(), "webside-env-"));

describe("environment configuration", () => {
  it("has working defaults outside production and keeps a generated secret beside the data file", () => {
    const dir = tmp();
    const dataFile = path.join(dir, "webside.json");
    const first = loadConfig({ DATA_FILE: dataFile });
    expect(first.port).toBe(3000);
    expect(first.databaseUrl).toBeUndefined();
    expect(first.sessionSecrets[0]).toHaveLength(64);
    expect(readFileSync(path.join(dir, ".session-secret"), "utf8").trim()).toBe(first.sessionSecrets[0]);
    expect(loadConfig({ DATA_FILE: dataFile }).sessionSecrets).toEqual(first.sessionSecrets);
  });

  it("stops production without a session secret, with a message saying what to do", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATA_FILE: path.join(tmp(), "d.json") })).toThrow(
      /SESSION_SECRET is not set/,
    );
  });

  it("reads ICE_SERVERS for live role-play, and stops on a malformed one without repeating its credential", () => {
    const dataFile = path.join(tmp(), "webside.json");
    expect(loadConfig({ DATA_FILE: dataFile }).iceServers).toEqual([]);
    const turn = { urls: "turn:turn.example.org:3478", username: "webside", credential: "s3cret-value" };
    expect(loadConfig({ DATA_FILE: dataFile, ICE_SERVERS: JSON.stringify([turn]) }).iceServers).toEqual([turn]);
    const missing = JSON.stringify([{ urls: "turn:turn.example.org:3478", credential: "s3cret-value" }]);
    expect(() => loadConfig({ DATA_FILE: dataFile, ICE_SERVERS: missing })).toThrow(/ICE_SERVERS/);
    expect(() => loadConfig({ DATA_FILE: dataFile, ICE_SERVERS: missing })).not.toThrow(/s3cret-value/);
    expect(() => loadConfig({ DATA_FILE: dataFile, ICE_SERVERS: "[{" })).toThrow(/not valid JSON/);
  });

  it("accepts rotated secrets, newest first", () => {
    const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: `${"a".repeat(32)}, ${"b".repeat(32)}` });
    expect(config.sessionSecrets).toEqual(["a".repeat(32), "b".repeat(32)]);
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with postgres/);
  });
});
