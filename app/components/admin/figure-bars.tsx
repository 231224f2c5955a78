// A horizontal bar chart (recharts, drawn once the page is live) over a table that always carries the same figures,
// so screen readers and printouts get the numbers and the chart is only a picture of them.
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";

export interface FigureRow {
  id: string;
  label: string;
  value: number | null;
  /** Shown in the table beside the value, e.g. "12 of 40". */
  note?: string;
}

export function FigureBars({
  caption,
  rows,
  max,
  unit,
  valueHeading,
  testId,
}: {
  caption: string;
  rows: FigureRow[];
  max: number;
  unit: string;
  valueHeading: string;
  testId: string;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const drawn = rows.filter((r): r is FigureRow & { value: number } => r.value !== null);
  const format = (v: unknown) => `${String(v)}${unit}`;
  return (
    <figure className="ws-figure">
      {mounted && drawn.length > 0 ? (
        <div aria-hidden="true" data-testid={testId} className="ws-figure__chart">
          <ResponsiveContainer width="100%" height={Math.max(120, drawn.length * 48 + 40)}>
            <BarChart
              data={drawn}
              layout="vertical"
              margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid horizontal={false} stroke="#d8dde0" />
              <XAxis type="number" domain={[0, max]} unit={unit} stroke="#4c6272" allowDecimals={unit !== "%"} />
              <YAxis type="category" dataKey="label" width={180} stroke="#212b32" />
              <Bar dataKey="value" fill="#005eb8" isAnimationActive={false} radius={[0, 4, 4, 0]}>
                <LabelList dataKey="value" position="right" formatter={format} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <table className="nhsuk-table ws-figure__table" data-testid={`${testId}-table`}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Name
            </th>
            <th scope="col" className="nhsuk-table__header">
              {valueHeading}
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.length === 0 ? (
            <tr className="nhsuk-table__row">
              <td className="nhsuk-table__cell" colSpan={2}>
                Nothing to show for these filters yet.
              </td>
            </tr>
          ) : (
            rows.map((r) => (
              <tr className="nhsuk-table__row" key={r.id}>
                <td className="nhsuk-table__cell">{r.label}</td>
                <td className="nhsuk-table__cell">
                  {r.value === null ? "No data" : format(r.value)}
                  {r.note ? <span className="ws-muted"> ({r.note})</span> : null}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </figure>
  );
}
