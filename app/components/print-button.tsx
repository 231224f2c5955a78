// A button that opens the browser's print dialogue (hidden on paper by the print stylesheet).
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="nhsuk-button ws-no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
