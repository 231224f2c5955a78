// A live role-play session: who is in it, in which role, its state and clock; the record both stores keep.

/** lobby -> running -> ended, or expired from lobby or running when abandoned (see lifecycle.ts). */
export const LIVE_STATUSES = ["lobby", "running", "ended", "expired"] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** The clinician practising, a colleague playing one or more patients, and colleagues watching and rating. */
export const LIVE_ROLES = ["learner", "actor", "observer"] as const;
export type LiveRole = (typeof LIVE_ROLES)[number];

export const LIVE_ROLE_LABELS: Readonly<Record<LiveRole, string>> = {
  learner: "Clinician",
  actor: "Patient actor",
  observer: "Observer",
};

/** Why a session stopped: the learner ended it, nobody was connected for a while, or it ran out of time. */
export type LiveEndReason = "ended" | "idle" | "time-limit";

/** Timestamps are ISO-8601 strings, as everywhere in storage. */
export type IsoTime = string;

/** A cast member an actor plays, with the name copied from the scenario so messages and the debrief can use it. */
export interface LivePart {
  id: string;
  name: string;
}

/** A person's own camera and microphone check, as shared with the others in the lobby (call-check.ts). */
export interface CallCheck {
  ready: boolean;
  /** How many of the check's lines say "fix this"; 0 when ready. */
  toFix: number;
  at: IsoTime;
}

/** An actor's switch of whose voice they are (speaking-as.ts). */
export interface SpeakingAsChoice {
  castId: string;
  /** The script's step when the actor switched; a later step follows the script again. */
  step: number;
}

export interface LiveParticipant {
  userId: string;
  /** The name shown to the others (copied at join so the debrief keeps it). */
  name: string;
  role: LiveRole;
  /** Actors only: the cast ids of the patients this person plays (see cast-parts.ts). */
  plays: string[];
  joinedAt: IsoTime;
  /** Refreshed while the person's page holds the signalling stream open; presence is read from it. */
  lastSeenAt: IsoTime;
  /** Set when the person chose to leave; a reload or dropped connection does not set it. */
  leftAt: IsoTime | null;
  /** Their own camera and microphone check's latest verdict (call-check.ts); absent until their page has one. */
  check?: CallCheck;
  /** Actors of several patients: whose voice they switched to by hand, and at which step (speaking-as.ts). */
  speakingAs?: SpeakingAsChoice;
}

/** One step of the script as an actor recorded it: which response the learner's reply was closest to. */
export interface LiveAdvance {
  /** The attempt's step after this choice (choices made so far), so recording the same step twice changes nothing. */
  step: number;
  nodeId: string;
  choiceId: string;
  /** The actor who recorded it. */
  by: string;
  at: IsoTime;
}

export interface LiveSession {
  id: string;
  orgId: string;
  /** The normalised join code (join-code.ts); unique among sessions still open. */
  code: string;
  scenarioId: string;
  /** Pinned at creation, like an attempt's. */
  scenarioVersion: number;
  /** The cast members who need an actor before the consultation can start, in cast order (cast-parts.ts). */
  parts: LivePart[];
  status: LiveStatus;
  /** The learner: the person who created the session. */
  learnerId: string;
  participants: LiveParticipant[];
  /** The learner's attempt, created when the consultation starts; the actors' choices advance it. */
  attemptId: string | null;
  /** Who recorded each step and when, for the debrief (the attempt itself holds the path and scores). */
  advances: LiveAdvance[];
  createdAt: IsoTime;
  /** Newcomers may join until then; people already in the session may rejoin while it is open. */
  joinUntil: IsoTime;
  startedAt: IsoTime | null;
  endedAt: IsoTime | null;
  endReason: LiveEndReason | null;
  /** Any join, leave, start, script step or presence refresh; an open session expires after a long enough silence. */
  lastActivityAt: IsoTime;
  /** The concurrency counter: the store applies a change only to the revision it was computed from, then adds one. */
  revision: number;
}

/** Sizes and times that keep a session small, a mesh workable and an abandoned session from lingering. */
export const LIVE_LIMITS = {
  /** A full WebRTC mesh sends every camera to every peer; five is what a laptop and home upload can carry. */
  participants: 5,
  observers: 2,
  /** Group scenarios have at most three patients, and each actor plays at least one. */
  actors: 3,
  /** A join code admits newcomers for this long after the session is created. */
  joinValidMs: 2 * 60 * 60 * 1000,
  /** No session stays open longer than this, whatever happens in it. */
  maxSessionMs: 4 * 60 * 60 * 1000,
  /** A lobby nobody is connected to expires after this. */
  lobbyIdleMs: 20 * 60 * 1000,
  /** A running consultation nobody is connected to expires after this. */
  runningIdleMs: 10 * 60 * 1000,
  /** Observers and actors may rate for this long after the consultation ends. */
  ratingWindowMs: 24 * 60 * 60 * 1000,
  /** The page's instance refreshes lastSeenAt at this interval while the signalling stream is open. */
  presenceRefreshMs: 10 * 1000,
  /** Without a refresh for this long, a participant is shown as "away" (reconnecting, reloading). */
  presenceTimeoutMs: 30 * 1000,
  /** An away participant keeps their seat (and parts) this long, so a dropped connection can come back to it. */
  seatHoldMs: 3 * 60 * 1000,
  nameChars: 80,
  /** Different people who may ever join one session (the record stays small however often people come and go). */
  everJoined: 20,
} as const;

export type NewLiveSession = Pick<LiveSession, "id" | "orgId" | "code" | "scenarioId" | "scenarioVersion" | "parts"> & {
  learner: { userId: string; name: string };
  now: IsoTime;
};

/** A session in its lobby with the learner as its only participant. */
export function createLiveSession(input: NewLiveSession): LiveSession {
  if (input.parts.length === 0) throw new Error("A live session needs at least one cast member to play.");
  const { now } = input;
  return {
    id: input.id,
    orgId: input.orgId,
    code: input.code,
    scenarioId: input.scenarioId,
    scenarioVersion: input.scenarioVersion,
    parts: input.parts.map(({ id, name }) => ({ id, name })),
    status: "lobby",
    learnerId: input.learner.userId,
    participants: [
      {
        userId: input.learner.userId,
        name: input.learner.name.slice(0, LIVE_LIMITS.nameChars),
        role: "learner",
        plays: [],
        joinedAt: now,
        lastSeenAt: now,
        leftAt: null,
      },
    ],
    attemptId: null,
    advances: [],
    createdAt: now,
    joinUntil: new Date(Date.parse(now) + LIVE_LIMITS.joinValidMs).toISOString(),
    startedAt: null,
    endedAt: null,
    endReason: null,
    lastActivityAt: now,
    revision: 0,
  };
}

export function participantOf(session: LiveSession, userId: string): LiveParticipant | undefined {
  return session.participants.find((p) => p.userId === userId);
}

/** lobby and running sessions can still be joined, signalled in and changed. */
export function isOpen(session: LiveSession): boolean {
  return session.status === "lobby" || session.status === "running";
}

export function msBetween(from: IsoTime, to: IsoTime): number {
  return Date.parse(to) - Date.parse(from);
}
