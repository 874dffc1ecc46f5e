// On a progress sheet, the 进度表 tab shows its plan, its year (when edited there) and its live status counts.
import { useEffect, type Dispatch, type SetStateAction } from "react";
import type { ActiveProgressSheet, ProgressSheetInfo, SheetResult } from "../../services/service";
import type { PlanChoice } from "./usePlanChoice";
import type { ShownResult } from "./useProgressActions";

const sameCounts = (a: SheetResult, b: ActiveProgressSheet) =>
  a.year === b.year && JSON.stringify(a.counts) === JSON.stringify(b.counts);

export function useFollowActiveSheet(
  active: ActiveProgressSheet | null,
  choice: PlanChoice,
  setSheets: Dispatch<SetStateAction<ProgressSheetInfo[]>>,
  setResult: Dispatch<SetStateAction<ShownResult | null>>,
) {
  const { catalog } = choice;
  useEffect(() => {
    if (!active) return;
    const p = catalog.planById(active.planId);
    if (!p) return;
    if (active.planId !== choice.planId) choice.followPlan(active.planId, p.region);
    // The list's year of that sheet is what the sheet says now (the 生成 question and the year field use it).
    setSheets((list) =>
      list.map((x) => (x.sheetName === active.sheetName ? { ...x, year: active.year } : x)),
    );
    choice.adoptSheetYear(active.sheetName, active.year, false);
    // The counts as the sheet computes them now; the 已生成/已刷新 message stays until they change.
    setResult((prev) =>
      prev && prev.r.sheetName === active.sheetName && sameCounts(prev.r, active)
        ? prev
        : { r: { ...active, year: active.year ?? 0, typedFormats: [] }, action: "current" },
    );
    // The chosen plan is read, not followed: switching plans in the pane must not bounce back to the sheet's.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberate, as said above
  }, [active, catalog]);
}
