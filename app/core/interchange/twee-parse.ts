// Reads Twee 3 text (the Twine source format) into passages, and a passage's links in all four Twine link forms.
import { ImportRejected, note, type ImportNote } from "./types";

export interface Passage {
  name: string;
  tags: string[];
  /** The passage's own metadata block (e.g. position); Webside ignores it. */
  line: number;
  text: string;
}

export interface TweeLink {
  text: string;
  target: string;
  /** Twine's setter suffix `[[a|b][$x to 1]]`, which Webside cannot run. */
  setter: string | null;
}

/** Splits a header's remainder at the first unescaped occurrence of one of `stops`. */
function readUntil(source: string, start: number, stops: string): { value: string; end: number } {
  let value = "";
  let i = start;
  for (; i < source.length; i += 1) {
    const ch = source[i]!;
    if (ch === "\\" && i + 1 < source.length) {
      value += source[i + 1];
      i += 1;
      continue;
    }
    if (stops.includes(ch)) break;
    value += ch;
  }
  return { value, end: i };
}

function parseHeader(header: string, lineNumber: number, report: ImportNote[]): { name: string; tags: string[] } {
  const name = readUntil(header, 0, "[{");
  const passageName = name.value.trim();
  if (!passageName)
    throw new ImportRejected(
      `line ${lineNumber}`,
      `Line ${lineNumber}: a passage header "::" needs a name after it, e.g. ":: Greeting".`,
    );
  let tags: string[] = [];
  let rest = header.slice(name.end);
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) {
      throw new ImportRejected(
        `line ${lineNumber}`,
        `Line ${lineNumber}: the tag list of passage '${passageName}' opens with "[" but never closes with "]".`,
      );
    }
    tags = rest.slice(1, close).split(/\s+/).filter(Boolean);
    rest = rest.slice(close + 1).trim();
  }
  if (rest.startsWith("{")) {
    try {
      JSON.parse(rest);
    } catch {
      report.push(
        note(
          "warning",
          `line ${lineNumber}`,
          `The metadata of passage '${passageName}' is not valid JSON; it was ignored.`,
        ),
      );
    }
  } else if (rest.trim()) {
    report.push(
      note(
        "warning",
        `line ${lineNumber}`,
        `Text after the name of passage '${passageName}' ("${rest.trim().slice(0, 40)}") was ignored.`,
      ),
    );
  }
  return { name: passageName, tags };
}

/** Every passage in file order. Throws ImportRejected, naming the line, for text that is not Twee 3. */
export function parseTwee(text: string, report: ImportNote[]): Passage[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const passages: Passage[] = [];
  const seen = new Map<string, number>();
  let current: { name: string; tags: string[]; line: number; body: string[] } | null = null;
  const finish = () => {
    if (current)
      passages.push({
        name: current.name,
        tags: current.tags,
        line: current.line,
        text: current.body.join("\n").trim(),
      });
  };
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.startsWith("::")) {
      finish();
      const header = parseHeader(line.slice(2), lineNumber, report);
      const earlier = seen.get(header.name);
      if (earlier !== undefined) {
        throw new ImportRejected(
          `line ${lineNumber}`,
          `Line ${lineNumber}: a second passage is named '${header.name}' (the first is on line ${earlier}). Passage names must be unique.`,
        );
      }
      seen.set(header.name, lineNumber);
      current = { ...header, line: lineNumber, body: [] };
    } else if (current) {
      current.body.push(line);
    }
  });
  finish();
  if (passages.length === 0) {
    throw new ImportRejected(
      "line 1",
      'This is not a Twee file: no passage headers were found. Each passage starts with a line like ":: Greeting".',
    );
  }
  return passages;
}

/**
 * The four link forms: [[text]], [[text->target]], [[target<-text]] and [[text|target]]. As in Twine, the right-most
 * "->" and the left-most "<-" separate, so link text may itself contain an arrow.
 */
export function parseLink(inner: string): TweeLink {
  let body = inner;
  let setter: string | null = null;
  const setterAt = body.indexOf("][");
  if (setterAt >= 0) {
    setter = body.slice(setterAt + 2);
    body = body.slice(0, setterAt);
  }
  const arrow = body.lastIndexOf("->");
  if (arrow >= 0) return { text: body.slice(0, arrow).trim(), target: body.slice(arrow + 2).trim(), setter };
  const back = body.indexOf("<-");
  if (back >= 0) return { text: body.slice(back + 2).trim(), target: body.slice(0, back).trim(), setter };
  const pipe = body.lastIndexOf("|");
  if (pipe >= 0) return { text: body.slice(0, pipe).trim(), target: body.slice(pipe + 1).trim(), setter };
  return { text: body.trim(), target: body.trim(), setter };
}

export const LINK_PATTERN = /\[\[(.+?)\]\](?!\])/g;
export const WEBSIDE_COMMENT = /<!--\s*webside:(choice|node|ending|settings)\s+([\s\S]*?)\s*-->/;

/** Escapes a passage name for a header: the characters Twee 3 gives meaning to are backslash-escaped. */
export function escapeName(name: string): string {
  return name.replace(/[\\[\]{}]/g, (ch) => `\\${ch}`);
}
