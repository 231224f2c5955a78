import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importTwee } from "~/core/interchange";
import { main } from "../main";

describe("webside import and export", () => {
  let dir = "";
  let errors: string[] = [];
  let out: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "webside-cli-"));
    errors = [];
    out = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(process.stdout, "write").mockImplementation(
      (chunk: string | Uint8Array) => (out.push(String(chunk)), true),
    );
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it("imports a Twee file to a draft file and prints the report", async () => {
    const target = path.join(dir, "draft.json");
    expect(await main(["import", "tests/fixtures/interchange/first-video-call.twee", "--out", target])).toBe(0);
    const draft = JSON.parse(await readFile(target, "utf8")) as { start: string };
    expect(draft.start).toBe("greeting");
    expect(errors.join("\n")).toMatch(/warning passage 'Rushed'.*macros/);
    expect(errors.at(-1)).toMatch(/Wrote .*draft.json \(twee, 7 nodes, 0 validation error/);
  });

  it("refuses a file it cannot read as any format, exiting 1", async () => {
    const file = path.join(dir, "notes.txt");
    await writeFile(file, "just some notes");
    expect(await main(["import", file])).toBe(1);
    expect(errors.join("\n")).toMatch(/cannot tell what kind of file/);
  });

  it("exports a bundled scenario by id as Twee that imports back to the same scenario", async () => {
    expect(await main(["export", "group-physio-shoulder", "--format", "twee"])).toBe(0);
    const original = JSON.parse(await readFile("scenarios/group-physio-shoulder.json", "utf8")) as Record<
      string,
      unknown
    >;
    expect(importTwee(out.join("")).draft).toEqual(original);
  });

  it("exports XState JSON and refuses an unknown format", async () => {
    expect(await main(["export", "scenarios/red-flags-chest-pain.json", "--format", "xstate"])).toBe(0);
    expect(JSON.parse(out.join(""))).toMatchObject({ id: "red-flags-chest-pain", initial: expect.any(String) });
    expect(await main(["export", "scenarios/red-flags-chest-pain.json", "--format", "docx"])).toBe(1);
  });
});
