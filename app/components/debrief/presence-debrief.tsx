// How the clinician came across on camera, from the numbers-only presence summary (filled in by the camera feature).
export function PresenceDebrief({ presence }: { presence: unknown }) {
  if (!presence) {
    return (
      <section className="ws-card" aria-labelledby="presence-heading">
        <h2 id="presence-heading" className="nhsuk-heading-m">How you came across on camera</h2>
        <p className="ws-muted">Camera feedback was off for this attempt, so there is no presence timeline. Turn it on in the practice room next time.</p>
      </section>
    );
  }
  return null;
}
