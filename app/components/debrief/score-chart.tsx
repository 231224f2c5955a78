// Competency scores against the pass mark: a bar chart once the page is live, and always an accessible table.
import { useEffect, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import type { ScoreRow } from "~/services/debrief.server";

export function ScoreChart({ rows, passMark }: { rows: ScoreRow[]; passMark: number }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const scored = rows.filter((r): r is ScoreRow & { score: number } => r.score !== null);
  return (
    <figure className="ws-figure">
      {mounted && scored.length > 0 ? (
        <div className="ws-scorebars" aria-hidden="true" data-testid="score-chart">
          <ResponsiveContainer width="100%" height={Math.max(200, scored.length * 56)}>
            <BarChart
              accessibilityLayer={false}
              data={scored}
              layout="vertical"
              margin={{ top: 24, right: 48, bottom: 8, left: 8 }}
            >
              <CartesianGrid horizontal={false} stroke="#d8dde0" />
              <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" stroke="#4c6272" />
              <YAxis type="category" dataKey="label" width={150} stroke="#212b32" />
              <ReferenceLine
                x={passMark}
                stroke="#8a1c1c"
                strokeDasharray="6 4"
                label={{ value: `Pass mark ${passMark}%`, position: "top", fill: "#8a1c1c" }}
              />
              <Bar dataKey="score" isAnimationActive={false} radius={[0, 4, 4, 0]}>
                {scored.map((row) => (
                  <Cell key={row.competency} fill={row.score >= passMark ? "#007f3b" : "#005eb8"} />
                ))}
                <LabelList dataKey="score" position="right" formatter={(v: unknown) => `${String(v)}%`} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <table className="nhsuk-table ws-score-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">
          Scores by competency (pass mark {passMark}%)
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Competency
            </th>
            <th scope="col" className="nhsuk-table__header">
              Score
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.competency}>
              <td className="nhsuk-table__cell">{row.label}</td>
              <td className="nhsuk-table__cell">
                {row.score === null ? "Not assessed on this path" : `${row.score}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
