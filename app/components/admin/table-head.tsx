// The header row of an NHS.UK table from a list of column names (an empty name is read out as `hiddenLabel`).
export function TableHead({ headings, hiddenLabel = "Actions" }: { headings: string[]; hiddenLabel?: string }) {
  return (
    <thead className="nhsuk-table__head">
      <tr className="nhsuk-table__row">
        {headings.map((h, i) => (
          <th scope="col" className="nhsuk-table__header" key={i}>
            {h || <span className="nhsuk-u-visually-hidden">{hiddenLabel}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
