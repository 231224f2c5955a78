// The fields that describe a member of staff (name, email, roles, teams), shared by the add and edit forms.
import type { Role } from "~/storage/types";

const ROLE_OPTIONS: Array<{ value: Role; label: string; hint: string }> = [
  { value: "clinician", label: "Clinician", hint: "practises scenarios" },
  { value: "educator", label: "Educator", hint: "writes and reviews scenarios" },
  { value: "admin", label: "Admin", hint: "manages staff, assignments and exports" },
];

type Errors = Record<string, string[] | undefined>;

function ErrorText({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.[0] ? (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {messages[0]}
    </span>
  ) : null;
}

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
  const group = (field: string) => `nhsuk-form-group${errors[field] ? " nhsuk-form-group--error" : ""}`;
  return (
    <>
      <div className={group("name")}>
        <label className="nhsuk-label" htmlFor={`${prefix}-name`}>
          Full name
        </label>
        <ErrorText id={`${prefix}-name`} messages={errors.name} />
        <input
          className="nhsuk-input"
          id={`${prefix}-name`}
          name="name"
          autoComplete="off"
          defaultValue={defaults?.name}
          aria-describedby={errors.name ? `${prefix}-name-error` : undefined}
        />
      </div>
      <div className={group("email")}>
        <label className="nhsuk-label" htmlFor={`${prefix}-email`}>
          Email address
        </label>
        <ErrorText id={`${prefix}-email`} messages={errors.email} />
        <input
          className="nhsuk-input"
          id={`${prefix}-email`}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={defaults?.email}
          aria-describedby={errors.email ? `${prefix}-email-error` : undefined}
        />
      </div>
      <div className={group("roles")}>
        <fieldset className="nhsuk-fieldset" aria-describedby={errors.roles ? `${prefix}-roles-error` : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Roles</legend>
          <ErrorText id={`${prefix}-roles`} messages={errors.roles} />
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
        </fieldset>
      </div>
      {teams.length > 0 ? (
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Teams</legend>
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
          </fieldset>
        </div>
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
