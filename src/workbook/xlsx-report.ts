// The ExcelJS writer of the 上报 sheet (src/core/sheet/report-layout.ts): print-ready, A4 landscape, header row on every
// page, page numbers in the footer. Its formulas read the progress sheet; each carries the progress cell's result so
// viewers that do not calculate show the same numbers. Also the value-only copy (`plan report --values`).
import type ExcelJS from "exceljs";
import type { ReportSheetLayout } from "../core/sheet/report-layout";
import { REPORT } from "../core/sheet/report-layout";
import { BODY_SIZE, displayWidth, LINE_HEIGHT } from "./text-fit";
import { exceljsArea, STYLES } from "./xlsx-styles";

/** What a cell shows: the result of a formula, else its value. */
function shown(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v) return (v as ExcelJS.CellFormulaValue).result ?? null;
  return v;
}

/** Lines a text wraps to in a width (column units) at a font size. */
function lines(text: string, width: number, size: number): number {
  const usable = Math.max(width - 1, 1) * (BODY_SIZE / size) * 1.1;
  return Math.max(1, Math.ceil(displayWidth(text) / usable));
}

/** Row heights: data rows fit their wrapped texts, footnotes (merged across the page) theirs. */
function rowHeight(layout: ReportSheetLayout, ri: number, merged: boolean, shownText: string[]): number {
  if (ri === REPORT.titleRow - 1) return 30;
  if (ri === REPORT.headerRow - 1) return 22;
  const total = layout.columns.reduce((w, c) => w + c.width, 0);
  let n = 1;
  layout.rows[ri].forEach((c, ci) => {
    const text = shownText[ci];
    if (!text || !(c.style === "text" || c.style === "quote")) return;
    n = Math.max(n, lines(text, merged ? total : layout.columns[ci].width, BODY_SIZE));
  });
  return Math.ceil(n) * LINE_HEIGHT + 5;
}

/** Write the 上报 sheet after its progress sheet (whose cells already hold their results). */
export function writeReportSheet(
  wb: ExcelJS.Workbook,
  layout: ReportSheetLayout,
  progress: ExcelJS.Worksheet,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.sheetName, { properties: { defaultRowHeight: 15 } });
  ws.columns = layout.columns.map((c) => ({
    width: c.width,
    style: { font: { name: "宋体", size: BODY_SIZE } },
  }));
  const mergedRows = new Set(
    layout.merges.filter((m) => /^A(\d+):K\1$/.test(m)).map((m) => Number(/^A(\d+)/.exec(m)![1])),
  );
  layout.rows.forEach((cells, ri) => {
    const row = ws.getRow(ri + 1);
    const texts: string[] = [];
    cells.forEach((c, ci) => {
      if (c.value === undefined && c.formula === undefined && !c.style) return;
      const cell = row.getCell(ci + 1);
      const ref = layout.refs.get(`${ri}:${ci}`);
      if (c.formula) {
        const result = ref ? shown(progress.getCell(ref)) : null;
        cell.value = {
          formula: c.formula.replace(/^=/, ""),
          result: result ?? "",
        } as ExcelJS.CellFormulaValue;
        texts[ci] = result === null || result === undefined ? "" : String(result);
      } else if (c.value !== undefined && c.value !== null) {
        cell.value = c.value;
        texts[ci] = String(c.value);
      }
      if (c.style) {
        const s = STYLES[c.style];
        // Title and notes carry no grid; the table does.
        const inTable = ri >= REPORT.headerRow - 1 && ri < REPORT.headerRow + layoutDataRows(layout);
        cell.style = {
          ...s,
          // Never below 10 pt on paper (the progress sheet's quotes are 9 pt).
          font: { ...s.font, size: Math.max(s.font?.size ?? BODY_SIZE, BODY_SIZE) },
          border: inTable ? s.border : {},
          alignment: { ...s.alignment, wrapText: c.style !== "number" && c.style !== "derived" },
        };
      }
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
    row.height = rowHeight(layout, ri, mergedRows.has(ri + 1), texts);
  });
  for (const m of layout.merges) ws.mergeCells(m);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: layout.print.fitToWidth,
    fitToHeight: 0,
    printArea: exceljsArea(layout.print.area),
    printTitlesRow: layout.print.titleRows,
    horizontalCentered: true,
    firstPageNumber: 1, // numbered from 1 even when printed with the workbook's other sheets
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&C${layout.print.footer}` }; // every page's: differentOddEven is off
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: REPORT.headerRow }];
  return ws;
}

/** Data rows of the layout: from the header down to the first empty row. */
function layoutDataRows(layout: ReportSheetLayout): number {
  const first = REPORT.firstDataRow - 1;
  let n = 0;
  while (layout.rows[first + n]?.some((c) => c.value !== undefined || c.formula !== undefined)) n++;
  return n;
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
