// How the clinician came across on camera: share-of-time figures, a timeline aligned with the scenario's nodes, three tips, and a table of the numbers.
import { presenceSummarySchema, presenceTips, type PresenceShares } from "~/core/feedback";
import { nodeLabel, PresenceTimeline } from "./presence-timeline";

const pct = (share: number) => `${Math.round(share * 100)}%`;
const seconds = (ms: number) =>
  ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${Math.round(ms / 1000)} s`;
/** A share, or "–" when that metric had no reading (e.g. no speech yet for eye contact while speaking). */
const shareOf = (group: { ms: number }, share: number) => (group.ms > 0 ? pct(share) : "–");

function Section({ children }: { children: React.ReactNode }) {
  return (
    <section className="ws-card" aria-labelledby="presence-heading" data-testid="presence-debrief">
      <h2 id="presence-heading" className="nhsuk-heading-m">
        How you came across on camera
      </h2>
      {children}
    </section>
  );
}

export function PresenceDebrief({
  presence,
  nodeTitles = {},
}: {
  presence: unknown;
  nodeTitles?: Record<string, string | null | undefined>;
}) {
  const parsed = presence ? presenceSummarySchema.safeParse(presence) : null;
  // A "say it first" attempt with the camera off stores voice figures only: no camera time to show.
  if (!parsed || (parsed.success && parsed.data.durationMs === 0)) {
    return (
      <Section>
        <p className="ws-muted">
          Camera feedback was off for this attempt, so there is no presence timeline. Turn it on in the practice room
          next time.
        </p>
      </Section>
    );
  }
  if (!parsed.success) {
    return (
      <Section>
        <p className="ws-muted">The camera summary saved with this attempt could not be read, so it is not shown.</p>
      </Section>
    );
  }
  const summary = parsed.data;
  const { overall } = summary;
  const tips = presenceTips(summary);
  const rows: Array<{ id: string; title: string; shares: PresenceShares }> = [
    ...Object.entries(summary.nodes).map(([id, shares]) => ({ id, title: nodeLabel(id, nodeTitles), shares })),
    { id: "overall", title: "Whole consultation", shares: overall },
  ];
  return (
    <Section>
      <p>
        Camera feedback was on for {seconds(summary.durationMs)}. These are shares of that time; no picture or sound was
        kept.
      </p>
      <ul className="ws-presence-figures" aria-label="Share of time">
        <li>
          <strong>{shareOf(overall.framing, overall.framing.ok)}</strong> well framed
        </li>
        <li>
          <strong>{shareOf(overall.lighting, overall.lighting.ok)}</strong> well lit
        </li>
        <li>
          <strong>{shareOf(overall.eyeContactSpeaking, overall.eyeContactSpeaking.looking)}</strong> looking at the
          camera while speaking
        </li>
        <li>
          <strong>{shareOf(overall.eyeContactListening, overall.eyeContactListening.looking)}</strong> looking at the
          camera while listening
        </li>
      </ul>
      <h3 className="nhsuk-heading-s">Over the consultation</h3>
      <PresenceTimeline timeline={summary.timeline} titles={nodeTitles} />
      <h3 className="nhsuk-heading-s">Three things to take away</h3>
      <ul className="ws-presence-tips">
        {tips.map((tip) => (
          <li key={tip.key} data-kind={tip.kind}>
            <span className={`ws-tag ${tip.kind === "went-well" ? "ws-tag--green" : "ws-tag--grey"}`}>
              {tip.kind === "went-well" ? "Keep doing" : "Work on"}
            </span>{" "}
            {tip.text}
          </li>
        ))}
      </ul>
      {/* Six columns do not fit a phone: the table scrolls inside its own region, so the page never moves sideways. */}
      <div
        className="ws-table-scroll"
        role="region"
        aria-label="Share of time by part of the consultation"
        tabIndex={0}
      >
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            Share of time by part of the consultation
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {["Part", "Time", "Well framed", "Well lit", "At the lens, speaking", "At the lens, listening"].map(
                (h) => (
                  <th key={h} scope="col" className="nhsuk-table__header">
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map(({ id, title, shares }) => (
              <tr key={id} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__cell">
                  {title}
                </th>
                <td className="nhsuk-table__cell">{seconds(shares.ms)}</td>
                <td className="nhsuk-table__cell">{shareOf(shares.framing, shares.framing.ok)}</td>
                <td className="nhsuk-table__cell">{shareOf(shares.lighting, shares.lighting.ok)}</td>
                <td className="nhsuk-table__cell">
                  {shareOf(shares.eyeContactSpeaking, shares.eyeContactSpeaking.looking)}
                </td>
                <td className="nhsuk-table__cell">
                  {shareOf(shares.eyeContactListening, shares.eyeContactListening.looking)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
