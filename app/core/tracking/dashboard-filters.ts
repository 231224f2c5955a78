// The dashboard's filters, shared by its figures: a date range and the teams a person is counted under.
import type { MemberFacts } from "./assignment-rows";

export const NO_TEAM = { id: "", name: "No team" };

/** `from`/`to` are inclusive ISO dates or timestamps; "2030-03-31" as a `to` bound means the whole of that day. */
export function inRange(iso: string, filter: { from?: string; to?: string }): boolean {
  if (filter.from && iso < filter.from) return false;
  if (filter.to && iso > (filter.to.length === 10 ? `${filter.to}T23:59:59.999Z` : filter.to)) return false;
  return true;
}

/** The person's teams (only the chosen one when filtering by team), or "No team". */
export function teamsOf(
  member: MemberFacts,
  teamName: ReadonlyMap<string, string>,
  teamId: string | undefined,
): Array<{ id: string; name: string }> {
  const own = member.teamIds.filter((t) => teamName.has(t) && (!teamId || t === teamId));
  return own.length === 0 ? [NO_TEAM] : own.map((id) => ({ id, name: teamName.get(id)! }));
}
