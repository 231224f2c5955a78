// The organisation's people, one page at a time, with their teams, roles and whether they can log in yet.
import type { StaffRow } from "~/services/staff-directory.server";
import { ResponsiveCell } from "../responsive-cell";
import { TableHead } from "./table-head";

export function StaffTable({
  members,
  next,
  firstPage,
  pageSize,
}: {
  members: StaffRow[];
  next: string | null;
  firstPage: boolean;
  pageSize: number;
}) {
  return (
    <>
      <table className="nhsuk-table nhsuk-table--responsive ws-table--compact" data-testid="staff-table">
        <caption className="nhsuk-u-visually-hidden">Members of this organisation</caption>
        <TableHead headings={["Name", "Email", "Teams", "Roles", "Status"]} />
        <tbody className="nhsuk-table__body">
          {members.map((m) => (
            <tr className="nhsuk-table__row" key={m.id}>
              <ResponsiveCell heading="Name">
                <a href={`/admin/staff/${m.id}`}>{m.name}</a>
              </ResponsiveCell>
              <ResponsiveCell heading="Email">
                <span className="ws-break">{m.email}</span>
              </ResponsiveCell>
              <ResponsiveCell heading="Teams">{m.teams || <span className="ws-muted">None</span>}</ResponsiveCell>
              <ResponsiveCell heading="Roles">{m.roles}</ResponsiveCell>
              <ResponsiveCell heading="Status">
                <StaffStatus active={m.active} invited={m.invited} />
              </ResponsiveCell>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ws-actions">
        {!firstPage ? <a href="/admin/staff">First page</a> : null}
        {next ? <a href={`/admin/staff?after=${encodeURIComponent(next)}`}>Next {pageSize} people</a> : null}
      </p>
    </>
  );
}

/** Deactivated, invited (no password yet) or active, as a coloured tag with the word on it. */
export function StaffStatus({ active, invited, long = false }: { active: boolean; invited: boolean; long?: boolean }) {
  if (!active) return <span className="ws-tag ws-tag--grey">Deactivated</span>;
  if (invited) return <span className="ws-tag ws-tag--yellow">{long ? "Invited, no password yet" : "Invited"}</span>;
  return <span className="ws-tag ws-tag--green">Active</span>;
}
