// 填充我的表格 over any Workbook (Office.js or in memory): read the selected labels, resolve them, write the
// columns. Three batches at most whatever the table's size: the range read, a fresh read of the sheet just
// before writing (the user may have typed meanwhile), and the write.
import type { CatalogStore } from "../core/catalog/store";
import { Runner } from "../core/functions/runner";
import type { Region } from "../core/catalog/schema";
import { planFill, resolveRow, resolveTable, type FillOptions, type FillRow } from "../sheet/fill-table";
import { HostError } from "./service";
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

const MAX_LISTED = 10;

/** The service over `store`'s catalog as it is at each call (an import changes what rows resolve to). */
export function createFillService(workbook: Workbook, store: CatalogStore, undo?: UndoLog): FillService {
  const runner = new Runner(store);
  const ctx = () => runner.context();
  const region = (name: string): Region => {
    try {
      return ctx().resolver.region(name);
    } catch (e) {
      throw new HostError(e instanceof Error ? e.message : String(e));
    }
  };
  return {
    async read(regionName, year, address) {
      const r = region(regionName);
      const table = await workbook.readTableRange(address);
      if (!table) throw new HostError("请先在表格中选中行标题(指标名称)所在的单元格区域。");
      if (table.rows * table.cols > 20_000)
        throw new HostError(`所选区域过大(${table.rows} 行 × ${table.cols} 列),请只选中行标题所在的列。`);
      return { table, rows: resolveTable(ctx(), table, r, year) };
    },
    resolve: (table, regionName, year) => resolveTable(ctx(), table, region(regionName), year),
    pick: (row, regionName, year, indicator) => resolveRow(ctx(), region(regionName), year, row, indicator),
    async fill(table, rows, opts, overwrite = false) {
      const snap = await workbook.read([table.sheet]);
      const content = snap.sheets.get(table.sheet);
      if (!content) throw new HostError(`找不到工作表“${table.sheet}”,未写入。`);
      if (content.protected)
        throw new HostError(`工作表“${table.sheet}”受保护,无法写入。请先撤销工作表保护。`);
      const fresh = tableRangeOf(
        { r1: table.top, c1: table.left, r2: table.top + table.rows - 1, c2: table.left + table.cols - 1 },
        content,
      );
      const plan = planFill(fresh, rows, opts, runner);
      if (plan.rows === 0) throw new HostError("没有可写入的行:请先为出错的行选择建议或跳过。");
      if (plan.conflicts.length > 0 && !overwrite) {
        const shown = plan.conflicts.slice(0, MAX_LISTED).join("、");
        const more = plan.conflicts.length > MAX_LISTED ? ` 等 ${plan.conflicts.length} 个` : "";
        throw new HostError(`以下单元格不为空:${shown}${more}。为免覆盖已有内容,未写入。`, "cellNotEmpty");
      }
      const write = { sheet: table.sheet, cells: plan.cells };
      await (undo ? undo.write(`填表 ${table.sheet}`, write) : workbook.write(write));
      return plan.rows;
    },
  };
}
