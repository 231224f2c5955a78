// Reads the practice room's server-rendered HTML the way a browser without JavaScript would submit it: the step
// and the choice buttons of its one form.
export interface PracticePage {
  step: number;
  choiceIds: string[];
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function readPracticePage(html: string): PracticePage {
  const step = /<input[^>]*name="step"[^>]*value="(\d+)"/.exec(html)?.[1];
  if (step === undefined) throw new Error(`The practice page has no step field:\n${html.slice(0, 500)}`);
  const choiceIds = [...html.matchAll(/<button[^>]*name="choiceId"[^>]*value="([^"]+)"/g)].map((m) => decode(m[1]!));
  return { step: Number(step), choiceIds };
}
