// 填充我的表格: the statistician's own report table, filled beside its row labels. Each label is resolved by
// the resolver PLAN.TARGET uses; the chosen columns (目标值, 基期值, 预期值, 完成进度, 状态) are written as
// PLAN.* formulas referencing the label cells, or as values. Pure: the service (fill-service.ts) reads the
// workbook, this plans the cells, and nothing already in a cell is overwritten without the user's say.
import type { CatalogTarget } from "../core/catalog/catalog";
import { PlanError } from "../core/errors";
import type { Context, FunctionId } from "../core/functions/functions";
import { colLetter } from "../core/sheet/layout";
import type { Runner } from "../core/functions/runner";
import type { Region } from "../core/catalog/schema";
import { a1, type CellValue, type CellWrite, type TableRange } from "../workbook/workbook";
import { formulaText } from "../core/sheet/formula-text";

export type FillColumn = "target" | "baseline" | "expected" | "completion" | "status";

export const FILL_COLUMNS: {
  key: FillColumn;
  title: string;
  fn: FunctionId;
  needsActual: boolean;
  needsAsOf: boolean;
  numFmt?: string;
}[] = [
  { key: "target", title: "目标值", fn: "TARGET", needsActual: false, needsAsOf: false },
  { key: "baseline", title: "基期值", fn: "BASELINE", needsActual: false, needsAsOf: false },
  { key: "expected", title: "预期值", fn: "EXPECTED", needsActual: false, needsAsOf: true },
  {
    key: "completion",
    title: "完成进度",
    fn: "PROGRESS",
    needsActual: true,
    needsAsOf: true,
    numFmt: "0.0%",
  },
  { key: "status", title: "状态", fn: "STATUS", needsActual: true, needsAsOf: true },
];

/** One row of the table: where its label is and what it resolved to. */
export type FillRow = { row: number; col: number; label: string } & (
  | {
      kind: "found";
      target: CatalogTarget;
      /** An indicator name the user picked for this row. */ picked?: string;
    }
  | { kind: "error"; message: string; suggestions: string[] }
  | { kind: "skipped" }
);

const isLabel = (v: CellValue): v is string =>
  typeof v === "string" && v.trim() !== "" && !/^\s*\d+\s*$/.test(v);

/**
 * The label of each row of the range: its first text cell (a merged label spanning columns has its text in
 * the first; a 序号 column of bare numbers is passed over). Rows without text — blanks, the lower cells of
 * a merged label — have no label and are left alone.
 */
export function labelsOf(table: TableRange): { row: number; col: number; label: string }[] {
  const out: { row: number; col: number; label: string }[] = [];
  for (let r = table.top; r < table.top + table.rows; r++) {
    const cells = table.content.values[r] ?? [];
    for (let c = table.left; c < table.left + table.cols; c++) {
      const v = cells[c] ?? null;
      if (isLabel(v)) {
        out.push({ row: r, col: c, label: v.trim() });
        break;
      }
    }
  }
  return out;
}

/** Resolve one label (or the indicator the user picked) as PLAN.TARGET does. */
export function resolveRow(
  ctx: Context,
  region: Region,
  year: number | null,
  at: { row: number; col: number; label: string },
  picked?: string,
): FillRow {
  try {
    const target = ctx.resolver.target(region.name, picked ?? at.label, year);
    return picked ? { ...at, kind: "found", target, picked } : { ...at, kind: "found", target };
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    return { ...at, kind: "error", message: e.message, suggestions: e.suggestions };
  }
}

export function resolveTable(
  ctx: Context,
  table: TableRange,
  region: Region,
  year: number | null,
): FillRow[] {
  return labelsOf(table).map((at) => resolveRow(ctx, region, year, at));
}

export interface FillOptions {
  columns: FillColumn[];
  /** "formulas": PLAN.* referencing the label cells (recalculate in Excel); "values": numbers and text now. */
  mode: "formulas" | "values";
  /** 0-based column of the first written column. */
  firstCol: number;
  /** 0-based column of the table's own 实际值, for 完成进度 and 状态. */
  actualCol: number | null;
  asOfYear: number | null;
}

/** The first column right of everything in the table's rows (and its header row): nothing there to overwrite. */
export function defaultFirstCol(table: TableRange): number {
  let last = table.left + table.cols - 1;
  for (let r = Math.max(0, table.top - 1); r < table.top + table.rows; r++) {
    const row = table.content.values[r] ?? [];
    const formulas = table.content.formulas[r] ?? [];
    for (let c = row.length - 1; c > last; c--)
      if (row[c] != null || formulas[c] != null) {
        last = c;
        break;
      }
  }
  return last + 1;
}

/** Why the options cannot be written as they are (Chinese), or null. */
export function optionsProblem(opts: FillOptions): string | null {
  const cols = FILL_COLUMNS.filter((c) => opts.columns.includes(c.key));
  if (cols.length === 0) return "请至少选择一列";
  if (cols.some((c) => c.needsAsOf) && opts.asOfYear === null) return "预期值、完成进度、状态需要评估年份";
  if (cols.some((c) => c.needsActual) && opts.actualCol === null) return "完成进度、状态需要实际值所在的列";
  return null;
}

/** The formula of one column for one found row. */
function formulaOf(fn: FunctionId, row: Extract<FillRow, { kind: "found" }>, opts: FillOptions): string {
  const t = row.target;
  const label = row.picked ? formulaText(row.picked) : `$${colLetter(row.col)}${row.row + 1}`;
  const args = [formulaText(t.regionDef.name), label, String(t.targetYear)];
  if (fn === "EXPECTED") args.push(String(opts.asOfYear));
  if (fn === "PROGRESS" || fn === "STATUS")
    args.push(`$${colLetter(opts.actualCol!)}${row.row + 1}`, String(opts.asOfYear));
  return `=PLAN.${fn}(${args.join(",")})`;
}

/** The value of one column for one found row, computed now; null where the runner has none (no baseline…). */
function valueOf(
  fn: FunctionId,
  row: Extract<FillRow, { kind: "found" }>,
  opts: FillOptions,
  table: TableRange,
  runner: Runner,
) {
  const t = row.target;
  // The row's own label, as the formulas use it: a unit it claims (（万元）) converts the value alike.
  const args: unknown[] = [t.regionDef.name, row.picked ?? row.label, t.targetYear];
  if (fn === "EXPECTED") args.push(opts.asOfYear);
  if (fn === "PROGRESS" || fn === "STATUS")
    args.push(table.content.values[row.row]?.[opts.actualCol!] ?? null, opts.asOfYear);
  const o = runner.run(fn, args);
  return o.ok && !Array.isArray(o.value) ? o.value : null;
}

export interface FillPlan {
  cells: CellWrite[];
  /** Cells that hold something and would be overwritten (A1 addresses). */
  conflicts: string[];
  /** Rows written. */
  rows: number;
}

/**
 * The cells to write: a header over each column (in the row above the first label, where there is one) and,
 * for each found row, one formula or value per chosen column. Error and skipped rows are not written.
 */
export function planFill(
  table: TableRange,
  rows: readonly FillRow[],
  opts: FillOptions,
  runner: Runner,
): FillPlan {
  const cols = FILL_COLUMNS.filter((c) => opts.columns.includes(c.key));
  const cells: CellWrite[] = [];
  const found = rows.filter((r): r is Extract<FillRow, { kind: "found" }> => r.kind === "found");
  const headerRow = (found[0]?.row ?? table.top) - 1;
  if (found.length > 0 && headerRow >= 0)
    cols.forEach((c, i) => cells.push({ row: headerRow, col: opts.firstCol + i, content: c.title }));
  for (const r of found)
    cols.forEach((c, i) =>
      cells.push({
        row: r.row,
        col: opts.firstCol + i,
        content:
          opts.mode === "formulas"
            ? { formula: formulaOf(c.fn, r, opts) }
            : valueOf(c.fn, r, opts, table, runner),
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      }),
    );
  const occupied = (row: number, col: number) =>
    table.content.values[row]?.[col] != null || table.content.formulas[row]?.[col] != null;
  const conflicts = cells.filter((w) => occupied(w.row, w.col)).map((w) => a1(w.row, w.col));
  return { cells, conflicts, rows: found.length };
}
