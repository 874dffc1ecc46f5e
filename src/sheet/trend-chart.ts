// 为所选指标绘制趋势图: the line chart of the indicator on the selected row of a progress sheet, as a write plan
// (its chart data block of formulas and the chart). Pure: the selection as read in, the plan out.
import type { Catalog } from "../core/catalog/catalog";
import { trendChart } from "../core/sheet/charts";
import { colLetter, yearKey, type ColumnKey } from "../core/sheet/layout";
import { nameFor } from "../core/resolve/matching";
import { analyseSheet, DELETED_PREFIX } from "./refresh";
import { HostError } from "../workbook/errors";
import type { CellValue, CellWrite, SelectionSnapshot, WritePlan } from "../workbook/workbook";

/** The title the block's first cell starts with: a block this add-in wrote, which a redraw may overwrite. */
const BLOCK_TITLE = "趋势图数据:";
/** Block rows (0-based) and the widest block a redraw clears: 1 + the years of any plan (base → target). */
const BLOCK_ROWS = [1, 2, 3, 4];
const BLOCK_WIDTH = 1 + 16;

export interface TrendPlan {
  write: WritePlan;
  indicator: string;
}

/** Plan the trend chart of the selected row. Throws HostError (nothing written) off a target row. */
export function planTrendChart(catalog: Catalog, sel: SelectionSnapshot): TrendPlan {
  const a = analyseSheet(sel.head);
  if (!a || a.header < 0 || !catalog.planById(a.planId))
    throw new HostError({ reason: "notOnProgressSheetForChart" });
  const id = sel.rowValues[a.idCol];
  const t =
    typeof id === "string" && !id.startsWith(DELETED_PREFIX) ? catalog.targetById.get(id.trim()) : null;
  if (sel.row <= a.header || !t) throw new HostError({ reason: "notOnTargetRow" });
  const col = (k: ColumnKey) => {
    const c = a.cols.get(k);
    if (c === undefined) throw new HostError({ reason: "chartColumnsMissing" });
    return colLetter(c);
  };
  const blockCol = Math.max(...a.cols.values()) + 2;
  checkBlockFree(sel.head, blockCol);
  const chart = trendChart(t, {
    row: sel.row + 1,
    col,
    yearCol: (y) => {
      const c = a.cols.get(yearKey(y));
      return c === undefined ? undefined : colLetter(c);
    },
    blockCol,
  });
  const cells: CellWrite[] = [];
  for (const r of BLOCK_ROWS)
    for (let k = 0; k < BLOCK_WIDTH; k++) {
      const cell = chart.cells[r - chart.topLeft.row]?.[k];
      cells.push({
        row: r,
        col: blockCol + k,
        content: cell?.formula ? { formula: cell.formula } : (cell?.value ?? null),
        style: cell?.style ?? "text",
        numFmt: "General",
      });
    }
  return { write: { sheet: sel.sheet, cells, charts: [chart.spec] }, indicator: nameFor(t) };
}

/** The block's cells must be empty or an earlier block of ours: a user's cells there are never overwritten. */
function checkBlockFree(head: CellValue[][], blockCol: number) {
  const first = head[BLOCK_ROWS[0]]?.[blockCol];
  if (typeof first === "string" && first.startsWith(BLOCK_TITLE)) return;
  for (const r of BLOCK_ROWS)
    for (let k = 0; k < BLOCK_WIDTH; k++) {
      const v = head[r]?.[blockCol + k];
      if (v !== null && v !== undefined && v !== "")
        throw new HostError({
          reason: "chartBlockOccupied",
          firstRow: BLOCK_ROWS[0] + 1,
          lastRow: BLOCK_ROWS[BLOCK_ROWS.length - 1] + 1,
          column: colLetter(blockCol),
        });
    }
}
