// The fields that describe a member of staff (name, email, roles, teams), shared by the add and edit forms.
import { useEffect, useRef } from "react";
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

/** The form's problems as error-summary links, one per field in the form's order (roles link to the first box). */
export function staffErrorLinks(prefix: string, errors: Errors): Array<{ href: string; text: string }> {
  const target: Record<string, string> = { name: "name", email: "email", roles: "role-clinician", teamIds: "name" };
  return Object.keys(target).flatMap((field) => {
    const text = errors[field]?.[0];
    return text ? [{ href: `#${prefix}-${target[field]}`, text }] : [];
  });
}

function CopyLink({ link }: { link: string }) {
  return (
    <>
      <label className="nhsuk-label" htmlFor="invitation-link">
        Set-password link
      </label>
      <input
        className="nhsuk-input ws-copy-field"
        id="invitation-link"
        readOnly
        value={link}
        data-testid="invitation-link"
        onFocus={(e) => e.currentTarget.select()}
      />
    </>
  );
}

/**
 * What became of a new set-password link: emailed, not emailed (why, and the link to copy instead), or, with no mail
 * server, the link to copy. Focus moves here so the admin sees and hears the result wherever they were on the page.
 */
export function InvitationResult({
  link,
  name,
  email,
  recipient,
}: {
  link: string;
  name: string;
  recipient: string;
  email: { sent: true } | { sent: false; reason: string } | { sent: null };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [link]);
  if (email.sent === false) {
    return (
      <div className="nhsuk-warning-callout" ref={ref} tabIndex={-1} role="alert" data-testid="invitation-result">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            {name} was added, but the email was not sent
          </span>
        </h2>
        <p>
          The invitation to <span className="ws-break">{recipient}</span> could not be sent: {email.reason}. Copy this
          link and send it to them yourself (it works once and lasts 14 days).
        </p>
        <CopyLink link={link} />
      </div>
    );
  }
  return (
    <div className="ws-notice" ref={ref} tabIndex={-1} role="status" data-testid="invitation-result">
      {email.sent ? (
        <>
          <h2 className="nhsuk-heading-s">Invitation emailed to {name}</h2>
          <p>
            We sent <span className="ws-break">{recipient}</span> a link to set their password. It works once and lasts
            14 days. If it does not arrive, make a new link from their page.
          </p>
        </>
      ) : (
        <>
          <h2 className="nhsuk-heading-s">{name} was added</h2>
          <p>Copy this link and send it to them (it works once and lasts 14 days):</p>
          <CopyLink link={link} />
        </>
      )}
    </div>
  );
}
