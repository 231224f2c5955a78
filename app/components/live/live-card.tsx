// "Practise live with colleagues" on a scenario's overview: starts a live role-play session with this person as the
// clinician; colleagues join with its code to play the patient or observe.
export function LiveCard({ scenarioId }: { scenarioId: string }) {
  return (
    <section className="ws-card" aria-labelledby="live-title">
      <h2 id="live-title" className="nhsuk-heading-s">
        Practise live with colleagues
      </h2>
      <p>
        A colleague plays the patient from the script while you talk on video; another can observe and rate. Video goes
        directly between your browsers: media never passes through Webside&apos;s servers.
      </p>
      <form method="post" action={`/live/new/${scenarioId}`}>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Start a live session
        </button>
      </form>
      <p>
        <a href="/live/join">Join a colleague&apos;s live session</a>
      </p>
    </section>
  );
}
