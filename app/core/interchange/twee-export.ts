// Scenario -> Twee 3 that Twine opens as a story and that Webside re-imports without losing structure.
import type { Scenario } from "../scenario/schema";
import { escapeName } from "./twee-parse";

/** JSON for an HTML comment: one line, and no ">" so "-->" can never close the comment early. */
function commentJson(value: unknown): string {
  return JSON.stringify(value).replace(/>/g, "\\u003e");
}

/** A stable IFID (Twine's story id, a v4-shaped UUID) derived from the scenario id, so exports diff cleanly. */
function ifidFor(id: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const ch of `${id}:${round}`) {
      h1 = Math.imul(h1 ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      h2 = Math.imul(h2 + ch.charCodeAt(0), 0x85ebca6b) >>> 0;
    }
    hex.push(((h1 ^ h2) >>> 0).toString(16).padStart(8, "0"));
  }
  const s = hex.join("").toUpperCase();
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-A${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function isPlainLine(text: string): boolean {
  return !text.includes("\n") && !text.includes("[[") && !text.includes("<!--") && !text.startsWith("::");
}

export function exportTwee(scenario: Scenario): string {
  const { nodes, start, ...settings } = scenario;
  const out: string[] = [
    ":: StoryTitle",
    scenario.title,
    "",
    ":: StoryData",
    JSON.stringify({ ifid: ifidFor(scenario.id), format: "Harlowe", "format-version": "3.3.9", start }, null, 2),
    "",
    ":: Webside Settings [webside-settings]",
    JSON.stringify(settings, null, 2),
    "",
  ];
  for (const [id, node] of Object.entries(nodes)) {
    const tags = node.ending ? [`ending-${node.ending.outcome}`] : [];
    out.push(`:: ${escapeName(id)}${tags.length > 0 ? ` [${tags.join(" ")}]` : ""}`);
    const plain = node.lines.every((l) => isPlainLine(l.text));
    const extra: Record<string, unknown> = {};
    if (node.title !== undefined) extra.title = node.title;
    if (node.events) extra.events = node.events;
    if (!plain) extra.lines = node.lines;
    if (Object.keys(extra).length > 0) out.push(`<!-- webside:node ${commentJson(extra)} -->`);
    for (const line of node.lines)
      out.push(
        plain
          ? `@${line.speaker}: ${line.text}`
          : `@${line.speaker}: ${line.text.replace(/\s+/g, " ").replace(/\[\[|<!--/g, "")}`,
      );
    if (node.ending) out.push(`<!-- webside:ending ${commentJson(node.ending)} -->`);
    for (const choice of node.choices ?? []) {
      // The link text is for Twine's map; the annotation after it is what Webside reads back.
      const linkText = choice.text.replace(/\]/g, ")").replace(/\[/g, "(").replace(/\s+/g, " ");
      out.push(`[[${linkText}->${choice.next}]]`);
      const { next: _next, ...rest } = choice;
      out.push(`<!-- webside:choice ${commentJson(rest)} -->`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
