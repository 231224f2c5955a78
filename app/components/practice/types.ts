// The practice room's view model: what the server sends the browser about an attempt (never the whole scenario).
export interface CastView {
  id: string;
  name: string;
  role: string;
  bio: string;
  initials: string;
  colour: string;
}

export interface TurnView {
  nodeId: string;
  title: string | null;
  lines: Array<{ speaker: string; text: string }>;
  events: Array<{ kind: string; who: string | null; text: string }>;
  /** The clinician's response at this node; absent on the current node. */
  chosen: { id: string; text: string; feedback: string | null } | null;
}

export interface PracticeView {
  attempt: {
    id: string;
    status: "in-progress" | "completed" | "abandoned";
    mode: "learning" | "assessment";
    step: number;
  };
  scenario: { id: string; title: string; version: number; setting: "one-to-one" | "group" };
  cast: CastView[];
  history: TurnView[];
  choices: Array<{ id: string; text: string }>;
  progress: { step: number; estimatedTotal: number };
  /** Choices taken on this scenario's previous attempt, for "try the other path". */
  previouslyChosen: string[];
}
