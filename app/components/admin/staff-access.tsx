// A member of staff's access: a new invitation link while they have no password, and deactivating or reactivating.
import { Form } from "@remix-run/react";

export function StaffAccess({ person, self }: { person: { active: boolean; invited: boolean }; self: boolean }) {
  return (
    <section className="ws-card" aria-labelledby="access-heading">
      <h2 id="access-heading" className="nhsuk-heading-s">
        Access
      </h2>
      {person.invited && person.active ? (
        <Form method="post">
          <input type="hidden" name="intent" value="invite" />
          <p>They have not set a password yet.</p>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Create a new invitation link
          </button>
        </Form>
      ) : null}
      {self ? (
        <p className="ws-muted">This is you. Another admin can deactivate your account.</p>
      ) : person.active ? (
        <Form method="post">
          <input type="hidden" name="intent" value="deactivate" />
          <p>
            Deactivating signs them out everywhere at once and stops them logging in. Their attempts and certificates
            are kept.
          </p>
          <button type="submit" className="nhsuk-button nhsuk-button--warning">
            Deactivate
          </button>
        </Form>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="reactivate" />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Reactivate
          </button>
        </Form>
      )}
    </section>
  );
}
