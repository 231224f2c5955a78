// The live debrief's own sections (the path and the scores reuse the solo debrief's components): who took part, the
// observers' ratings beside the engine's scores with their notes, each character's view, and the rating forms.
import { Form } from "@remix-run/react";
import {
  GLOBAL_RATING_LABELS,
  GLOBAL_RATING_QUESTION,
  PATIENT_COMMENT_QUESTION,
  PATIENT_PERSPECTIVE_ITEMS,
  PATIENT_PERSPECTIVE_PROMPT,
  PATIENT_SCALE_LABELS,
  type ObserverRating,
} from "~/core/live";

const SCALE = [1, 2, 3, 4, 5] as const;
const minutes = (ms: number) =>
  `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")}`;

export function People({
  people,
  minutes: length,
}: {
  people: Array<{ name: string; role: string; plays: string[] }>;
  minutes: number;
}) {
  return (
    <section className="ws-card" aria-labelledby="people-title">
      <h2 id="people-title" className="nhsuk-heading-m">
        Who took part
      </h2>
      <ul className="nhsuk-list">
        {people.map((p) => (
          <li key={p.name + p.role}>
            <strong>{p.name}</strong>: {p.role}
            {p.plays.length > 0 ? ` (${p.plays.join(", ")})` : ""}
          </li>
        ))}
      </ul>
      <p className="ws-muted">The consultation ran for about {length} minutes.</p>
    </section>
  );
}

type ObserverSection = {
  name: string;
  final: boolean;
  competencies: Array<{ label: string; rating: number | null; engine: number | null }>;
  global: string | null;
  notes: Array<{ text: string; atMs: number; nodeId: string | null }>;
  comment: string | null;
};

export function ObserverRatings({ observers }: { observers: ObserverSection[] }) {
  if (observers.length === 0) return null;
  return (
    <section className="ws-card" aria-labelledby="observers-title">
      <h2 id="observers-title" className="nhsuk-heading-m">
        What the observers saw
      </h2>
      {observers.map((o) => (
        <div key={o.name} data-testid="observer-rating">
          <h3 className="nhsuk-heading-s">
            {o.name}
            {o.final ? "" : " (draft)"}
          </h3>
          {/* Scrolls inside its own region on a phone, so the page itself never moves sideways. */}
          <div className="ws-table-scroll" role="region" aria-label={`${o.name}'s ratings`} tabIndex={0}>
            <table className="nhsuk-table">
              <caption className="nhsuk-u-visually-hidden">
                {o.name}&apos;s ratings beside the script&apos;s scores
              </caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  <th scope="col">Observer (1 to 5)</th>
                  <th scope="col">Script score</th>
                </tr>
              </thead>
              <tbody>
                {o.competencies.map((c) => (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td>{c.rating ?? "–"}</td>
                    <td>{c.engine === null ? "–" : `${c.engine}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {o.global ? <p>Global rating: {o.global}</p> : null}
          {o.notes.length > 0 ? (
            <ul className="nhsuk-list">
              {o.notes.map((n, i) => (
                <li key={i}>
                  <span className="ws-muted">{minutes(n.atMs)}</span> {n.text}
                </li>
              ))}
            </ul>
          ) : null}
          {o.comment ? <p>{o.comment}</p> : null}
        </div>
      ))}
    </section>
  );
}

export function PatientViews({
  patients,
}: {
  patients: Array<{ character: string; answers: Array<{ text: string; answer: string }>; comment: string | null }>;
}) {
  if (patients.length === 0) return null;
  return (
    <section className="ws-card" aria-labelledby="patients-title">
      <h2 id="patients-title" className="nhsuk-heading-m">
        The patient&apos;s view
      </h2>
      {patients.map((p) => (
        <div key={p.character} data-testid="patient-view">
          <h3 className="nhsuk-heading-s">{p.character}</h3>
          <dl className="nhsuk-summary-list">
            {p.answers.map((a) => (
              <div className="nhsuk-summary-list__row" key={a.text}>
                <dt className="nhsuk-summary-list__key">{a.text}</dt>
                <dd className="nhsuk-summary-list__value">{a.answer}</dd>
              </div>
            ))}
          </dl>
          {p.comment ? <p>{p.comment}</p> : null}
        </div>
      ))}
    </section>
  );
}

function Scale({ name, legend, value, hint }: { name: string; legend: string; value: number | null; hint?: string }) {
  return (
    <fieldset className="nhsuk-fieldset ws-live-scale">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
      {hint ? <div className="nhsuk-hint">{hint}</div> : null}
      <div className="nhsuk-radios nhsuk-radios--inline">
        {SCALE.map((n) => (
          <div className="nhsuk-radios__item" key={n}>
            <input
              className="nhsuk-radios__input"
              id={`${name}-${n}`}
              name={name}
              type="radio"
              value={n}
              defaultChecked={value === n}
            />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${n}`}>
              {n}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function ObserverForm({
  draft,
  competencies,
}: {
  draft: ObserverRating | null;
  competencies: Array<{ id: string; label: string; anchors: { 1: string; 3: string; 5: string } }>;
}) {
  return (
    <section className="ws-card" aria-labelledby="rate-title">
      <h2 id="rate-title" className="nhsuk-heading-m">
        Your rating
      </h2>
      <Form method="post">
        <input type="hidden" name="intent" value="rate" />
        {competencies.map((c) => (
          <Scale
            key={c.id}
            name={`rating-${c.id}`}
            legend={c.label}
            value={(draft?.competencies as Record<string, number> | undefined)?.[c.id] ?? null}
            hint={`1: ${c.anchors[1]} 3: ${c.anchors[3]} 5: ${c.anchors[5]}`}
          />
        ))}
        <Scale
          name="global"
          legend={GLOBAL_RATING_QUESTION}
          value={draft?.global ?? null}
          hint={SCALE.map((n) => `${n}: ${GLOBAL_RATING_LABELS[n]}`).join(", ")}
        />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="comment">
            Comment for the clinician (optional)
          </label>
          <textarea
            className="nhsuk-textarea"
            id="comment"
            name="comment"
            rows={3}
            defaultValue={draft?.comment ?? ""}
          />
        </div>
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id="final" name="final" type="checkbox" value="on" />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="final">
              This is my final rating
            </label>
          </div>
        </div>
        <button className="nhsuk-button" type="submit">
          Save rating
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="note" />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="note">
            Add a note (time-stamped)
          </label>
          <input className="nhsuk-input" id="note" name="text" type="text" maxLength={500} />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Add note
        </button>
      </Form>
    </section>
  );
}

export function PatientForm({ part }: { part: { id: string; name: string } }) {
  return (
    <section className="ws-card" aria-labelledby={`patient-${part.id}-title`}>
      <h2 id={`patient-${part.id}-title`} className="nhsuk-heading-m">
        {part.name}&apos;s view
      </h2>
      <p>{PATIENT_PERSPECTIVE_PROMPT}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="patient" />
        <input type="hidden" name="castId" value={part.id} />
        {PATIENT_PERSPECTIVE_ITEMS.map((item) => (
          <Scale
            key={item.id}
            name={`answer-${item.id}`}
            legend={item.text}
            value={null}
            hint={`1 ${PATIENT_SCALE_LABELS[1]} to 5 ${PATIENT_SCALE_LABELS[5]}${"mayNotApply" in item ? "; leave blank if it did not happen" : ""}`}
          />
        ))}
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`patient-comment-${part.id}`}>
            {PATIENT_COMMENT_QUESTION} (optional)
          </label>
          <textarea className="nhsuk-textarea" id={`patient-comment-${part.id}`} name="comment" rows={2} />
        </div>
        <button className="nhsuk-button" type="submit">
          Save {part.name}&apos;s view
        </button>
      </Form>
    </section>
  );
}
