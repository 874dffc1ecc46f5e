// Inserting a formula into the selected cell, with the confirmation the pane asks for before overwriting.
import { useState } from "react";
import { usePane } from "../context";
import { isCellNotEmpty, messageOf } from "../errors";

export interface FormulaInsert {
  busy: boolean;
  error: string | null;
  done: string | null;
  /** A formula refused over a non-empty cell, waiting for the user to confirm the overwrite. */
  confirm: { formula: string; message: string } | null;
  insert(formula: string, overwrite?: boolean): Promise<void>;
  dismissError(): void;
  cancelConfirm(): void;
  clearDone(): void;
}

export function useFormulaInsert(): FormulaInsert {
  const { service, onWorkbookChanged } = usePane();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ formula: string; message: string } | null>(null);

  const insert = async (f: string, overwrite = false) => {
    if (!f || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    setConfirm(null);
    try {
      await service.insertFormula(f, overwrite ? { overwrite: true } : undefined);
      setDone(f);
      onWorkbookChanged?.();
    } catch (e) {
      if (!overwrite && isCellNotEmpty(e)) setConfirm({ formula: f, message: messageOf(e) });
      else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    done,
    confirm,
    insert,
    dismissError: () => setError(null),
    cancelConfirm: () => setConfirm(null),
    clearDone: () => setDone(null),
  };
}
