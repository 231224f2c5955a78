import { describe, expect, it } from "vitest";
import { parseIceServers } from "./ice-servers";

describe("parseIceServers", () => {
  it("means host candidates only when unset or blank", () => {
    expect(parseIceServers(undefined)).toEqual({ ok: true, servers: [] });
    expect(parseIceServers("  ")).toEqual({ ok: true, servers: [] });
  });

  it("reads STUN and TURN servers with their credentials", () => {
    const raw = JSON.stringify([
      { urls: "stun:turn.example.org:3478" },
      {
        urls: ["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"],
        username: "webside",
        credential: "s3cret",
      },
    ]);
    expect(parseIceServers(raw)).toEqual({ ok: true, servers: JSON.parse(raw) });
  });

  it("says what is wrong, without repeating a credential", () => {
    expect(parseIceServers("stun:x")).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    const noCredential = parseIceServers(JSON.stringify([{ urls: "turn:t.example.org", username: "u" }]));
    expect(noCredential).toMatchObject({
      ok: false,
      message: expect.stringMatching(/needs a username and a credential/),
    });
    const badUrl = parseIceServers(JSON.stringify([{ urls: "https://t.example.org", credential: "hunter2" }]));
    expect(badUrl).toMatchObject({ ok: false, message: expect.stringMatching(/at 0.urls.*starts with stun:/) });
    expect(JSON.stringify(badUrl)).not.toContain("hunter2");
    const tooMany = JSON.stringify(Array.from({ length: 6 }, () => ({ urls: "stun:s.example.org" })));
    expect(parseIceServers(tooMany)).toMatchObject({ ok: false, message: expect.stringMatching(/at most 5/) });
    expect(parseIceServers(JSON.stringify([{ url: "stun:s.example.org" }])).ok).toBe(false);
  });
});
