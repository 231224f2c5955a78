// Characters that must never be stored in text other people read: control characters other than tab and line breaks
// (PostgreSQL refuses NUL outright) and the bidirectional overrides and isolates that make text display in a different
// order from the one it is stored in (U+202A-U+202E, U+2066-U+2069), which can disguise a name or a link.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export const HIDDEN_CHARACTERS_MESSAGE =
  "contains a hidden control character or a text-direction override; retype it, or paste it as plain text";

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/** The text with every hidden character removed (for echoing a refused field back, never for storing silently). */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, "g"), "");
}

/**
 * Where the first string holding a hidden character is inside a JSON value (keys count too), as a path such as
 * `nodes.start.lines[0].text`; null when there is none.
 */
export function findHiddenCharacters(value: unknown, at = ""): string | null {
  if (typeof value === "string") return hasHiddenCharacters(value) ? at || "(the text)" : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findHiddenCharacters(item, `${at}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      if (hasHiddenCharacters(key)) return path;
      const found = findHiddenCharacters(item, path);
      if (found) return found;
    }
  }
  return null;
}
