// "Open 'Opening' (opening)" beside a check: the node by its title as the graph shows it, the id after it.
export function OpenNodeButton({
  nodeId,
  title,
  onOpen,
}: {
  nodeId: string;
  title?: string;
  onOpen: (nodeId: string) => void;
}) {
  return (
    <button type="button" className="ws-link-button" onClick={() => onOpen(nodeId)}>
      {title && title !== nodeId ? (
        <>
          Open ‘{title}’ <span className="ws-muted">({nodeId})</span>
        </>
      ) : (
        `Open ${nodeId}`
      )}
    </button>
  );
}
