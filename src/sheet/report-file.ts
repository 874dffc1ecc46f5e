// The .xlsx of `plan report`: each progress sheet planned as the pane plans a new one (planLayoutSheet), the
// statistician's inputs put into the plan's input cells, the 上报 sheet planned as the pane plans it
// (reportWritePlan), and every plan carried out by the XlsxWorkbook, the third back end of the one WritePlan.
// Only a file needs the rest: each formula also carries its result, computed by the methodology the formulas
// mirror, so viewers that do not calculate (Excel's Protected View, phone and chat-app previews) show the same
// numbers; and `--values` replaces the formulas by those results.
import type ExcelJS from "exceljs";
import { bundledCatalog, progressInputFor, type Catalog, type CatalogTarget } from "../core/catalog/catalog";
import { assess } from "../core/method/methodology";
import {
  actualUsed,
  COL,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  SHEET,
  sheetCheck,
  sheetOutlook,
  sheetStatus,
  type CellValue,
  type ProgressSheetLayout,
} from "../core/sheet/layout";
import { buildReportSheet } from "../core/sheet/report-layout";
import { sheetKey, uniqueSheetName } from "../core/sheet/sheet-names";
import { colIndex, type WritePlan } from "../workbook/workbook";
import { shown, XlsxWorkbook } from "../workbook/xlsx-workbook";
import { planLayoutSheet } from "./refresh";
import { reportWritePlan } from "./report-plan";

/**
 * What the statistician supplied for a row: the 评估年份's actual (written into that year's cell of the history
 * block, or into 实际值 itself when the block has no such year), other years' actuals, a 基期值 the plan lacks.
 */
export interface RowInputs {
  actual?: number | null;
  baseline?: number | null;
  yearly?: ReadonlyMap<number, number | null>;
}

/** Where a row's inputs go: its yearly cells, and an actual typed into 实际值 (undefined: it picks the year's). */
function placeInputs(layout: ProgressSheetLayout, v: RowInputs | undefined) {
  const yearly = new Map<number, CellValue>(layout.historyYears.map((y) => [y, v?.yearly?.get(y) ?? null]));
  let typed: CellValue | undefined;
  const actual = v?.actual ?? null;
  if (actual !== null) {
    if (yearly.has(layout.year) && yearly.get(layout.year) === null) yearly.set(layout.year, actual);
    else typed = actual;
  }
  return { typed, yearly };
}

/**
 * What a written row shows for its inputs: its 输入检查 and 状态 (as the formulas compute them: sheetCheck,
 * sheetStatus) and the 实际值 its formulas use. The CLI's summary counts these, so it says what the sheet says.
 */
export function rowOutcome(layout: ProgressSheetLayout, t: CatalogTarget, v: RowInputs | undefined) {
  const { typed, yearly } = placeInputs(layout, v);
  const baseline = v?.baseline ?? null;
  const used = actualUsed(typed, layout.year, yearly);
  return {
    typed,
    yearly,
    baseline,
    actual: typeof used === "number" ? used : null,
    check: sheetCheck(t, typed, baseline, layout.year, yearly, layout.thresholds),
    status: sheetStatus(t, typed, baseline, layout.year, yearly, layout.thresholds),
  };
}

/** The statistician's inputs, into their rows' cells of a new sheet's plan. */
function putInputs(plan: WritePlan, layout: ProgressSheetLayout, inputs: ReadonlyMap<string, RowInputs>) {
  const at = new Map(plan.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const put = (row: number, col: number, value: number) => {
    const cell = at.get(`${row}:${col}`);
    if (cell) cell.content = value;
    else plan.cells.push({ row, col, content: value });
  };
  layout.targetIds.forEach((id, i) => {
    const v = inputs.get(id);
    if (!v) return;
    const row = SHEET.firstDataRow - 1 + i;
    const { typed, yearly } = placeInputs(layout, v);
    if (typeof typed === "number") put(row, colIndex(COL.actual), typed);
    layout.historyYears.forEach((y, k) => {
      const x = yearly.get(y);
      if (typeof x === "number") put(row, HISTORY_FIRST_COL + k, x);
    });
    if (v.baseline !== undefined && v.baseline !== null) {
      if (at.get(`${row}:${colIndex(COL.baseline)}`)?.style !== "input")
        throw new Error(`${id}:规划已给出基期值,不能再填写`);
      put(row, colIndex(COL.baseline), v.baseline);
    }
  });
}

/** Store each formula's result (what Excel will compute) next to the formula. */
function cacheResults(
  ws: ExcelJS.Worksheet,
  layout: ProgressSheetLayout,
  inputs: ReadonlyMap<string, RowInputs>,
  catalog: Catalog,
) {
  const withResult = (ref: string, result: number | string | null) => {
    const cell = ws.getCell(ref);
    const v = cell.value;
    if (v && typeof v === "object" && "formula" in v)
      cell.value = { formula: v.formula, result: result ?? "" } as ExcelJS.CellFormulaValue;
  };
  const counts = new Map<string, number>();
  layout.targetIds.forEach((id, i) => {
    const t = catalog.targetById.get(id);
    if (!t) return;
    const { typed, yearly, baseline, actual, check, status } = rowOutcome(layout, t, inputs.get(id));
    // Refused inputs: every derived cell blank, as the formulas leave them.
    const p = check
      ? null
      : assess(progressInputFor(t, actual, layout.year, needsBaselineInput(t) ? baseline : null));
    counts.set(status, (counts.get(status) ?? 0) + 1);
    const r = SHEET.firstDataRow + i;
    if (typed === undefined) withResult(`${COL.actual}${r}`, actual);
    withResult(`${COL.check}${r}`, check);
    withResult(`${COL.elapsed}${r}`, p?.elapsed ?? null);
    withResult(`${COL.completion}${r}`, p?.completion ?? null);
    withResult(`${COL.expected}${r}`, p?.expected ?? null);
    withResult(`${COL.variance}${r}`, p?.variance ?? null);
    withResult(`${COL.requiredRate}${r}`, p?.requiredRate ?? null);
    withResult(`${COL.status}${r}`, status);
    const o = sheetOutlook(t, typed, baseline, layout.year, yearly);
    withResult(`${COL.forecast}${r}`, o.forecast);
    withResult(`${COL.outlook}${r}`, o.outlook);
  });
  // The status counts above the table: =COUNTIF(P7:P26,"已完成") …
  ws.getRow(SHEET.headerRow - 1).eachCell((cell) => {
    const m = /COUNTIF\([^,]+,"([^"]+)"\)/.exec(cell.formula ?? "");
    if (m) withResult(cell.address, counts.get(m[1]) ?? 0);
  });
}

export interface ReportFileOptions {
  /** Each progress sheet followed by its 上报 sheet. */
  reportSheets?: boolean;
  /** 保护公式列, as the pane's setting (default off here: callers other than plan report write plain sheets). */
  protect?: boolean;
}

/**
 * One worksheet per layout, in order. inputs: 实际值 / 基期值 by target id (a baseline only where the layout's
 * 基期值 cell is an input cell).
 */
export function layoutToWorkbook(
  layouts: ProgressSheetLayout[],
  inputs: ReadonlyMap<string, RowInputs> = new Map(),
  catalog: Catalog = bundledCatalog(),
  opts: ReportFileOptions = {},
): ExcelJS.Workbook {
  const taken = new Set(layouts.map((l) => sheetKey(l.sheetName)));
  if (taken.size < layouts.length)
    throw new Error("layoutToWorkbook: sheet names must be unique (uniqueSheetName)");
  const xlsx = new XlsxWorkbook();
  for (const layout of layouts) {
    const plan: WritePlan = {
      ...planLayoutSheet(catalog, layout).write,
      ...(opts.protect ? { protection: "on" as const } : {}),
    };
    putInputs(plan, layout, inputs);
    xlsx.apply(plan);
    const progress = xlsx.sheet(layout.sheetName);
    cacheResults(progress, layout, inputs, catalog);
    if (!opts.reportSheets) continue;
    const report = buildReportSheet(catalog, layout);
    const name = uniqueSheetName(report.sheetName, taken);
    xlsx.apply(reportWritePlan({ ...report, sheetName: name }));
    // Each 上报 formula shows a progress cell: its result is that cell's.
    const ws = xlsx.sheet(name);
    for (const [at, ref] of report.refs) {
      const [ri, ci] = at.split(":").map(Number);
      const cell = ws.getCell(ri + 1, ci + 1);
      if (cell.formula)
        cell.value = {
          formula: cell.formula,
          result: shown(progress.getCell(ref)) ?? "",
        } as ExcelJS.CellFormulaValue;
    }
  }
  return xlsx.toFile();
}

/**
 * Replace every formula of the workbook by its stored result: a file that shows the same numbers anywhere,
 * without the add-in and without recalculation. Returns the number of cells converted.
 */
export function freezeWorkbook(wb: ExcelJS.Workbook): number {
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (!v || typeof v !== "object" || !("formula" in v || "sharedFormula" in v)) return;
        const r = (v as ExcelJS.CellFormulaValue).result;
        cell.value = r === undefined || r === "" ? null : (r as ExcelJS.CellValue);
        n++;
      }),
    ),
  );
  wb.calcProperties = { fullCalcOnLoad: false };
  return n;
}
