// The ExcelJS writer of progress sheets: turns the plain layouts of src/core/sheet/layout.ts into an .xlsx
// workbook (values, formulas, formats, styles, merges, conditional formats, frozen panes, print setup).
// The file computes by itself: standard formulas only, recalculated on open (fullCalcOnLoad). Each formula
// also carries its result, computed by the methodology the formulas mirror, so that viewers that do not
// calculate (Excel's Protected View, phone and chat-app previews) show the same numbers.
import ExcelJS from "exceljs";
import { bundledCatalog, progressInputFor, type Catalog, type CatalogTarget } from "../core/catalog/catalog";
import { assess } from "../core/method/methodology";
import {
  actualUsed,
  COL,
  colLetter,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  SHEET,
  sheetCheck,
  sheetOutlook,
  sheetStatus,
  type CellValue,
  type InputValidation,
  type LayoutCell,
  type ProgressSheetLayout,
  type StyleName,
} from "../core/sheet/layout";
import { BODY_SIZE, displayWidth, LINE_HEIGHT, linesFor, noteRowHeight } from "./text-fit";
import { buildReportSheet } from "../core/sheet/report-layout";
import { writeReportSheet } from "./xlsx-report";
import { argb, exceljsArea, FONT, solid, STYLES } from "./xlsx-styles";
import { formulaText } from "../core/sheet/formula-text";
import { sheetKey, uniqueSheetName } from "../core/sheet/sheet-names";

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
    check: sheetCheck(t, typed, baseline, layout.year, yearly),
    status: sheetStatus(t, typed, baseline, layout.year, yearly),
  };
}

/** Styles used as they are in the title block (rows above the header). */
const META_STYLES = new Set<StyleName>(["title", "meta", "metaInput", "hidden"]);

/** Width (in column units) of each merged range, by its top-left cell "row:col" (1-based row, 0-based col). */
function mergeWidths(layout: ProgressSheetLayout): Map<string, number> {
  const letters = layout.columns.map((_, i) => colLetter(i));
  const out = new Map<string, number>();
  for (const m of layout.merges) {
    const [, c1, r1, c2] = /^([A-Z]+)(\d+):([A-Z]+)\d+$/.exec(m) ?? [];
    if (!c1) continue;
    const [from, to] = [letters.indexOf(c1), letters.indexOf(c2)];
    out.set(
      `${r1}:${from}`,
      layout.columns.slice(from, to + 1).reduce((w, c) => w + c.width, 0),
    );
  }
  return out;
}

/**
 * Explicit row heights, estimated for 宋体 (Excel and WPS do not autofit wrapped rows on open; LibreOffice
 * would, differently): data rows fit their wrapped texts, title-block rows their merged notes.
 */
function rowHeight(
  layout: ProgressSheetLayout,
  merged: Map<string, number>,
  rowNumber: number,
): number | undefined {
  if (rowNumber === SHEET.titleRow || rowNumber === SHEET.headerRow) return 30;
  let lines = 1;
  layout.rows[rowNumber - 1].forEach((c, i) => {
    if (typeof c.value !== "string" || !(c.style === "text" || c.style === "quote")) return;
    const width =
      merged.get(`${rowNumber}:${i}`) ?? (rowNumber < SHEET.headerRow ? 0 : layout.columns[i].width);
    if (!width) return; // title block: unmerged text runs over empty neighbours
    const size = c.style === "quote" ? 9 : BODY_SIZE;
    lines = Math.max(lines, linesFor(c.value, width, size) * (size / BODY_SIZE));
  });
  if (rowNumber < SHEET.headerRow) return noteRowHeight(lines);
  return Math.ceil(lines) * LINE_HEIGHT + 4;
}

const hasContent = (c: LayoutCell | undefined) =>
  !!c && (c.formula !== undefined || (c.value !== undefined && c.value !== null));

/**
 * A cell's style. Above the header (title block) there is no grid; merged notes wrap; a label followed by its
 * number (状态统计) is right-aligned against it; a label too wide for its column with a filled neighbour
 * shrinks to fit.
 */
function styleFor(
  layout: ProgressSheetLayout,
  merged: Map<string, number>,
  rowNumber: number,
  ci: number,
): Partial<ExcelJS.Style> {
  const cells = layout.rows[rowNumber - 1];
  const c = cells[ci];
  const s = STYLES[c.style!];
  if (rowNumber >= SHEET.headerRow) return { ...s };
  const next = cells[ci + 1];
  const isCount = (x: LayoutCell | undefined) => !!x && (x.style === "number" || x.formula !== undefined);
  if (c.style === "meta") {
    const text = String(c.value ?? "");
    if (isCount(next)) return { ...s, alignment: { vertical: "middle", horizontal: "right" } };
    if (hasContent(next) && displayWidth(text) > layout.columns[ci].width)
      return { ...s, alignment: { vertical: "middle", shrinkToFit: true } };
    return { ...s };
  }
  if (META_STYLES.has(c.style!)) return { ...s };
  if (isCount(c))
    return { ...s, border: {}, alignment: { vertical: "middle", horizontal: "left", indent: 1 } };
  return { ...s, border: {}, alignment: { vertical: "middle", wrapText: merged.has(`${rowNumber}:${ci}`) } };
}

/** An input cell's data validation: the number range, its input message and a stop alert; blanks allowed. */
function dataValidation(v: InputValidation): ExcelJS.DataValidation {
  return {
    type: v.type,
    operator: "between",
    allowBlank: true,
    formulae: [v.min, v.max],
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: true,
    errorStyle: "stop", // written verbatim into the file (OOXML: stop, warning, information)
    errorTitle: v.error.title,
    error: v.error.text,
  };
}

/** "P7:P30" → "$P7", the rule's anchor for relative references. */
function anchorOf(range: string): string {
  const m = /^([A-Z]+)(\d+)/.exec(range);
  if (!m) throw new Error(`无效的区域:${range}`);
  return `$${m[1]}${m[2]}`;
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

function writeSheet(
  ws: ExcelJS.Worksheet,
  layout: ProgressSheetLayout,
  inputs: ReadonlyMap<string, RowInputs>,
  catalog: Catalog,
) {
  // A column font also makes ExcelJS write width 9, which it would otherwise drop as its "default".
  ws.columns = layout.columns.map((c) => ({
    key: c.key,
    width: c.width,
    hidden: c.hidden ?? false,
    style: { font: { name: FONT, size: BODY_SIZE } },
  }));

  const merged = mergeWidths(layout);
  layout.rows.forEach((cells, ri) => {
    const rowNumber = ri + 1;
    const row = ws.getRow(rowNumber);
    cells.forEach((c, ci) => {
      if (c.value === undefined && c.formula === undefined && !c.style && !c.numFmt) return;
      const cell = row.getCell(ci + 1);
      if (c.formula) cell.value = { formula: c.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
      else if (c.value !== undefined && c.value !== null) cell.value = c.value;
      if (c.style) cell.style = styleFor(layout, merged, rowNumber, ci);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.validation) cell.dataValidation = dataValidation(c.validation);
    });
    const h = rowHeight(layout, merged, rowNumber);
    if (h) row.height = h;
  });

  // The statistician's inputs, into their rows.
  layout.targetIds.forEach((id, i) => {
    const v = inputs.get(id);
    if (!v) return;
    const r = SHEET.firstDataRow + i;
    const { typed, yearly } = placeInputs(layout, v);
    if (typeof typed === "number") ws.getCell(`${COL.actual}${r}`).value = typed;
    layout.historyYears.forEach((y, k) => {
      const x = yearly.get(y);
      if (typeof x === "number") ws.getCell(`${colLetter(HISTORY_FIRST_COL + k)}${r}`).value = x;
    });
    if (v.baseline !== undefined && v.baseline !== null) {
      const baselineIndex = layout.columns.findIndex((c) => c.key === "baseline");
      if (layout.rows[r - 1][baselineIndex].style !== "input")
        throw new Error(`${id}:规划已给出基期值,不能再填写`);
      ws.getCell(`${COL.baseline}${r}`).value = v.baseline;
    }
  });

  cacheResults(ws, layout, inputs, catalog);

  for (const m of layout.merges) ws.mergeCells(m);

  for (const cf of layout.conditionalFormats) {
    const { rule } = cf;
    if (rule.type === "textEquals") {
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "expression",
            priority: 0, // assigned in order by ExcelJS
            formulae: [`${anchorOf(cf.range)}=${formulaText(rule.text)}`],
            style: { fill: solid(rule.fill), font: { color: { argb: argb(rule.font) } } },
          },
        ],
      });
    } else {
      // Solid bars (Excel 2010 x14 extension, with the 2007 rule as fallback): length exactly proportional
      // to 0…1. ExcelJS's gradient (2007-only) variant writes an empty x14:id reference, so it is not used.
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: "dataBar",
            priority: 0,
            gradient: false,
            cfvo: [
              { type: "num", value: rule.min },
              { type: "num", value: rule.max },
            ],
            color: { argb: argb(rule.color) },
          } as unknown as ExcelJS.DataBarRuleType,
        ],
      });
    }
  }

  ws.views = [
    {
      state: "frozen",
      xSplit: layout.freeze.columns,
      ySplit: layout.freeze.rows,
      topLeftCell: `${colLetter(layout.freeze.columns)}${layout.freeze.rows + 1}`,
      activeCell: `${COL.actual}${SHEET.firstDataRow}`,
    },
  ];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: layout.print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: layout.print.fitToWidth,
    fitToHeight: 0,
    printArea: exceljsArea(layout.print.area),
    printTitlesRow: layout.print.titleRows,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  // The odd footer is every page's while differentOddEven is off (an evenFooter alone is ignored, or worse).
  ws.headerFooter = { oddFooter: `&C第 &P 页,共 &N 页` };
  ws.autoFilter = layout.autoFilter;
}

/**
 * One worksheet per layout, in order. inputs: 实际值 / 基期值 by target id (a baseline only where the
 * layout's 基期值 cell is an input cell). reportSheets: each progress sheet followed by its 上报 sheet.
 */
export function layoutToWorkbook(
  layouts: ProgressSheetLayout[],
  inputs: ReadonlyMap<string, RowInputs> = new Map(),
  catalog: Catalog = bundledCatalog(),
  opts: { reportSheets?: boolean } = {},
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PLAN.* for Excel";
  wb.created = new Date();
  wb.calcProperties = { fullCalcOnLoad: true };
  const taken = new Set(layouts.map((l) => sheetKey(l.sheetName)));
  if (taken.size < layouts.length)
    throw new Error("layoutToWorkbook: sheet names must be unique (uniqueSheetName)");
  for (const layout of layouts) {
    const ws = wb.addWorksheet(layout.sheetName, { properties: { defaultRowHeight: 15 } });
    writeSheet(ws, layout, inputs, catalog);
    if (!opts.reportSheets) continue;
    const report = buildReportSheet(catalog, layout);
    writeReportSheet(wb, { ...report, sheetName: uniqueSheetName(report.sheetName, taken) }, ws);
  }
  return wb;
}
