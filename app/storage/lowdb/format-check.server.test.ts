import { describe, expect, it } from "vitest";
import { checkAuditFile } from "./audit-file.server";
import { checkShard } from "./shard-layout.server";

describe("side files' format checks", () => {
  it("refuse what is not an object, has no format number, or was written by a newer Webside", () => {
    expect(() => checkShard([])).toThrow("it does not hold a shard of attempts (expected a JSON object");
    expect(() => checkShard({ attempts: [] })).toThrow(
      "no valid shardFormat, so it is not a Webside shard of attempts",
    );
    expect(() => checkShard({ shardFormat: 99, attempts: [] })).toThrow(
      "newer Webside (shard format 99; this one understands up to 3)",
    );
    expect(() => checkAuditFile("x")).toThrow("it does not hold an audit log");
    expect(() => checkAuditFile({ auditFormat: 1.5, audit: [] })).toThrow("no valid auditFormat");
    expect(() => checkAuditFile({ auditFormat: 2, audit: [] })).toThrow("audit format 2; this one understands up to 1");
    expect(checkAuditFile({ auditFormat: 1, audit: [] }).audit).toEqual([]);
    expect(checkShard({ shardFormat: 2, shard: 3, attempts: [] }).of).toBe(1024);
  });
});
