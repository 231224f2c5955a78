// The organisation's teams: rename each in place, or create a new one.
import { Form } from "@remix-run/react";

export function TeamForms({ teams, error }: { teams: Array<{ id: string; name: string }>; error?: string }) {
  return (
    <section className="ws-card" aria-labelledby="teams-heading">
      <h2 id="teams-heading" className="nhsuk-heading-s">
        Teams
      </h2>
      {error ? (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      ) : null}
      {teams.map((team) => (
        <Form method="post" className="ws-inline-row" key={team.id}>
          <input type="hidden" name="intent" value="rename-team" />
          <input type="hidden" name="teamId" value={team.id} />
          <label className="nhsuk-u-visually-hidden" htmlFor={`team-${team.id}`}>
            Name of team {team.name}
          </label>
          <input className="nhsuk-input" id={`team-${team.id}`} name="name" defaultValue={team.name} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small">
            Rename
          </button>
        </Form>
      ))}
      <Form method="post" className="ws-inline-row">
        <input type="hidden" name="intent" value="create-team" />
        <label className="nhsuk-u-visually-hidden" htmlFor="new-team">
          New team name
        </label>
        <input className="nhsuk-input" id="new-team" name="name" placeholder="New team name" />
        <button type="submit" className="nhsuk-button nhsuk-button--small">
          Create team
        </button>
      </Form>
    </section>
  );
}
