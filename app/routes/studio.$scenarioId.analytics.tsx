// Per-scenario analytics for educators: reach and choice shares per node, where attempts end or stop, mean scores
// and item statistics; on the branch graph (edge thickness) and as tables. Bundled scenarios too (own attempts only).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import xyflowStyles from "@xyflow/react/dist/style.css?url";
import { useMemo } from "react";
import { BranchGraph } from "~/components/studio/branch-graph";
import { COMPETENCY_INFO, isCompetency } from "~/core/competencies";
import { validateScenario, type Scenario } from "~/core/scenario";
import { graphModel } from "~/core/studio/graph-model";
import studioStyles from "~/styles/studio.scss?url";
import { TableHead } from "~/components/admin/table-head";
import { ItemStatisticsTable } from "~/components/studio/item-statistics-table";
import { analyticsView, requireAnalyticsScenario } from "~/services/studio-analytics.server";
import { requireAuthor } from "~/services/studio.server";

export const meta: MetaFunction = () => [{ title: "Analytics | Authoring studio | Webside" }];
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: xyflowStyles },
  { rel: "stylesheet", href: studioStyles },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  return analyticsView(context, viewer, await requireAnalyticsScenario(request, context, viewer, params.scenarioId));
}

export default function AnalyticsPage() {
  const { id, unreadable } = useLoaderData<typeof loader>();
  if (!unreadable) return <Analytics />;
  return (
    <>
      <h1>This draft cannot be opened</h1>
      <p>
        The saved draft is not in a form Webside can read, and no version has been published, so there is nothing to
        analyse yet. <a href={`/studio/${id}`}>Recover the draft in the editor</a>.
      </p>
    </>
  );
}

function Analytics() {
  const { id, bundled, scenario: loaded, summary, nodes, choiceCounts, items } = useLoaderData<typeof loader>();
  const scenario = loaded as Scenario;
  const model = useMemo(
    () => graphModel(scenario, validateScenario(scenario).problems, new Map(choiceCounts)),
    [scenario, choiceCounts],
  );
  const choiceText = (nodeId: string, choiceId: string) =>
    scenario.nodes[nodeId]?.choices?.find((c) => c.id === choiceId)?.text ?? choiceId;
  return (
    <>
      <p className="ws-muted">
        {bundled ? <a href="/studio">Back to the studio</a> : <a href={`/studio/${id}`}>Back to the editor</a>}
      </p>
      <h1>Analytics: {scenario.title}</h1>
      <p className="ws-muted">{bundled ? "A bundled scenario. " : ""}Attempts by members of your organisation only.</p>
      <div className="ws-card-grid">
        <div className="ws-card">
          <p className="ws-stat">{summary.attempts}</p>
          <p>attempts started</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat">{summary.completed}</p>
          <p>completed ({summary.passed} passed)</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat">{summary.meanOverall === null ? "–" : `${summary.meanOverall}%`}</p>
          <p>mean overall score</p>
        </div>
      </div>
      {Object.keys(summary.meanScores).length > 0 ? (
        <section className="ws-card" aria-labelledby="mean-scores">
          <h2 className="nhsuk-heading-s" id="mean-scores">
            Mean competency scores (completed attempts)
          </h2>
          <dl className="nhsuk-summary-list">
            {Object.entries(summary.meanScores).map(([c, v]) => (
              <div className="nhsuk-summary-list__row" key={c}>
                <dt className="nhsuk-summary-list__key">{isCompetency(c) ? COMPETENCY_INFO[c].label : c}</dt>
                <dd className="nhsuk-summary-list__value">{v}%</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="analytics-graph">
        <h2 className="nhsuk-heading-m" id="analytics-graph">
          Paths taken
        </h2>
        <p className="ws-muted">
          Thicker arrows were chosen more often. Hover over or Tab to an arrow to read its choice, ending with the
          number of times it was taken; the table below lists them all.
        </p>
        <BranchGraph
          nodes={model.nodes}
          edges={model.edges}
          weighted
          label="Branch graph with how often each choice was taken"
        />
      </section>
      <div className="ws-table-scroll" role="region" aria-label="Node by node table" tabIndex={0}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Node by node</caption>
          <TableHead headings={["Node", "Reached", "Choices taken", "Ended here", "Abandoned here", "Waiting here"]} />
          <tbody>
            {nodes.map((n) => (
              <tr key={n.nodeId}>
                <th scope="row">
                  {scenario.nodes[n.nodeId]?.title ?? scenario.nodes[n.nodeId]?.ending?.title ?? n.nodeId}{" "}
                  <span className="ws-muted">({n.nodeId})</span>
                </th>
                <td>{n.reached}</td>
                <td>
                  {n.choices.length === 0 ? (
                    "–"
                  ) : (
                    <ul className="nhsuk-list">
                      {n.choices.map((c) => (
                        <li key={c.choiceId}>
                          {choiceText(n.nodeId, c.choiceId)}: {c.share}% ({c.count})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{n.endedHere}</td>
                <td>{n.abandonedHere}</td>
                <td>{n.inProgressHere}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ItemStatisticsTable report={items} version={scenario.version} csvHref={`/studio/${id}/item-statistics.csv`} />
    </>
  );
}
