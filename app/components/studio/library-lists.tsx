// The studio library's lists: the organisation's scenarios with their status and checks, and the bundled scenarios
// to duplicate or to see analytics for (the organisation's own attempts).
import { Form } from "@remix-run/react";
import type { LibraryScenario } from "~/services/studio-library.server";

const STATUS_TAG = { draft: "ws-tag--yellow", published: "ws-tag--green", archived: "ws-tag--grey" } as const;

export function OrganisationScenarios({ mine }: { mine: LibraryScenario[] }) {
  if (mine.length === 0)
    return <p>None yet. Start a blank scenario, import one, or duplicate a bundled scenario below.</p>;
  return (
    <table className="nhsuk-table">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col">Status</th>
          <th scope="col">Published version</th>
          <th scope="col">Last saved</th>
          <th scope="col">Checks</th>
        </tr>
      </thead>
      <tbody>
        {mine.map((s) => (
          <tr key={s.id}>
            <td>
              <a href={`/studio/${s.id}`}>{s.title}</a>
              <br />
              <span className="ws-muted">{s.id}</span>
            </td>
            <td>
              <span className={`ws-tag ${STATUS_TAG[s.status]}`}>{s.status}</span>
            </td>
            <td>{s.latestVersion ?? "none yet"}</td>
            <td>{s.updatedAt}</td>
            <td>{s.errors === 0 ? "Ready to publish" : `${s.errors} error${s.errors === 1 ? "" : "s"} to fix`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BundledScenarios({
  bundled,
  busy,
}: {
  bundled: Array<{ id: string; title: string; summary: string }>;
  busy: boolean;
}) {
  return (
    <ul className="ws-card-grid nhsuk-list" aria-label="Bundled scenarios">
      {bundled.map((s) => (
        <li key={s.id} className="ws-card ws-scenario-card">
          <h3 className="nhsuk-heading-s">{s.title}</h3>
          <p>{s.summary}</p>
          <p>
            <a href={`/studio/${s.id}/analytics`}>
              Analytics and item statistics<span className="nhsuk-u-visually-hidden"> for {s.title}</span>
            </a>
          </p>
          <Form method="post" className="ws-scenario-card__meta">
            <input type="hidden" name="intent" value="duplicate" />
            <input type="hidden" name="scenarioId" value={s.id} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary ws-button--small" disabled={busy}>
              Duplicate to customise<span className="nhsuk-u-visually-hidden"> {s.title}</span>
            </button>
          </Form>
        </li>
      ))}
    </ul>
  );
}
