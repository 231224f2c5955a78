// The fields that describe a member of staff (name, email, roles, teams), shared by the add and edit forms.
import { FormField } from "~/components/form-field";
import type { Role } from "~/storage/types";

const ROLE_OPTIONS: Array<{ value: Role; label: string; hint: string }> = [
  { value: "clinician", label: "Clinician", hint: "practises scenarios" },
  { value: "educator", label: "Educator", hint: "writes and reviews scenarios" },
  { value: "admin", label: "Admin", hint: "manages staff, assignments and exports" },
];

type Errors = Record<string, string[] | undefined>;

export function StaffFields({
  prefix,
  teams,
  errors,
  defaults,
}: {
  prefix: string;
  teams: Array<{ id: string; name: string }>;
  errors: Errors;
  defaults?: { name: string; email: string; roles: Role[]; teamIds: string[] };
}) {
  return (
    <>
      <FormField id={`${prefix}-name`} label="Full name" error={errors.name?.[0]}>
        {(describedBy) => (
          <input
            className="nhsuk-input"
            id={`${prefix}-name`}
            name="name"
            autoComplete="off"
            defaultValue={defaults?.name}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <FormField id={`${prefix}-email`} label="Email address" error={errors.email?.[0]}>
        {(describedBy) => (
          <input
            className="nhsuk-input"
            id={`${prefix}-email`}
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={defaults?.email}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <FormField id={`${prefix}-roles`} label="Roles" error={errors.roles?.[0]} legend>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {ROLE_OPTIONS.map((role) => (
            <div className="nhsuk-checkboxes__item" key={role.value}>
              <input
                className="nhsuk-checkboxes__input"
                id={`${prefix}-role-${role.value}`}
                name="roles"
                type="checkbox"
                value={role.value}
                defaultChecked={defaults ? defaults.roles.includes(role.value) : role.value === "clinician"}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${prefix}-role-${role.value}`}>
                {role.label} <span className="ws-muted">({role.hint})</span>
              </label>
            </div>
          ))}
        </div>
      </FormField>
      {teams.length > 0 ? (
        <FormField id={`${prefix}-teams`} label="Teams" error={errors.teamIds?.[0]} legend>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {teams.map((team) => (
              <div className="nhsuk-checkboxes__item" key={team.id}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${prefix}-team-${team.id}`}
                  name="teamIds"
                  type="checkbox"
                  value={team.id}
                  defaultChecked={defaults?.teamIds.includes(team.id)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${prefix}-team-${team.id}`}>
                  {team.name}
                </label>
              </div>
            ))}
          </div>
        </FormField>
      ) : null}
    </>
  );
}

export function InvitationLink({ link, name }: { link: string; name: string }) {
  return (
    <div className="ws-notice" role="status">
      <p>
        <strong>Set-password link for {name}.</strong> Copy it and send it to them (it works once and lasts 14 days):
      </p>
      <label className="nhsuk-label" htmlFor="invitation-link">
        Invitation link
      </label>
      <input
        className="nhsuk-input ws-copy-field"
        id="invitation-link"
        readOnly
        value={link}
        data-testid="invitation-link"
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
