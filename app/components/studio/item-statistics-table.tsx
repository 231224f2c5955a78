// Item statistics per decision for educators: facility, discrimination, each response's share, with flags a
// reviewer acts on (non-functioning distractors, negative discrimination) and a note when the sample is small.
import {
  formatDiscrimination,
  MIN_ANSWERED_FOR_DISTRACTOR_FLAGS,
  MIN_ATTEMPTS_FOR_STATISTICS,
  type ItemStatisticsReport,
} from "~/core/studio/item-statistics";
import { TableHead } from "~/components/admin/table-head";
import { ResponsiveCell } from "~/components/responsive-cell";

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);

export function ItemStatisticsTable({
  report,
  version,
  csvHref,
}: {
  report: ItemStatisticsReport;
  version: number;
  csvHref: string;
}) {
  return (
    <section aria-labelledby="item-statistics">
      <h2 className="nhsuk-heading-m" id="item-statistics">
        Item statistics
      </h2>
      <p>
        From each person&apos;s first completed attempt on version {version} ({report.attempts} attempt
        {report.attempts === 1 ? "" : "s"}). <strong>Facility</strong> is the share who chose the best response (the one
        with the highest total effect). <strong>Discrimination</strong> is the point-biserial correlation between
        choosing the best response at that decision and the rest of the attempt&apos;s score (the effects of all its
        other choices), from −1 to 1: 0.3 or more separates stronger from weaker attempts well; below 0 means those who
        chose the best response here did worse elsewhere, so check the scoring and wording.
      </p>
      {report.smallSample ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>Small sample
            </span>
          </h3>
          <p>
            Fewer than {MIN_ATTEMPTS_FOR_STATISTICS} attempts: these figures will change a lot as more people play.
            Treat them as a prompt to look again at a decision, not as a verdict on it.
          </p>
        </div>
      ) : null}
      <p>
        <a href={csvHref} download>
          Download item statistics (CSV)
        </a>
      </p>
      <table className="nhsuk-table nhsuk-table--responsive ws-item-statistics">
        <caption className="nhsuk-table__caption">Decision by decision</caption>
        <TableHead headings={["Decision", "Answered", "Facility", "Discrimination", "Responses (share chosen)"]} />
        <tbody className="nhsuk-table__body">
          {report.items.map((item) => (
            <tr className="nhsuk-table__row" key={item.nodeId}>
              <ResponsiveCell heading="Decision">
                <strong>{item.title}</strong> <span className="ws-muted">({item.nodeId})</span>
              </ResponsiveCell>
              <ResponsiveCell heading="Answered">{item.answered}</ResponsiveCell>
              <ResponsiveCell heading="Facility">{percent(item.facility)}</ResponsiveCell>
              <ResponsiveCell heading="Discrimination">
                {item.discrimination === null ? "–" : formatDiscrimination(item.discrimination)}
                {item.negativeDiscrimination ? (
                  <>
                    {" "}
                    <span className="ws-tag ws-tag--yellow">Negative</span>
                  </>
                ) : null}
              </ResponsiveCell>
              <ResponsiveCell heading="Responses">
                <ul className="nhsuk-list">
                  {item.responses.map((r) => (
                    <li key={r.choiceId} className="ws-item-response">
                      <strong>{item.answered === 0 ? "–" : percent(r.share)}</strong>{" "}
                      {item.answered === 0 ? null : `(${r.count}) `}
                      {r.best ? <span className="ws-tag ws-tag--green">Best</span> : null}
                      {r.nonFunctioning ? (
                        <span className="ws-tag ws-tag--yellow">Non-functioning distractor</span>
                      ) : null}{" "}
                      {r.text}
                    </li>
                  ))}
                </ul>
              </ResponsiveCell>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ws-muted">
        A non-functioning distractor is chosen by fewer than 5% of those who reach the decision (flagged once{" "}
        {MIN_ANSWERED_FOR_DISTRACTOR_FLAGS} have): make it a mistake real clinicians make, or remove it.
      </p>
    </section>
  );
}
