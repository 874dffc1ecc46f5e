// 撤销上一步: what the last write was (re-rendered when a service records another), the undo, and its outcome.
import { useState, useSyncExternalStore } from "react";
import type { UndoService } from "../workbook/undo";
import { usePane } from "./context";
import { useBusy } from "./useBusy";

export function useUndo(undo: UndoService) {
  const label = useSyncExternalStore(undo.subscribe, undo.current);
  const { onWorkbookChanged, sheets } = usePane();
  const { busy, error, setError, run } = useBusy();
  const [done, setDone] = useState<string | null>(null);
  const perform = () =>
    run(async () => {
      setDone(null);
      setDone(await undo.undo());
      onWorkbookChanged?.();
      // An undone generate deletes its sheet: the pane's lists of progress sheets read the workbook again.
      sheets.tell();
    });
  const dismiss = () => {
    setDone(null);
    setError(null);
  };
  return { label, busy, error, done, perform, dismiss };
}
