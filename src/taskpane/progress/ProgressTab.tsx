// Tab 进度表: choose a plan and a year, generate or refresh its progress sheet, see the counts per status.
import { Button, makeStyles, Spinner, Switch, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import {
  HostError,
  type ActiveProgressSheet,
  type RefreshPlan,
  type SheetResult,
  type SheetYearChoice,
} from "../../services/service";
import { useCatalog, usePane } from "../context";
import { DataChangesDialog } from "./DataChangesDialog";
import { ErrorBar } from "../ErrorBar";
import { messageOf } from "../errors";
import { PlanPicker, regionsWithPlans } from "./PlanPicker";
import { StatusSummary, type SummaryAction } from "./StatusSummary";
import { TrendChartPanel } from "./TrendChartPanel";
import { useActiveSheet } from "../useActiveSheet";
import { useProgressSheets } from "../useProgressSheets";
import { YearChoiceDialog, type YearChoice } from "./YearChoiceDialog";
import { defaultAssessmentYear, readYear } from "../../core/method/years";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Busy = null | "generate" | "check" | "refresh";
const sameCounts = (a: SheetResult, b: ActiveProgressSheet) =>
  a.year === b.year && JSON.stringify(a.counts) === JSON.stringify(b.counts);
const BUSY_LABEL: Record<Exclude<Busy, null>, string> = {
  generate: "正在生成进度表…",
  check: "正在检查规划数据…",
  refresh: "正在刷新进度表…",
};

export function ProgressTab({ active: shown = true }: { active?: boolean }) {
  const s = useStyles();
  const { service, onWorkbookChanged, sheets: sheetsFeed } = usePane();
  const catalog = useCatalog();
  const firstRegion = regionsWithPlans(catalog)[0];
  const [regionId, setRegionId] = useState(firstRegion?.id ?? "");
  const [planId, setPlanId] = useState(catalog.plansOfRegion(firstRegion?.id ?? "")[0]?.id ?? "");
  const plan = catalog.planById(planId);
  const [yearText, setYearText] = useState(
    plan ? String(defaultAssessmentYear(plan.period, new Date().getFullYear())) : "",
  );
  /** The user typed a year since the plan was chosen or the sheet was written (a refresh then sets it). */
  const [yearTouched, setYearTouched] = useState(false);
  const { sheets, setSheets, error: listError } = useProgressSheets();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ r: SheetResult; action: SummaryAction } | null>(null);
  const [pending, setPending] = useState<RefreshPlan | null>(null);
  const [askYear, setAskYear] = useState<YearChoice | null>(null);
  /** 设置 保护公式列 (on by default; the service protects unless told otherwise): for this pane session. */
  const [protect, setProtect] = useState(true);
  const protectOpt = protect ? {} : { protect: false };
  const { active, reread } = useActiveSheet(shown);
  /** The last 评估年份 read from each sheet: the pane takes a sheet's year when it changes there. */
  const seenYears = useRef(new Map<string, number | null>());

  const sheet = sheets.find((x) => x.planId === planId) ?? null;
  const year = readYear(yearText);

  // An existing sheet brings its own 评估年份 unless the user typed one.
  const sheetYear = sheet?.year ?? null;
  useEffect(() => {
    if (sheetYear !== null && !yearTouched) setYearText(String(sheetYear));
  }, [sheetYear, planId, yearTouched]);

  // On a progress sheet, the pane shows its plan, its year (when edited there) and its live status counts.
  useEffect(() => {
    if (!active) return;
    const p = catalog.planById(active.planId);
    if (!p) return;
    if (active.planId !== planId) {
      setRegionId(p.region);
      setPlanId(active.planId);
    }
    // The list's year of that sheet is what the sheet says now (the 生成 question and the year field use it).
    setSheets((list) =>
      list.map((x) => (x.sheetName === active.sheetName ? { ...x, year: active.year } : x)),
    );
    const seen = seenYears.current;
    if (!seen.has(active.sheetName) || seen.get(active.sheetName) !== active.year) {
      seen.set(active.sheetName, active.year);
      if (active.year !== null) {
        setYearText(String(active.year));
        setYearTouched(false);
      }
    }
    // The counts as the sheet computes them now; the 已生成/已刷新 message stays until they change.
    setResult((prev) =>
      prev && prev.r.sheetName === active.sheetName && sameCounts(prev.r, active)
        ? prev
        : { r: { ...active, year: active.year ?? 0, typedFormats: [] }, action: "current" },
    );
    // planId is read, not followed: switching plans in the pane must not bounce back to the sheet's.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberate, as said above
  }, [active, catalog]);

  const choosePlan = (id: string) => {
    setPlanId(id);
    const p = catalog.planById(id);
    const existing = sheets.find((x) => x.planId === id);
    if (p) setYearText(String(existing?.year ?? defaultAssessmentYear(p.period, new Date().getFullYear())));
    setYearTouched(false);
    setResult(null);
  };
  const chooseRegion = (id: string) => {
    setRegionId(id);
    choosePlan(catalog.plansOfRegion(id)[0]?.id ?? "");
  };

  const finish = (r: SheetResult, action: "generated" | "refreshed") => {
    setResult({ r, action });
    setYearText(String(r.year));
    setYearTouched(false);
    seenYears.current.set(r.sheetName, r.year);
    onWorkbookChanged?.();
    // Every list of progress sheets in the pane (this tab's, 批量's) reads the workbook again.
    sheetsFeed.tell();
  };

  /** Run one host call with the spinner on; failures become the error bar. */
  const run = async <T,>(kind: Exclude<Busy, null>, f: () => Promise<T>): Promise<T | undefined> => {
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
        const name = sheet?.sheetName ?? "";
        setAskYear({ sheetName: name, sheetYear: sheet?.year ?? null, paneYear: year });
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

  const closeDialog = (apply: boolean | null) => {
    const p = pending;
    setPending(null);
    if (p && apply !== null) void refresh(p.sheetName, apply, p.overwritten.length > 0);
  };

  return (
    <div className={s.root}>
      <PlanPicker
        catalog={catalog}
        regionId={regionId}
        planId={planId}
        yearText={yearText}
        disabled={busy !== null}
        onRegion={chooseRegion}
        onPlan={choosePlan}
        onYear={(t) => {
          setYearText(t);
          setYearTouched(true);
        }}
      />
      <Switch
        label="保护公式列(公式锁定、填写格可改;无密码,可在“审阅”中撤销)"
        checked={protect}
        disabled={busy !== null}
        onChange={(_, d) => setProtect(d.checked)}
      />
      <Text size={200}>
        {sheet
          ? `工作簿中已有“${sheet.sheetName}”;生成或刷新都会保留已填写的内容。`
          : "工作簿中尚无此规划的进度表。"}
      </Text>
      <div className={s.buttons}>
        <Button
          appearance="primary"
          disabled={busy !== null || year === null || !planId}
          onClick={() => void generate().then(reread)}
        >
          生成
        </Button>
        <Button
          disabled={busy !== null || !sheet || (yearTouched && year === null)}
          onClick={() => void checkThenRefresh()}
        >
          刷新
        </Button>
      </div>
      <div aria-live="polite">
        {busy && <Spinner size="tiny" labelPosition="after" label={BUSY_LABEL[busy]} />}
        {(error ?? listError) && (
          <ErrorBar message={(error ?? listError)!} onDismiss={() => setError(null)} />
        )}
        {result && !busy && <StatusSummary result={result.r} action={result.action} />}
      </div>
      {sheet && <TrendChartPanel />}
      <YearChoiceDialog
        choice={askYear}
        onChoose={(c) => {
          setAskYear(null);
          if (c) void generate(c).then(reread);
        }}
      />
      <DataChangesDialog
        plan={pending}
        onApply={() => closeDialog(true)}
        onKeep={() => closeDialog(false)}
        onCancel={() => closeDialog(null)}
      />
    </div>
  );
}
