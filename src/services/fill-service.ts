// 填充我的表格 over any Workbook (Office.js or in memory): read the selected labels, resolve them, write the
// columns. Three batches at most whatever the table's size: the range read, a fresh read of the sheet just
// before writing (the user may have typed meanwhile), and the write.
import type { CatalogStore } from "../core/catalog/store";
import { Runner } from "../core/functions/runner";
import type { Region } from "../core/catalog/schema";
import { planFill, resolveRow, resolveTable, type FillOptions, type FillRow } from "../sheet/fill-table";
import { HostError } from "../workbook/errors";
import { tableRangeOf, type TableRange, type Workbook } from "../workbook/workbook";
import type { UndoLog } from "../workbook/undo";

export interface FillService {
  /** The selected range (or `address`) with its rows resolved for the region and target year. */
  read(
    regionName: string,
    year: number | null,
    address?: string,
  ): Promise<{ table: TableRange; rows: FillRow[] }>;
  /** Resolve again with other region/year, or one row with a picked indicator (no workbook access). */
  resolve(table: TableRange, regionName: string, year: number | null): FillRow[];
  pick(row: FillRow, regionName: string, year: number | null, indicator: string): FillRow;
  /**
   * Write the columns. Over non-empty cells only with `overwrite` (HostError "cellNotEmpty" lists them,
   * and nothing is written). Returns the number of rows written.
   */
  fill(table: TableRange, rows: readonly FillRow[], opts: FillOptions, overwrite?: boolean): Promise<number>;
}

/** The service over `store`'s catalog as it is at each call (an import changes what rows resolve to). */
export function createFillService(workbook: Workbook, store: CatalogStore, undo?: UndoLog): FillService {
  const runner = new Runner(store);
  const ctx = () => runner.context();
  const region = (name: string): Region => {
    try {
      return ctx().resolver.region(name);
    } catch (e) {
      throw new HostError({ reason: "relayed", message: e instanceof Error ? e.message : String(e) });
    }
  };
  return {
    async read(regionName, year, address) {
      const r = region(regionName);
      const table = await workbook.readTableRange(address);
      if (!table) throw new HostError({ reason: "noTableSelected" });
      if (table.rows * table.cols > 20_000)
        throw new HostError({ reason: "tableTooLarge", rows: table.rows, cols: table.cols });
      return { table, rows: resolveTable(ctx(), table, r, year) };
    },
    resolve: (table, regionName, year) => resolveTable(ctx(), table, region(regionName), year),
    pick: (row, regionName, year, indicator) => resolveRow(ctx(), region(regionName), year, row, indicator),
    async fill(table, rows, opts, overwrite = false) {
      const snap = await workbook.read([table.sheet]);
      const content = snap.sheets.get(table.sheet);
      if (!content) throw new HostError({ reason: "sheetNotFound", sheet: table.sheet, hint: "notWritten" });
      if (content.protected)
        throw new HostError({ reason: "sheetProtected", sheet: table.sheet, action: "写入" });
      const fresh = tableRangeOf(
        { r1: table.top, c1: table.left, r2: table.top + table.rows - 1, c2: table.left + table.cols - 1 },
        content,
      );
      const plan = planFill(fresh, rows, opts, runner);
      if (plan.rows === 0) throw new HostError({ reason: "nothingToFill" });
      if (plan.conflicts.length > 0 && !overwrite)
        throw new HostError({ reason: "cellsNotEmpty", cells: plan.conflicts, total: plan.conflicts.length });
      const write = { sheet: table.sheet, cells: plan.cells };
      await (undo ? undo.write(`填表 ${table.sheet}`, write) : workbook.write(write));
      return plan.rows;
    },
  };
}
