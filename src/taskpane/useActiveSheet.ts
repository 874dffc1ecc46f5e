// The progress sheet the user is on, followed as they work: re-read on every selection change in the workbook
// (Office's DocumentSelectionChanged — confirming an edit with Enter or Tab moves the selection, so typed actuals
// and a typed 评估年份 arrive with it) and whenever the caller asks (after its own operations).
import { useCallback, useEffect, useState } from "react";
import type { ActiveProgressSheet } from "../services/service";
import { usePane } from "./context";

export function useActiveSheet(enabled: boolean): { active: ActiveProgressSheet | null; reread(): void } {
  const { service, onSelectionChange } = usePane();
  const [active, setActive] = useState<ActiveProgressSheet | null>(null);
  const reread = useCallback(() => {
    service.activeProgressSheet().then(setActive, () => setActive(null));
  }, [service]);
  useEffect(() => {
    if (!enabled) return;
    reread();
    return onSelectionChange?.(reread);
  }, [enabled, reread, onSelectionChange]);
  return { active, reread };
}
