// The editor's background save: posts the draft without reloading the page and reports busy, saved or refused.
import { useFetcher } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { refusalText } from "~/components/error-summary";

/** What the editor's action answers a save with (a success carries the new revision). */
type SaveAnswer = Parameters<typeof refusalText>[0] & { ok: boolean; revision?: unknown };

export function useDraftSaver(id: string, loadedRevision: number) {
  // Keyed by the loaded revision, as the editor is: a publish reloads both, and an old save's answer is not replayed.
  const saver = useFetcher<SaveAnswer>({ key: `save-${id}-${loadedRevision}` });
  const saving = useMemo(() => {
    const answer = saver.state === "idle" ? saver.data : undefined;
    return {
      busy: saver.state !== "idle",
      saved: answer?.ok && typeof answer.revision === "number" ? { revision: answer.revision } : null,
      error: answer && !answer.ok ? refusalText(answer) : null,
    };
  }, [saver.state, saver.data]);
  const { submit } = saver;
  const save = useCallback(
    (draft: string, revision: number) =>
      submit({ intent: "save", draft, revision: String(revision) }, { method: "post" }),
    [submit],
  );
  return { saving, save };
}
