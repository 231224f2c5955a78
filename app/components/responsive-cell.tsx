// A cell of an NHS responsive table (`nhsuk-table--responsive`): on a phone each row becomes a card and the cell
// shows its column's heading beside the value, so wide tables never push the page sideways.
import type { ReactNode } from "react";

export function ResponsiveCell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell">
      {/* Hidden from assistive technology: it already hears the real column header. */}
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{" "}
      </span>
      <span>{children}</span>
    </td>
  );
}
