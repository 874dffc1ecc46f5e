// The 进度表 tab's actions: 生成 (asking the year when the sheet has another), 刷新 (checking first what it
// would change), one at a time with the spinner on and failures as the error bar.
import { useState, type Dispatch, type SetStateAction } from "react";
import { HostError, type RefreshPlan, type SheetResult, type SheetYearChoice } from "../../services/service";
import { usePane } from "../context";
import { messageOf } from "../errors";
import type { SummaryAction } from "./StatusSummary";
import type { PlanChoice } from "./usePlanChoice";
import type { YearChoice } from "./YearChoiceDialog";

export type BusyKind = "generate" | "check" | "refresh";
/** The counts shown under the buttons, and what produced them. */
export interface ShownResult {
  r: SheetResult;
  action: SummaryAction;
}

/** Run one host call with the spinner on; failures become the error bar. */
function useRun() {
  const [busy, setBusy] = useState<BusyKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async <T>(kind: BusyKind, f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(kind);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(messageOf(e));
      return undefined;
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, setError, run };
}

export interface ProgressActionsInput {
  choice: PlanChoice;
  /** 设置 保护公式列 (on by default; the service protects unless told otherwise). */
  protect: boolean;
  setResult: Dispatch<SetStateAction<ShownResult | null>>;
  /** Read the active sheet again (after 生成, which activates its sheet). */
  reread(): void;
}

export function useProgressActions({ choice, protect, setResult, reread }: ProgressActionsInput) {
  const { service, onWorkbookChanged, sheets: sheetsFeed } = usePane();
  const { busy, error, setError, run } = useRun();
  const [pending, setPending] = useState<RefreshPlan | null>(null);
  const [askYear, setAskYear] = useState<YearChoice | null>(null);
  const { planId, year, yearTouched, sheet } = choice;
  const protectOpt = protect ? {} : { protect: false };

  const finish = (r: SheetResult, action: "generated" | "refreshed") => {
    setResult({ r, action });
    choice.adoptSheetYear(r.sheetName, r.year, true);
    onWorkbookChanged?.();
    // Every list of progress sheets in the pane (this tab's, 批量's) reads the workbook again.
    sheetsFeed.tell();
  };
  /** 生成; on a sheet with another 评估年份 the service refuses until the user chooses (YearChoiceDialog). */
  const generate = (sheetYear?: SheetYearChoice) =>
    run("generate", async () => {
      if (year === null) return;
      try {
        const o = { ...(sheetYear ? { sheetYear } : {}), ...protectOpt };
        const r = Object.keys(o).length
          ? await service.generate(planId, year, o)
          : await service.generate(planId, year);
        finish(r, "generated");
      } catch (e) {
        if (!(e instanceof HostError && e.code === "yearDiffers")) throw e;
        setAskYear({ sheetName: sheet?.sheetName ?? "", sheetYear: sheet?.year ?? null, paneYear: year });
      }
    });
  /** overwriteTyped: the user saw the typed values this refresh replaces (the dialog listed them). */
  const refresh = (sheetName: string, applyDataChanges: boolean, overwriteTyped = false) =>
    run("refresh", async () => {
      const base = yearTouched && year !== null ? { applyDataChanges, year } : { applyDataChanges };
      const opts = { ...base, ...(overwriteTyped ? { overwriteTyped } : {}), ...protectOpt };
      finish(await service.refresh(sheetName, opts), "refreshed");
    });
  const checkThenRefresh = async () => {
    if (!sheet) return;
    const check = await run("check", () => service.planRefresh(sheet.sheetName));
    if (!check) return;
    if (check.dataChanges.length > 0 || check.overwritten.length > 0) setPending(check);
    else await refresh(sheet.sheetName, false);
  };
  /** The data-changes dialog closed: apply them, keep the old data, or (null) cancel the refresh. */
  const closeDialog = (apply: boolean | null) => {
    const p = pending;
    setPending(null);
    if (p && apply !== null) void refresh(p.sheetName, apply, p.overwritten.length > 0);
  };
  return {
    busy,
    error,
    dismissError: () => setError(null),
    pending,
    askYear,
    generate: () => void generate().then(reread),
    chooseYear: (c: SheetYearChoice | null) => {
      setAskYear(null);
      if (c) void generate(c).then(reread);
    },
    refresh: () => void checkThenRefresh(),
    closeDialog,
  };
}
