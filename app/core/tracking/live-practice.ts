// Live role-play on the admin dashboard (issue 14, ADR 0054): how many live consultations were held, how many reached
// the script's ending, and who took part in which role, overall, by team and by person. Live practice is counted apart
// from solo attempts: its choices are an actor's reading of free speech, so it never completes an assignment.
import type { MemberFacts } from "./assignment-rows";
import { inRange, teamsOf } from "./dashboard-filters";

/** The parts of a live session these figures read (the storage record satisfies it). */
export interface LiveSessionFacts {
  scenarioId: string;
  /** When the consultation started; a session that never left the lobby was not practice. */
  startedAt: string | null;
  attemptId: string | null;
  participants: ReadonlyArray<{ userId: string; role: "learner" | "actor" | "observer" }>;
}

export interface LivePracticeFilter {
  teamId?: string;
  scenarioId?: string;
  /** Inclusive ISO dates (yyyy-mm-dd) or timestamps, on the consultation's start. */
  from?: string;
  to?: string;
}

export interface LiveCounts {
  /** Consultations practised as the clinician. */
  asClinician: number;
  /** Consultations played as a patient actor. */
  asActor: number;
  /** Consultations observed and rated. */
  asObserver: number;
}

export interface LivePractice {
  /** Consultations held (started) by the people in view. */
  held: number;
  /** Of those, how many the actor took to one of the script's endings. */
  reachedEnding: number;
  /** Different people who practised as the clinician. */
  clinicians: number;
  /** Different people who played a patient or observed. */
  colleagues: number;
  byTeam: Array<{ id: string; label: string } & LiveCounts>;
  byPerson: Array<{ userId: string; name: string; teams: string; lastAt: string } & LiveCounts>;
}

const ROLE_KEY = { learner: "asClinician", actor: "asActor", observer: "asObserver" } as const;
const zero = (): LiveCounts => ({ asClinician: 0, asActor: 0, asObserver: 0 });

export function livePractice(input: {
  sessions: readonly LiveSessionFacts[];
  members: readonly MemberFacts[];
  teams: ReadonlyArray<{ id: string; name: string }>;
  /** Ids of the live attempts that reached an ending. */
  completedAttemptIds: ReadonlySet<string>;
  filter: LivePracticeFilter;
}): LivePractice {
  const { filter } = input;
  const teamName = new Map(input.teams.map((t) => [t.id, t.name]));
  // Active people in the chosen team only, as everywhere on the dashboard.
  const members = new Map(
    input.members
      .filter((m) => m.active && (!filter.teamId || m.teamIds.includes(filter.teamId)))
      .map((m) => [m.userId, m]),
  );
  const held = input.sessions.filter(
    (s): s is LiveSessionFacts & { startedAt: string } =>
      s.startedAt !== null &&
      inRange(s.startedAt, filter) &&
      (!filter.scenarioId || s.scenarioId === filter.scenarioId),
  );
  const byTeam = new Map<string, { id: string; label: string } & LiveCounts>();
  const byPerson = new Map<string, { userId: string; name: string; teams: string; lastAt: string } & LiveCounts>();
  let count = 0;
  let reachedEnding = 0;
  for (const session of held) {
    // A session counts once it had someone in view as its clinician; the colleagues are counted wherever they are.
    const learner = session.participants.find((p) => p.role === "learner");
    if (learner && members.has(learner.userId)) {
      count++;
      if (session.attemptId && input.completedAttemptIds.has(session.attemptId)) reachedEnding++;
    }
    for (const p of session.participants) {
      const member = members.get(p.userId);
      if (!member) continue;
      const key = ROLE_KEY[p.role];
      const teams = teamsOf(member, teamName, filter.teamId);
      for (const team of teams) {
        const row = byTeam.get(team.id) ?? { id: team.id, label: team.name, ...zero() };
        row[key]++;
        byTeam.set(team.id, row);
      }
      const person = byPerson.get(p.userId) ?? {
        userId: p.userId,
        name: member.name,
        teams: teams.map((t) => t.name).join(", "),
        lastAt: session.startedAt,
        ...zero(),
      };
      person[key]++;
      if (session.startedAt > person.lastAt) person.lastAt = session.startedAt;
      byPerson.set(p.userId, person);
    }
  }
  const people = [...byPerson.values()];
  return {
    held: count,
    reachedEnding,
    clinicians: people.filter((p) => p.asClinician > 0).length,
    colleagues: people.filter((p) => p.asActor + p.asObserver > 0).length,
    byTeam: [...byTeam.values()].sort((a, b) => a.label.localeCompare(b.label)),
    byPerson: people.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
