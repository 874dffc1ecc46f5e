// The host logic behind the task pane: ProgressService over any Workbook (Office.js or in memory).
// Each operation is one read and at most one write; every check (exists, ours, protected, data changes) happens
// between the two, so a refused operation writes nothing.
import { nameFor } from "../core/resolve/matching";
import type { CatalogStore } from "../core/catalog/store";
import { sheetNameFor } from "../core/sheet/layout";
import { describeTarget, planCitation, seedOf, subjectOf } from "../core/catalog/labels";
import { SHEET_STATUS_ORDER, type SheetStatus } from "../core/method/methodology";
import { defaultAssessmentYear, isYear } from "../core/method/years";
import { Runner } from "../core/functions/runner";
import { previewFreeze } from "../sheet/freeze";
import { reportFor, reportWritePlan } from "../sheet/report-plan";
import { planTrendChart } from "../sheet/trend-chart";
import { typedFormatWarnings } from "../sheet/typed-formats";
import { analyseSheet, DELETED_PREFIX, planNewSheet, planRefresh, type SheetPlan } from "../sheet/refresh";
import { overwrittenCells } from "../sheet/overwritten";
import {
  HostError,
  type ActiveProgressSheet,
  type GenerateOptions,
  type OverwrittenCell,
  type ProgressService,
  type ProgressSheetInfo,
  type RefreshOptions,
  type RefreshPlan,
  type RowSource,
  type SheetResult,
  type StatusCounts,
} from "./service";
import type { SheetContent, Workbook, WritePlan } from "../workbook/workbook";
import type { UndoLog } from "../workbook/undo";
import { sheetKey, uniqueSheetName } from "../core/sheet/sheet-names";

/** Rows read from the top of each sheet to recognise progress sheets (marker, header, 评估年份). */
const HEAD_ROWS = 40;

export interface ServiceOptions {
  /** The calendar year, for a refresh whose 评估年份 cell is blank (clamped into the plan period). */
  currentYear?: () => number;
  /** 撤销: where given, generate, refresh and 转为数值 are recorded there (one more read before and after each). */
  undo?: UndoLog;
}

/** What the operations below work with; the factory builds it once and each operation takes it. */
interface ProgressDeps {
  workbook: Workbook;
  /** Read at each call (`store.current()`): an import may have replaced the catalog since. */
  store: CatalogStore;
  runner: Runner;
  currentYear: () => number;
  undo?: UndoLog;
}

export function createProgressService(
  workbook: Workbook,
  store: CatalogStore,
  opts: ServiceOptions = {},
): ProgressService {
  const d: ProgressDeps = {
    workbook,
    store,
    runner: new Runner(store),
    currentYear: opts.currentYear ?? (() => new Date().getFullYear()),
    undo: opts.undo,
  };
  return {
    onSheetsChanged: (listener) => workbook.onSheetsChanged?.(listener) ?? (() => undefined),
    listProgressSheets: () => listProgressSheets(d),
    generate: (planId, year, o) => generate(d, planId, year, o),
    activeProgressSheet: () => activeProgressSheet(d),
    planRefresh: (sheetName) => refreshPreview(d, sheetName),
    refresh: (sheetName, o) => refresh(d, sheetName, o),
    insertFormula: (formula, o) => insertFormula(d, formula, o),
    sourceOfSelection: () => sourceOfSelection(d),
    previewFreeze: async (scope) => previewFreeze(await workbook.readFormulas(scope), d.runner.context()),
    freeze: (cells) =>
      d.undo
        ? d.undo.freeze((r) => `转为数值(${r.converted.length} 个单元格)`, cells)
        : workbook.freeze(cells),
    drawTrendChart: () => drawTrendChart(d),
    writeReportSheet: () => writeReportSheet(d),
  };
}

// ---- Shared steps

/** 保护公式列 (the pane's setting, on unless turned off): what a generate or refresh does with protection. */
const protectionOf = (o: { protect?: boolean }): "on" | "off" => (o.protect === false ? "off" : "on");

const protectedError = (sheet: string) =>
  new HostError({ reason: "sheetProtected", sheet, action: "写入", unchanged: true });

/** Refusing a refresh that would replace typed values: the cells, so the user can move them or confirm. */
const typedCellsError = (sheet: string, cells: OverwrittenCell[]) =>
  new HostError({ reason: "typedCells", sheet, cells });

const checkYear = (year: number) => {
  if (!isYear(year)) throw new HostError({ reason: "badYear", year });
};

/** A write of generate or refresh: recorded for 撤销 where the service has an undo log. */
const recordedWrite = (d: ProgressDeps, label: string, plan: WritePlan) =>
  d.undo ? d.undo.write(label, plan) : d.workbook.write(plan);

/** The 评估年份 for a sheet whose cell is blank: the current year, clamped into the plan's period. */
const defaultYearOf = (d: ProgressDeps, planId: string) => {
  const p = d.store.current().planById(planId);
  const y = d.currentYear();
  return p ? defaultAssessmentYear(p.period, y) : y;
};

const emptyCounts = () => Object.fromEntries(SHEET_STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;

function sheetResult(p: SheetPlan, typedFormats: string[] = []): SheetResult {
  const counts = emptyCounts();
  for (const s of p.statuses) counts[s]++;
  return { sheetName: p.sheetName, planId: p.planId, year: p.year, rows: p.liveRows, counts, typedFormats };
}

/** One read: the named sheet, which must be one of ours. */
async function readOurs(d: ProgressDeps, sheetName: string): Promise<SheetContent> {
  const snap = await d.workbook.read([sheetName]);
  const content = snap.sheets.get(sheetName);
  if (!content) throw new HostError({ reason: "sheetNotFound", sheet: sheetName, hint: "removed" });
  if (!analyseSheet(content.values))
    throw new HostError({ reason: "notProgressSheet", sheet: sheetName, action: "刷新" });
  return content;
}

async function refreshWith(d: ProgressDeps, content: SheetContent, o: RefreshOptions, verb = "刷新") {
  const protection = protectionOf(o);
  // With 保护公式列 on, a protected sheet is unprotected and protected again (a password refuses the write).
  if (content.protected && protection === "off") throw protectedError(content.name);
  const a = analyseSheet(content.values)!;
  const plan = planRefresh(d.store.current(), content, { ...o, defaultYear: defaultYearOf(d, a.planId) });
  const typed = overwrittenCells(content, plan);
  if (typed.length && !o.overwriteTyped) throw typedCellsError(content.name, typed);
  await recordedWrite(d, `${verb} ${content.name}`, { ...plan.write, protection });
  // A refresh keeps the formats of input cells: what was typed as a percent or a date is still so.
  return sheetResult(plan, typedFormatWarnings(d.store.current(), content));
}

// ---- Progress sheets: list, generate, refresh

async function listProgressSheets(d: ProgressDeps): Promise<ProgressSheetInfo[]> {
  const heads = await d.workbook.readHeads(HEAD_ROWS);
  return heads.flatMap((h) => {
    const a = analyseSheet(h.values);
    return a && a.planId ? [{ sheetName: h.name, planId: a.planId, year: a.year }] : [];
  });
}

/**
 * The plan's sheet, if the workbook has one: under its preferred name, else (another plan's sheet has that name,
 * letter case aside: 进度_ABC, 进度_abc) the one already made under another name; `name` is where a new one goes.
 */
async function findPlanSheet(d: ProgressDeps, planId: string, preferred: string) {
  let content = (await d.workbook.read([preferred])).sheets.get(preferred);
  let a = content && analyseSheet(content.values);
  if (content && !a) throw new HostError({ reason: "foreignSheetNamed", sheet: content.name });
  if (!a || a.planId === planId) return { name: preferred, content, a };
  const heads = await d.workbook.readHeads(HEAD_ROWS);
  const own = heads.find((h) => analyseSheet(h.values)?.planId === planId);
  const name = own?.name ?? uniqueSheetName(preferred, new Set(heads.map((h) => sheetKey(h.name))));
  content = own && (await d.workbook.read([own.name])).sheets.get(own.name);
  a = content && analyseSheet(content.values);
  return { name, content, a };
}

async function generate(d: ProgressDeps, planId: string, year: number, o?: GenerateOptions) {
  const plan = d.store.current().planById(planId);
  if (!plan) throw new HostError({ reason: "unknownPlan", planId });
  checkYear(year);
  const { name, content, a } = await findPlanSheet(d, planId, sheetNameFor(plan));
  if (!content || !a) {
    const p = planNewSheet(d.store.current(), planId, name, year);
    await recordedWrite(d, `生成 ${name}`, { ...p.write, protection: protectionOf(o ?? {}) });
    return sheetResult(p);
  }
  // The plan's sheet exists: refresh it, keeping everything typed into it (its 评估年份 included).
  const choice = o?.sheetYear ?? (a.year === year ? "keep" : undefined);
  if (!choice) throw new HostError({ reason: "yearDiffers", sheet: content.name, sheetYear: a.year, year });
  const options: RefreshOptions = {
    applyDataChanges: false,
    overwriteTyped: o?.overwriteTyped,
    protect: o?.protect,
    ...(choice === "replace" ? { year } : {}),
  };
  return refreshWith(d, content, options, "生成");
}

/** Read-only: what a refresh of the sheet would change (data changes not applied). */
async function refreshPreview(d: ProgressDeps, sheetName: string): Promise<RefreshPlan> {
  const content = await readOurs(d, sheetName);
  const a = analyseSheet(content.values)!;
  const p = planRefresh(d.store.current(), content, {
    applyDataChanges: false,
    defaultYear: defaultYearOf(d, a.planId),
  });
  return {
    sheetName: content.name,
    planId: p.planId,
    dataChanges: p.dataChanges,
    overwritten: overwrittenCells(content, p),
    preservedInputs: p.preservedInputs,
  };
}

async function refresh(d: ProgressDeps, sheetName: string, o: RefreshOptions) {
  if (o.year !== undefined) checkYear(o.year);
  return refreshWith(d, await readOurs(d, sheetName), o);
}

// ---- The selection: its sheet's counts, a formula, a row's source, a trend chart, the 上报 sheet

async function activeProgressSheet(d: ProgressDeps): Promise<ActiveProgressSheet | null> {
  const sel = await d.workbook.readSelection(HEAD_ROWS);
  const a = sel && analyseSheet(sel.head);
  if (!sel || !a || !a.planId) return null;
  const counts = emptyCounts();
  // The COUNTIF row: each status label followed by its count.
  const row = sel.head[a.titleRows.get("counts") ?? -1] ?? [];
  row.forEach((v, c) => {
    const n = row[c + 1];
    if ((SHEET_STATUS_ORDER as unknown[]).includes(v) && typeof n === "number") counts[v as SheetStatus] = n;
  });
  const rows = Object.values(counts).reduce((x, y) => x + y, 0);
  return { sheetName: sel.sheet, planId: a.planId, year: a.year, counts, rows };
}

async function insertFormula(d: ProgressDeps, formula: string, o?: { overwrite?: boolean }) {
  const sel = await d.workbook.readSelection(0);
  if (!sel) throw new HostError({ reason: "noSelection" });
  if (sel.protected) throw protectedError(sel.sheet);
  const f = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  const occupied = sel.formula !== null && sel.formula !== "";
  if (occupied && !o?.overwrite) throw new HostError({ reason: "cellNotEmpty" });
  d.undo?.forget();
  await d.workbook.write({
    sheet: sel.sheet,
    cells: [{ row: sel.row, col: sel.col, content: { formula: f } }],
  });
}

async function sourceOfSelection(d: ProgressDeps): Promise<RowSource | null> {
  const sel = await d.workbook.readSelection(HEAD_ROWS);
  if (!sel) return null;
  const a = analyseSheet(sel.head);
  if (!a || a.header < 0 || sel.row <= a.header) return null;
  const id = sel.rowValues[a.idCol];
  if (typeof id !== "string" || id.startsWith(DELETED_PREFIX)) return null;
  const t = d.store.current().targetById.get(id.trim());
  if (!t) return null;
  return {
    sheetName: sel.sheet,
    targetId: t.id,
    indicator: nameFor(t),
    subject: subjectOf(t),
    planTitle: t.plan.title,
    file: seedOf(t),
    quote: t.quote,
    value: t.threshold,
    unit: t.unit,
    stated: describeTarget(t),
    citation: planCitation(t.plan),
  };
}

async function drawTrendChart(d: ProgressDeps) {
  const sel = await d.workbook.readSelection(HEAD_ROWS);
  if (!sel) throw new HostError({ reason: "noRowSelected" });
  const p = planTrendChart(d.store.current(), sel);
  d.undo?.forget();
  // A progress sheet protected by 保护公式列 is unprotected for the chart and protected again.
  await d.workbook.write(sel.protected ? { ...p.write, protection: "on" } : p.write);
  return { sheetName: sel.sheet, indicator: p.indicator };
}

async function writeReportSheet(d: ProgressDeps) {
  const sel = await d.workbook.readSelection(HEAD_ROWS);
  if (!sel || !analyseSheet(sel.head)) throw new HostError({ reason: "notOnProgressSheetForReport" });
  const content = await readOurs(d, sel.sheet);
  const report = reportFor(d.store.current(), content);
  const snap = await d.workbook.read([report.sheetName]);
  if (snap.sheets.has(report.sheetName))
    throw new HostError({ reason: "reportExists", sheet: report.sheetName });
  d.undo?.forget();
  await d.workbook.write(reportWritePlan(report));
  return { sheetName: report.sheetName, rows: report.targetIds.length };
}
