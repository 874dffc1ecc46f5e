// The 上报 sheet of a progress sheet as the pane writes it: the progress sheet is read as it is now (its rows and
// columns found by target id and column title, as a refresh finds them), so the 上报 formulas point at the right
// cells even after the user moved things. One WritePlan: a new sheet, never an existing one overwritten.
import type { Catalog } from "../core/catalog/catalog";
import { buildProgressSheet, colLetter, COLUMNS } from "../core/sheet/layout";
import { buildReportSheet, REPORT, type ReportSheetLayout } from "../core/sheet/report-layout";
import { analyseSheet } from "./refresh";
import { HostError } from "../workbook/errors";
import { absoluteA1, type CellWrite, type SheetContent, type WritePlan } from "../workbook/workbook";

/** The 上报 layout of a progress sheet as found; throws HostError if it is not one of ours. */
export function reportFor(catalog: Catalog, content: SheetContent): ReportSheetLayout {
  const a = analyseSheet(content.values);
  if (!a || a.header < 0 || !catalog.planById(a.planId))
    throw new HostError({ reason: "notProgressSheet", sheet: content.name, action: "生成上报表" });
  const layout = buildProgressSheet(catalog, a.planId, {
    year: a.year ?? catalog.planById(a.planId)!.baseYear,
  });
  return buildReportSheet(catalog, layout, {
    sheetName: content.name,
    rowOf: (id) => (a.live.has(id) ? a.live.get(id)! + 1 : undefined),
    colOf: (key) => {
      const c = a.cols.get(key);
      if (c === undefined)
        throw new HostError({
          reason: "columnMissing",
          sheet: content.name,
          column: COLUMNS.find((x) => x.key === key)!.title,
        });
      return colLetter(c);
    },
  });
}

/** Write the 上报 layout as a new sheet. */
export function reportWritePlan(r: ReportSheetLayout): WritePlan {
  const cells: CellWrite[] = [];
  r.rows.forEach((row, ri) =>
    row.forEach((c, ci) => {
      if (c.value === undefined && c.formula === undefined && !c.style) return;
      cells.push({
        row: ri,
        col: ci,
        content: c.formula ? { formula: c.formula } : (c.value ?? null),
        numFmt: c.numFmt,
        style: c.style,
      });
    }),
  );
  return {
    sheet: r.sheetName,
    create: true,
    cells,
    merges: r.merges,
    columns: r.columns.map((c, col) => ({ col, width: c.width })),
    // The header stays in view (hosts that freeze only rows and columns together leave it).
    freeze: { rows: REPORT.headerRow, columns: 0 },
    print: { ...r.print, landscape: true, area: absoluteA1(r.print.area) },
    activate: true,
  };
}
