// Parts of a scenario's overview: who is on the call, and what is assessed with the pass rule.
import type { CastView } from "~/services/practice-view.server";

export function CastList({ cast }: { cast: CastView[] }) {
  return (
    <section className="ws-card" aria-labelledby="cast">
      <h2 id="cast" className="nhsuk-heading-m">
        Who is on the call
      </h2>
      <ul className="nhsuk-list">
        {cast.map((c) => (
          <li key={c.id} className="ws-line">
            <span className="ws-avatar" style={{ backgroundColor: c.colour }} aria-hidden="true">
              {c.initials}
            </span>
            <p>
              <strong>{c.name}</strong> <span className="ws-muted">({c.role})</span>
              <br />
              {c.bio}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AssessedList({
  competencies,
  passMark,
}: {
  competencies: Array<{ id: string; label: string; description: string }>;
  passMark: number;
}) {
  return (
    <section className="ws-card" aria-labelledby="assessed">
      <h2 id="assessed" className="nhsuk-heading-m">
        What is assessed
      </h2>
      <dl className="nhsuk-summary-list">
        {competencies.map((c) => (
          <div className="nhsuk-summary-list__row" key={c.id}>
            <dt className="nhsuk-summary-list__key">{c.label}</dt>
            <dd className="nhsuk-summary-list__value">{c.description}</dd>
          </div>
        ))}
      </dl>
      <p>You pass with an overall score of {passMark}% or more, as long as the consultation does not end unsafely.</p>
    </section>
  );
}
