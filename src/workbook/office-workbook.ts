// The Office.js Workbook: the only file that calls Excel.run. Each method is one batch (readHeads: two) — queue
// every load, one context.sync; queue every change, one context.sync.
//
// Failure and what it leaves. All checks (sheet exists / is ours / is not protected / data changes confirmed) are
// made by the caller on the snapshot of the read batch, before anything is queued for writing, so a refused
// operation never reaches a write sync. A write is then one batch, which Excel runs in order but NOT as a
// transaction: if a command fails (e.g. the sheet became protected between the two syncs, or the host rejects a
// command), the commands before it stay applied (OfficeExtension.Error.traceMessages lists what ran). Mitigations:
//   - The API sets used are checked before queueing (requirement check), the commonest cause of a rejected command.
//   - Commands are queued riskiest first: sheet creation and row/column insertions, then contents, then formats,
//     then merges, conditional formats, freeze panes and print setup (cosmetic).
//   - A new sheet whose write failed is deleted again (extra syncs, on the failure path only): generate is
//     all-or-nothing. Only a sheet that carries the marker is deleted — the marker is the first thing written to
//     a new sheet — so a sheet of the same name the user created between the read and the write is never touched.
//   - A refresh never rewrites an input cell of an existing row (only appends to a 备注), so a partial refresh can
//     leave plan data or formatting half-updated, but cannot lose what the statistician typed; refreshing again
//     completes it. Rows already inserted by a failed refresh stay as blank user rows.
import {
  maySpill,
  type FormulaCell,
  type FreezeCell,
  type FreezeResult,
  type FreezeScope,
} from "../sheet/freeze";
import { HostError } from "./errors";
import type { NewSheetUndo } from "./messages";
import {
  isFormula,
  isLocked,
  parseRange,
  isOurProtection,
  PROTECTION,
  splitSheetAddress,
  tableRangeOf,
  type TableRange,
  type Rect,
  type RangeImage,
  type RestorePlan,
  contentOf,
  a1,
  rangeA1,
  rectA1,
  rectangles,
  STYLES,
  textConstant,
  type CellValue,
  type CellWrite,
  type Grid,
  type InputValidation,
  type SelectionSnapshot,
  type SheetContent,
  type SheetHead,
  type Snapshot,
  type StyleName,
  type StyleSpec,
  type Workbook,
  type WritePlan,
} from "./workbook";
import type { ChartSpec } from "../core/sheet/charts";
import { colLetter, SHEET } from "../core/sheet/layout";
import { BODY_SIZE, linesFor, noteRowHeight } from "./text-fit";
import { formulaText } from "../core/sheet/formula-text";

export interface OfficeWorkbookOptions {
  /** Whether the host supports the API sets used (ExcelApi 1.9); by default Office.context.requirements is asked. */
  supported?: () => boolean;
  /** Something cosmetic Excel did not apply (the write succeeded); by default logged to the console. */
  onWarning?: (message: string) => void;
  /** Whether the host supports comments (ExcelApi 1.10), where 转为数值 keeps each cell's provenance. */
  comments?: () => boolean;
  /** Whether the host tells a spill's range (ExcelApi 1.12), so that 转为数值 writes the whole spilled grid. */
  spills?: () => boolean;
  /** Cells per sync when reading a sheet's or the workbook's formulas (default CELLS_PER_READ). */
  cellsPerRead?: number;
}

/** The highest Excel API set used here (RangeAreas, page layout). */
export const REQUIRED_API = "1.9";
/** Said after a write when Excel calculates manually: the formulas written show nothing computed until F9. */
export const MANUAL_CALCULATION =
  "Excel 当前为手动计算:刚写入的公式要按 F9 才会算出结果。建议在“公式 › 计算选项”中改为“自动”;或每次写入后按 F9 重新计算。";
/** Does the plan write a formula (the manual-calculation warning is about formulas; the pack store has none)? */
const writesFormulas = (plan: WritePlan) =>
  plan.cells.some((c) => c.content !== null && typeof c.content === "object" && "formula" in c.content);

/**
 * Cells per sync when 转为数值 reads a sheet or the workbook (formulas and values): at a few hundred bytes per cell
 * (a long PLAN.* formula and its value), well under Excel on the web's limit of about 5 MB per request.
 */
export const CELLS_PER_READ = 10_000;
/** Areas per RangeAreas command: keeps each address list short. */
const AREAS_PER_COMMAND = 30;

const defaultSupported = () =>
  typeof Office === "undefined" ||
  !Office.context?.requirements ||
  Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_API);

interface UsedRange {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat?: unknown[][];
  rowIndex: number;
  columnIndex: number;
}

const cellValue = (v: unknown): CellValue => (v === "" || v === undefined ? null : (v as CellValue));

/** A used range placed back at A1 (Excel gives it from its top-left cell). */
function anchor(used: UsedRange | null, key: "values" | "formulas" | "numberFormat"): Grid {
  if (!used?.[key]) return [];
  const pad = Array.from({ length: used.columnIndex }, () => null as CellValue);
  const rows: Grid = Array.from({ length: used.rowIndex }, () => []);
  for (const r of used[key]) rows.push([...pad, ...r.map(cellValue)]);
  return rows;
}

const message = (e: unknown) => {
  const err = e as { code?: string; message?: string };
  return `${err?.message ?? String(e)}${err?.code ? `(${err.code})` : ""}`;
};

/** Excel's width unit (characters of the default font) → points. */
const widthPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** What a failed new-sheet write left, after the undo (the message for each is in messages.ts). */
type Undo = NewSheetUndo;

const apiSet = (version: string) => () =>
  typeof Office !== "undefined" &&
  !!Office.context?.requirements &&
  Office.context.requirements.isSetSupported("ExcelApi", version);
const defaultComments = apiSet("1.10");
const defaultSpills = apiSet("1.12");

/** A value as written back by 转为数值: text kept as text, an empty cell empty. */
const frozenValue = (v: unknown) =>
  v === null || v === undefined ? "" : typeof v === "string" ? textConstant(v) : (v as CellValue);

/** 'Sheet name'!A1 as Excel takes it. */
const sheetA1 = (sheet: string, row: number, col: number) => `'${sheet.replace(/'/g, "''")}'!${a1(row, col)}`;

/** The formula cells of a loaded range (formulas, values, rowIndex, columnIndex). */
function formulaCells(sheet: string, range: Excel.Range): FormulaCell[] {
  const out: FormulaCell[] = [];
  range.formulas.forEach((row, i) =>
    row.forEach((f, j) => {
      if (typeof f === "string" && f.startsWith("="))
        out.push({
          sheet,
          row: range.rowIndex + i,
          col: range.columnIndex + j,
          formula: f,
          value: cellValue(range.values[i][j]),
        });
    }),
  );
  return out;
}

interface UsedSize {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Used ranges cut into blocks of whole rows and grouped so that a group (one sync) holds at most `cells` cells;
 * a row wider than that is a block of its own.
 */
export function readGroups<W>(
  used: { ws: W; u: UsedSize }[],
  cells: number,
): { ws: W; row: number; col: number; rows: number; cols: number }[][] {
  const groups: { ws: W; row: number; col: number; rows: number; cols: number }[][] = [];
  let group: (typeof groups)[number] = [];
  let room = cells;
  for (const { ws, u } of used) {
    for (let done = 0; done < u.rowCount;) {
      if (room < u.columnCount && group.length) {
        groups.push(group);
        group = [];
        room = cells;
      }
      const rows = Math.min(u.rowCount - done, Math.max(1, Math.floor(room / u.columnCount)));
      group.push({ ws, row: u.rowIndex + done, col: u.columnIndex, rows, cols: u.columnCount });
      room -= rows * u.columnCount;
      done += rows;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

/** The cells of a list grouped by sheet, in first-seen order. */
function bySheet<C extends { sheet: string }>(cells: C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of cells) (out.get(c.sheet) ?? out.set(c.sheet, []).get(c.sheet)!).push(c);
  return out;
}

const cellKey = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

/** Queue the formulas of the cells' rectangles; after the sync, the returned function gives a cell's formula. */
function queueFormulaReads(sheets: Excel.WorksheetCollection, cells: FreezeCell[]) {
  const reads = [...bySheet(cells)].flatMap(([sheet, cs]) =>
    rectangles(cs).map((rect) => {
      const range = sheets.getItem(sheet).getRange(rectA1(rect));
      range.load("formulas");
      return { sheet, rect, range };
    }),
  );
  return (c: FreezeCell): unknown => {
    const read = reads.find(
      (x) =>
        x.sheet === c.sheet &&
        x.rect.r1 <= c.row &&
        c.row <= x.rect.r2 &&
        x.rect.c1 <= c.col &&
        c.col <= x.rect.c2,
    );
    return read?.range.formulas[c.row - read.rect.r1][c.col - read.rect.c1];
  };
}

/** Queue each cell's value as a few rectangles per sheet (null, in a rectangle, leaves a cell as it is). */
function queueValueWrites(sheets: Excel.WorksheetCollection, cells: FreezeCell[]) {
  for (const [sheet, cs] of bySheet(cells)) {
    const value = new Map(cs.map((c) => [cellKey(sheet, c.row, c.col), frozenValue(c.value)]));
    for (const rect of rectangles(cs))
      sheets.getItem(sheet).getRange(rectA1(rect)).values = Array.from(
        { length: rect.r2 - rect.r1 + 1 },
        (_, i) =>
          Array.from(
            { length: rect.c2 - rect.c1 + 1 },
            (_, j) => value.get(cellKey(sheet, rect.r1 + i, rect.c1 + j)) ?? null,
          ),
      ) as unknown[][];
  }
}

const rectOf = (r: {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}): Rect => ({
  r1: r.rowIndex,
  c1: r.columnIndex,
  r2: r.rowIndex + r.rowCount - 1,
  c2: r.columnIndex + r.columnCount - 1,
});

export class OfficeWorkbook implements Workbook {
  private readonly supported: () => boolean;
  private readonly warn: (message: string) => void;
  private readonly comments: () => boolean;
  private readonly spills: () => boolean;
  private readonly cellsPerRead: number;
  private readonly sheetListeners = new Set<() => void>();
  private sheetEvents: Promise<void> | null = null;

  constructor(opts: OfficeWorkbookOptions = {}) {
    this.supported = opts.supported ?? defaultSupported;
    this.warn = opts.onWarning ?? ((m) => console.warn(m));
    this.comments = opts.comments ?? defaultComments;
    this.spills = opts.spills ?? defaultSpills;
    this.cellsPerRead = opts.cellsPerRead ?? CELLS_PER_READ;
  }

  /**
   * The selection: one batch. The active sheet or the workbook: the used ranges' sizes first (names too, for the
   * workbook), then their cells in blocks of whole rows, CELLS_PER_READ cells per sync — one sync of every used
   * range could pass Excel on the web's payload limit (about 5 MB per request).
   */
  async readFormulas(scope: FreezeScope): Promise<FormulaCell[]> {
    try {
      return await Excel.run(async (ctx) => {
        const wb = ctx.workbook;
        if (scope === "selection") {
          const ws = wb.worksheets.getActiveWorksheet();
          ws.load("name");
          const range = wb.getSelectedRange();
          range.load("formulas,values,rowIndex,columnIndex");
          await ctx.sync();
          return formulaCells(ws.name, range);
        }
        let sheets: Excel.Worksheet[];
        if (scope === "workbook") {
          wb.worksheets.load("items/name");
          await ctx.sync();
          sheets = wb.worksheets.items;
        } else sheets = [wb.worksheets.getActiveWorksheet()];
        const used = sheets.map((ws) => {
          ws.load("name");
          const u = ws.getUsedRangeOrNullObject(true);
          u.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
          return { ws, u };
        });
        await ctx.sync();
        const out: FormulaCell[] = [];
        for (const group of readGroups(
          used.filter(({ u }) => !u.isNullObject),
          this.cellsPerRead,
        )) {
          const ranges = group.map((b) => {
            const range = b.ws.getRange(rangeA1(b.row, b.col, b.row + b.rows - 1, b.col + b.cols - 1));
            range.load("formulas,values,rowIndex,columnIndex");
            return { name: b.ws.name, range };
          });
          await ctx.sync();
          for (const { name, range } of ranges) out.push(...formulaCells(name, range));
        }
        return out;
      });
    } catch (e) {
      throw new HostError({
        reason: "readFormulasFailed",
        error: message(e),
        selection: scope === "selection",
      });
    }
  }

  /**
   * Two batches: read the cells' formulas again (a cell edited since it was listed is left alone), as a few
   * rectangles per sheet, with the range each one that may spill spills to; then write the values — a spill's whole
   * grid in one assignment that replaces its formula, the other cells as a few rectangles per sheet;
   * the comments (ExcelApi 1.10) in a third, so a host that rejects one (a cell with a comment already) cannot
   * undo the conversion — the pane lists every cell with its provenance either way. Without ExcelApi 1.12 a
   * formula that may spill is left alone and reported (spillsRefused).
   */
  async freeze(cells: FreezeCell[]): Promise<FreezeResult> {
    if (!this.supported()) throw new HostError({ reason: "apiUnsupported", api: REQUIRED_API });
    const spills = this.spills();
    const spillsRefused = spills ? [] : cells.filter((c) => maySpill(c.formula));
    const todo = spills ? cells : cells.filter((c) => !maySpill(c.formula));
    const converted: FreezeCell[] = [];
    const changed: FormulaCell[] = [];
    const spillRanges: FreezeResult["spillRanges"] = [];
    const reprotect: string[] = [];
    try {
      await Excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const current = queueFormulaReads(sheets, todo);
        const protections = [...new Set(todo.map((c) => c.sheet))].map((name) => {
          const p = sheets.getItem(name).protection;
          p.load("protected,options");
          return { name, p };
        });
        // Only a formula that may spill is asked for its spill (one range each); the others are one value.
        const spillOf = new Map<FreezeCell, Excel.Range>();
        for (const c of spills ? todo.filter((x) => maySpill(x.formula)) : []) {
          const spill = sheets.getItem(c.sheet).getRange(a1(c.row, c.col)).getSpillingToRangeOrNullObject();
          spill.load("isNullObject,address,values,rowIndex,columnIndex,rowCount,columnCount");
          spillOf.set(c, spill);
        }
        await ctx.sync();
        todo.forEach((c) => (current(c) === c.formula ? converted : changed).push(c));
        // 保护公式列: unprotected for the conversion and its notes, protected again after them (a password fails here).
        const theirs = protections.find(({ p }) => p.protected && !isOurProtection(p.options));
        if (theirs && converted.length)
          throw new HostError({ reason: "sheetProtected", sheet: theirs.name, action: "转为数值" });
        for (const { name, p } of protections)
          if (p.protected && converted.length) {
            p.unprotect();
            reprotect.push(name);
          }
        const single: FreezeCell[] = [];
        for (const c of converted) {
          const spill = spillOf.get(c);
          if (!spill || spill.isNullObject) single.push(c);
          else {
            sheets.getItem(c.sheet).getRange(splitSheetAddress(spill.address).range).values =
              spill.values.map((row) => row.map(frozenValue));
            spillRanges.push({ sheet: c.sheet, rect: rectOf(spill) });
          }
        }
        queueValueWrites(sheets, single);
        if (converted.length) await ctx.sync();
      });
    } catch (e) {
      if (e instanceof HostError) throw e; // a refusal before any change
      const code = (e as { code?: string })?.code;
      if (reprotect.length) await this.protectAgain(reprotect).catch(() => undefined); // best effort
      throw new HostError(
        code === "AccessDenied"
          ? { reason: "sheetProtected", action: "转为数值" }
          : { reason: "freezeFailed", error: message(e) },
      );
    }
    let notes = false;
    if (converted.length && this.comments()) {
      try {
        await Excel.run(async (ctx) => {
          for (const c of converted) ctx.workbook.comments.add(sheetA1(c.sheet, c.row, c.col), c.note);
          await ctx.sync();
        });
        notes = true;
      } catch {
        notes = false; // reported by the pane: the provenance is in its list
      }
    }
    if (reprotect.length) await this.protectAgain(reprotect);
    return { converted, changed, notes, spillsRefused, spillRanges };
  }

  /** 保护公式列 put back on the sheets a conversion unprotected. */
  private async protectAgain(names: string[]): Promise<void> {
    try {
      await Excel.run(async (ctx) => {
        for (const name of names) ctx.workbook.worksheets.getItem(name).protection.protect(PROTECTION);
        await ctx.sync();
      });
    } catch (e) {
      throw new HostError({ reason: "reprotectFailed", sheets: names, error: message(e) });
    }
  }

  async read(names: string[]): Promise<Snapshot> {
    try {
      return await this.readBatch(names, null);
    } catch (first) {
      // One batch relies on chained calls on a missing sheet (a null object) being null objects too. Should a host
      // reject that, fall back to two batches: the names first, then only the sheets that exist.
      try {
        const existing = await Excel.run(async (ctx) => {
          const sheets = ctx.workbook.worksheets;
          sheets.load("items/name");
          await ctx.sync();
          return sheets.items.map((s) => s.name);
        });
        return await this.readBatch(names, existing);
      } catch {
        throw new HostError({ reason: "readFailed", error: message(first) });
      }
    }
  }

  /** One batch; `existing`, when known, limits the reads to sheets that exist. */
  private readBatch(names: string[], existing: string[] | null): Promise<Snapshot> {
    const exists = (n: string) =>
      existing === null || existing.some((e) => e.toLowerCase() === n.toLowerCase());
    return Excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const reqs = names.filter(exists).map((name) => {
        const ws = sheets.getItemOrNullObject(name);
        ws.load("isNullObject,name");
        ws.protection.load("protected");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("isNullObject,values,formulas,numberFormat,rowIndex,columnIndex");
        return { name, ws, used };
      });
      await ctx.sync();
      const out = new Map<string, SheetContent>();
      for (const { name, ws, used } of reqs) {
        if (ws.isNullObject) continue;
        const u = used.isNullObject ? null : used;
        out.set(name, {
          name: ws.name,
          protected: ws.protection.protected,
          values: anchor(u, "values"),
          formulas: anchor(u, "formulas"),
          numberFormats: anchor(u, "numberFormat"),
        });
      }
      return { sheetNames: sheets.items.map((s) => s.name), sheets: out };
    });
  }

  /**
   * Excel's worksheet events (onAdded, onDeleted, onActivated), registered once on the first subscription. Where
   * the host lacks them the pane still lists sheets after its own writes; the failure needs no message.
   */
  onSheetsChanged(listener: () => void): () => void {
    this.sheetListeners.add(listener);
    this.sheetEvents ??= Excel.run(async (ctx) => {
      const tell = async () => this.sheetListeners.forEach((l) => l());
      const sheets = ctx.workbook.worksheets;
      sheets.onAdded.add(tell);
      sheets.onDeleted.add(tell);
      sheets.onActivated.add(tell);
      await ctx.sync();
    }).catch(() => undefined);
    return () => void this.sheetListeners.delete(listener);
  }

  async readHeads(rows: number): Promise<SheetHead[]> {
    try {
      return await Excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        await ctx.sync();
        const reqs = sheets.items.map((ws) => {
          const used = ws.getRange(`1:${rows}`).getUsedRangeOrNullObject(true);
          used.load("isNullObject,values,rowIndex,columnIndex");
          return { name: ws.name, used };
        });
        await ctx.sync();
        return reqs.map(({ name, used }) => ({
          name,
          values: used.isNullObject ? [] : anchor({ ...used, formulas: [] } as UsedRange, "values"),
        }));
      });
    } catch (e) {
      throw new HostError({ reason: "listSheetsFailed", error: message(e) });
    }
  }

  async readSelection(headRows: number): Promise<SelectionSnapshot | null> {
    try {
      return await Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        ws.protection.load("protected");
        const cell = ctx.workbook.getSelectedRange().getCell(0, 0);
        cell.load("rowIndex,columnIndex,values,formulas");
        const head = headRows > 0 ? ws.getRange(`1:${headRows}`).getUsedRangeOrNullObject(true) : null;
        head?.load("isNullObject,values,rowIndex,columnIndex");
        const row = cell.getEntireRow().getUsedRangeOrNullObject(true);
        row.load("isNullObject,values,columnIndex");
        await ctx.sync();
        const rowValues = row.isNullObject
          ? []
          : [...Array.from({ length: row.columnIndex }, () => null), ...row.values[0].map(cellValue)];
        return {
          sheet: ws.name,
          protected: ws.protection.protected,
          row: cell.rowIndex,
          col: cell.columnIndex,
          value: cellValue(cell.values[0][0]),
          formula: cellValue(cell.formulas[0][0]),
          head: head && !head.isNullObject ? anchor({ ...head, formulas: [] } as UsedRange, "values") : [],
          rowValues,
        };
      });
    } catch {
      // No cell selection (a chart or shape is selected), or no workbook: nothing to act on.
      return null;
    }
  }

  /** One batch (one sync): the range's address, its sheet's name, protection and used range. */
  async readTableRange(address?: string): Promise<TableRange | null> {
    const where = address ? splitSheetAddress(address) : null;
    try {
      return await Excel.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const ws = where?.sheet ? sheets.getItem(where.sheet) : sheets.getActiveWorksheet();
        ws.load("name");
        ws.protection.load("protected");
        const range = where ? ws.getRange(where.range) : ctx.workbook.getSelectedRange();
        range.load("address");
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("isNullObject,values,formulas,rowIndex,columnIndex");
        await ctx.sync();
        const u = used.isNullObject ? null : used;
        const content: SheetContent = {
          name: ws.name,
          protected: ws.protection.protected,
          values: anchor(u, "values"),
          formulas: anchor(u, "formulas"),
        };
        return tableRangeOf(parseRange(range.address), content);
      });
    } catch (e) {
      // No cell selection (a chart or shape is selected): nothing to act on. A typed address must be a range.
      if (!address) return null;
      throw new HostError({ reason: "readRangeFailed", address, error: message(e) });
    }
  }

  async write(plan: WritePlan): Promise<void> {
    if (!this.supported()) throw new HostError({ reason: "apiUnsupported", api: REQUIRED_API });
    try {
      await Excel.run(async (ctx) => {
        const replaced = await findReplacedCharts(ctx, plan);
        // 保护公式列: a sheet protected without a password is unprotected first in the write batch (a password
        // fails here, before any change, even the deletion of a chart being replaced).
        if (plan.protection && !plan.create)
          ctx.workbook.worksheets.getItem(plan.sheet).protection.unprotect();
        for (const c of replaced) c.delete();
        // Excel recalculates and repaints once, when the batch has run, not after each command; calculation
        // resumes at the sync (in automatic mode Excel then computes every formula written).
        const app = ctx.workbook.application;
        app.suspendApiCalculationUntilNextSync();
        app.suspendScreenUpdatingUntilNextSync();
        app.load("calculationMode");
        const pageLayout = queueWrite(ctx, plan);
        await ctx.sync();
        if (pageLayout && plan.print) this.checkZoom(plan.sheet, pageLayout.zoom, plan.print.fitToWidth);
        if (app.calculationMode === "Manual" && writesFormulas(plan)) this.warn(MANUAL_CALCULATION);
      });
    } catch (e) {
      const denied = (e as { code?: string })?.code === "AccessDenied";
      if (plan.create) {
        const undo =
          (e as { code?: string })?.code === "ItemAlreadyExists" ? "untouched" : await this.undoCreate(plan);
        throw new HostError({
          reason: "newSheetFailed",
          sheet: plan.sheet,
          error: denied ? null : message(e),
          undo,
        });
      }
      if (denied) throw new HostError({ reason: "sheetProtected", sheet: plan.sheet, action: "写入" });
      throw new HostError({ reason: "writeFailed", sheet: plan.sheet, error: message(e) });
    }
  }

  async snapshot(ranges: { sheet: string; rect: Rect }[]): Promise<RangeImage[]> {
    if (ranges.length === 0) return [];
    try {
      return await Excel.run(async (ctx) => {
        const loaded = ranges.map(({ sheet, rect }) => {
          const range = ctx.workbook.worksheets.getItem(sheet).getRange(rectA1(rect));
          range.load("formulas,numberFormat");
          return { sheet, rect, range };
        });
        await ctx.sync();
        return loaded.map(({ sheet, rect, range }) => ({
          sheet,
          rect,
          formulas: range.formulas.map((row) => row.map(cellValue)),
          numberFormats: range.numberFormat.map((row) => row.map(cellValue)),
        }));
      });
    } catch (e) {
      throw new HostError({ reason: "readCellsFailed", error: message(e) });
    }
  }

  /**
   * One batch, riskiest first: the sheets deleted, the inserted rows and columns deleted, then each image's
   * contents and number formats written back. Not a transaction (see the top of the file): a failure says so.
   */
  async restore(plan: RestorePlan): Promise<void> {
    try {
      await Excel.run(async (ctx) => {
        const app = ctx.workbook.application;
        app.suspendApiCalculationUntilNextSync();
        app.suspendScreenUpdatingUntilNextSync();
        const sheets = ctx.workbook.worksheets;
        // 保护公式列: unprotected first (a password fails here, before any change), protected again last.
        for (const name of plan.reprotect ?? []) sheets.getItem(name).protection.unprotect();
        for (const name of plan.deleteSheets) sheets.getItem(name).delete();
        for (const { sheet, op } of plan.remove) {
          if (op.kind === "insertRows")
            sheets
              .getItem(sheet)
              .getRange(`${op.at + 1}:${op.at + op.count}`)
              .delete("Up");
          else
            sheets
              .getItem(sheet)
              .getRange(`${colLetter(op.at)}:${colLetter(op.at + op.count - 1)}`)
              .delete("Left");
        }
        for (const img of plan.images) {
          const range = sheets.getItem(img.sheet).getRange(rectA1(img.rect));
          range.formulas = img.formulas.map((row) =>
            row.map((v) => excelContent({ row: 0, col: 0, content: contentOf(v) })),
          );
          range.numberFormat = img.numberFormats.map((row) => row.map((f) => f ?? "General"));
        }
        for (const name of plan.reprotect ?? []) sheets.getItem(name).protection.protect(PROTECTION);
        await ctx.sync();
      });
    } catch (e) {
      const denied = (e as { code?: string })?.code === "AccessDenied";
      throw new HostError(denied ? { reason: "undoDenied" } : { reason: "undoFailed", error: message(e) });
    }
  }

  /** One batch: Excel's full recalculation (ExcelApi 1.1), which re-runs custom functions as well. */
  async recalculate(): Promise<void> {
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.application.calculate("Full" as Excel.CalculationType.full);
        await ctx.sync();
      });
    } catch (e) {
      throw new HostError({ reason: "recalcFailed", error: message(e) });
    }
  }

  /**
   * Delete the sheet a failed generate created (failure path only) — if it carries the marker at the place the
   * write put it; a sheet of that name without it is someone else's.
   */
  private async undoCreate(plan: WritePlan): Promise<Undo> {
    const marker = markerOf(plan);
    try {
      return await Excel.run(async (ctx): Promise<Undo> => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(plan.sheet);
        ws.load("isNullObject");
        await ctx.sync();
        if (ws.isNullObject) return "removed"; // the add itself failed: nothing to undo
        if (!marker) return "notOurs";
        const cell = ws.getRange(a1Of(marker.row, marker.col));
        cell.load("values");
        await ctx.sync();
        if (cell.values[0][0] !== SHEET.marker) return "notOurs";
        ws.delete();
        await ctx.sync();
        return "removed";
      });
    } catch {
      return "failed";
    }
  }

  /** office-js#1860: Excel may drop a fit-to-pages zoom (e.g. when the Page Layout tab is not shown). */
  private checkZoom(sheet: string, zoom: Excel.PageLayoutZoomOptions | undefined, fitToWidth: number) {
    if (zoom?.horizontalFitToPages === fitToWidth) return;
    this.warn(
      `工作表“${sheet}”的打印缩放“调整为 ${fitToWidth} 页宽”未被 Excel 应用;打印前请在“页面布局 → 调整为合适大小”中把宽度设为 ${fitToWidth} 页、高度设为“自动”。`,
    );
  }
}

const VISIBILITY: Record<NonNullable<WritePlan["visibility"]>, Excel.SheetVisibility> = {
  visible: "Visible" as Excel.SheetVisibility.visible,
  hidden: "Hidden" as Excel.SheetVisibility.hidden,
  veryHidden: "VeryHidden" as Excel.SheetVisibility.veryHidden,
};

/** Where the plan writes the marker (on a new sheet), as 0-based row and column. */
function markerOf(plan: WritePlan): { row: number; col: number } | undefined {
  return plan.cells.find((c) => c.content === SHEET.marker);
}

const a1Of = (row: number, col: number) => rangeA1(row, col, row, col);

/**
 * Queue every change of a write plan on one request context (no sync here). Returns the page layout when print
 * setup was queued, with its zoom loaded: read back after the sync.
 */
function queueWrite(ctx: Excel.RequestContext, plan: WritePlan): Excel.PageLayout | undefined {
  const sheets = ctx.workbook.worksheets;
  const ws = plan.create ? sheets.add(plan.sheet) : sheets.getItem(plan.sheet);
  // The marker first: a failed write can then tell its own half-written sheet from anyone else's.
  const marker = plan.create ? markerOf(plan) : undefined;
  if (marker) ws.getRange(a1Of(marker.row, marker.col)).values = [[SHEET.marker]];

  for (const op of plan.structure ?? []) {
    if (op.kind === "insertRows") ws.getRange(`${op.at + 1}:${op.at + op.count}`).insert("Down");
    else ws.getRange(`${colLetter(op.at)}:${colLetter(op.at + op.count - 1)}`).insert("Right");
  }
  for (const m of plan.unmerge ?? []) ws.getRange(m).unmerge();

  // Contents and number formats: one rectangle each; null leaves a cell (the user's, or an input) unchanged.
  const content = plan.cells.filter((c) => c.content !== undefined);
  const fmts = plan.cells.filter((c) => c.numFmt !== undefined);
  if (content.length) {
    const { range, grid } = block(ws, content);
    for (const c of content) grid.cells[c.row - grid.r][c.col - grid.c] = excelContent(c);
    range.formulas = grid.cells;
  }
  if (fmts.length) {
    const { range, grid } = block(ws, fmts);
    for (const c of fmts) grid.cells[c.row - grid.r][c.col - grid.c] = c.numFmt!;
    range.numberFormat = grid.cells;
  }

  // Styles: per style, its cells as a few rectangles, several rectangles per command.
  const byStyle = new Map<StyleName, CellWrite[]>();
  for (const c of plan.cells)
    if (c.style) (byStyle.get(c.style) ?? byStyle.set(c.style, []).get(c.style)!).push(c);
  for (const [style, cells] of byStyle) {
    const addrs = rectangles(cells).map(rectA1);
    for (let i = 0; i < addrs.length; i += AREAS_PER_COMMAND) {
      const chunk = addrs.slice(i, i + AREAS_PER_COMMAND);
      const format = chunk.length === 1 ? ws.getRange(chunk[0]).format : ws.getRanges(chunk.join(",")).format;
      applyStyle(format, STYLES[style]);
      if (plan.protection === "on") format.protection.locked = isLocked(style);
    }
  }

  queueValidations(ws, plan.validations ?? []);

  for (const m of plan.merges ?? []) ws.getRange(m).merge(false);
  for (const h of noteHeights(plan)) ws.getRange(h.range).format.rowHeight = h.height;
  for (const c of plan.columns ?? []) {
    const col = ws.getRange(`${colLetter(c.col)}:${colLetter(c.col)}`);
    if (c.width !== undefined) col.format.columnWidth = widthPoints(c.width);
    if (c.hidden !== undefined) col.columnHidden = c.hidden;
  }
  for (const r of plan.clearConditionalFormats ?? []) ws.getRange(r).conditionalFormats.clearAll();
  for (const cf of plan.conditionalFormats ?? []) {
    const cfs = ws.getRange(cf.range).conditionalFormats;
    if (cf.rule.type === "textEquals") {
      const f = cfs.add("CellValue");
      f.cellValue.format.fill.color = `#${cf.rule.fill}`;
      f.cellValue.format.font.color = `#${cf.rule.font}`;
      f.cellValue.rule = { formula1: `=${formulaText(cf.rule.text)}`, operator: "EqualTo" };
    } else if (cf.rule.type === "textBegins") {
      const f = cfs.add("ContainsText");
      f.textComparison.format.fill.color = `#${cf.rule.fill}`;
      f.textComparison.format.font.color = `#${cf.rule.font}`;
      f.textComparison.rule = { operator: "BeginsWith", text: cf.rule.text };
    } else {
      const f = cfs.add("DataBar");
      f.dataBar.positiveFormat.fillColor = `#${cf.rule.color}`;
      f.dataBar.positiveFormat.gradientFill = false;
      f.dataBar.lowerBoundRule = { type: "Number", formula: String(cf.rule.min) };
      f.dataBar.upperBoundRule = { type: "Number", formula: String(cf.rule.max) };
    }
  }
  if (plan.freeze) {
    ws.freezePanes.unfreeze();
    if (plan.freeze.rows > 0 && plan.freeze.columns > 0)
      ws.freezePanes.freezeAt(ws.getRange(rangeA1(0, 0, plan.freeze.rows - 1, plan.freeze.columns - 1)));
  }
  if (plan.autoFilter) ws.autoFilter.apply(ws.getRange(plan.autoFilter));
  let pageLayout: Excel.PageLayout | undefined;
  if (plan.print) {
    const pl = ws.pageLayout;
    pl.orientation = plan.print.landscape ? "Landscape" : "Portrait";
    // As the ExcelJS path (fitToWidth n, fitToHeight 0): n pages wide, as many tall as needed.
    pl.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: 0 };
    pl.setPrintArea(plan.print.area);
    pl.setPrintTitleRows(plan.print.titleRows.replace(/(\d+)/g, "$$$1"));
    pl.load("zoom");
    pageLayout = pl;
    if (plan.print.paper) pl.paperSize = plan.print.paper;
    if (plan.print.footer) pl.headersFooters.defaultForAllPages.centerFooter = plan.print.footer;
  }
  for (const c of plan.charts ?? []) queueChart(ws, c);
  if (plan.activate) ws.activate();
  if (plan.visibility) ws.visibility = VISIBILITY[plan.visibility];
  // Last: every command above may change the sheet.
  if (plan.protection === "on") ws.protection.protect(PROTECTION);
  return pageLayout;
}

/**
 * Row heights for wrapped text in one-row merges (the title block's notes), where the plan gives the width of
 * every merged column (a new sheet): Excel does not autofit rows of merged cells. Same estimate as the ExcelJS
 * writer.
 */
function noteHeights(plan: WritePlan): { range: string; height: number }[] {
  const widths = new Map((plan.columns ?? []).map((c) => [c.col, c.width]));
  return (plan.merges ?? []).flatMap((m) => {
    const r = parseRange(m);
    const cell = plan.cells.find((c) => c.row === r.r1 && c.col === r.c1);
    const text = cell?.content;
    const style = cell?.style && STYLES[cell.style];
    if (r.r1 !== r.r2 || !style?.wrap || typeof text !== "string") return [];
    let width = 0;
    for (let c = r.c1; c <= r.c2; c++) width += widths.get(c) ?? Number.NaN;
    if (!(width > 0)) return [];
    const height = noteRowHeight(linesFor(text, width, style.size) * (style.size / BODY_SIZE));
    return height ? [{ range: m, height }] : [];
  });
}

/**
 * A native chart (ExcelApi 1.7 series axes, 1.8 axis number format): one series per column of the source, named by
 * its header cell, the categories from the indicator column, the value axis in % (completion and elapsed are
 * fractions).
 */
function queueChart(ws: Excel.Worksheet, c: ChartSpec) {
  const bar = c.kind === "bar";
  // A line chart's series are rows (实际值, 预期值), each named by its first cell; the years are the categories.
  const chart = ws.charts.add(bar ? "BarClustered" : "Line", ws.getRange(c.source), bar ? "Columns" : "Rows");
  chart.name = c.name;
  chart.title.text = c.title;
  chart.legend.position = "Bottom";
  if (bar) chart.axes.valueAxis.numberFormat = "0%";
  const { r1, c1, r2, c2 } = parseRange(c.source);
  const series = bar ? c2 - c1 : r2 - r1;
  for (let i = 0; i <= series; i++) chart.series.getItemAt(i).setXAxisValues(ws.getRange(c.categories));
  chart.setPosition(c.from, c.to);
}

/**
 * A chart that replaces its namesake (the trend chart, redrawn for another indicator): the old one is found in a
 * first sync (returned here) and deleted in the write batch, before the new one is added.
 */
async function findReplacedCharts(ctx: Excel.RequestContext, plan: WritePlan): Promise<Excel.Chart[]> {
  const names = (plan.charts ?? []).filter((c) => c.replaces).map((c) => c.name);
  if (plan.create || names.length === 0) return [];
  const charts = ctx.workbook.worksheets.getItem(plan.sheet).charts;
  const found = names.map((n) => charts.getItemOrNullObject(n));
  found.forEach((c) => c.load("isNullObject"));
  await ctx.sync();
  return found.filter((c) => !c.isNullObject);
}

/**
 * Data validation (ExcelApi 1.8): cells with equal rules as a few rectangles, each cleared and then given the rule,
 * its input message and a stop alert. Blanks are allowed (a row without an actual yet).
 */
function queueValidations(ws: Excel.Worksheet, validations: NonNullable<WritePlan["validations"]>) {
  const byRule = new Map<string, { rule: InputValidation; cells: { row: number; col: number }[] }>();
  for (const v of validations) {
    const key = JSON.stringify(v.rule);
    const g = byRule.get(key) ?? byRule.set(key, { rule: v.rule, cells: [] }).get(key)!;
    const { r1, c1, r2, c2 } = parseRange(v.range);
    for (let row = r1; row <= r2; row++) for (let col = c1; col <= c2; col++) g.cells.push({ row, col });
  }
  for (const { rule, cells } of byRule.values())
    for (const rect of rectangles(cells)) {
      const dv = ws.getRange(rectA1(rect)).dataValidation;
      dv.clear();
      const bounds = { formula1: rule.min, formula2: rule.max, operator: "Between" as const };
      dv.rule = rule.type === "whole" ? { wholeNumber: bounds } : { decimal: bounds };
      dv.ignoreBlanks = true;
      dv.prompt = { showPrompt: true, title: rule.prompt.title, message: rule.prompt.text };
      dv.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: rule.error.title,
        message: rule.error.text,
      };
    }
}

/** The smallest range holding the cells, and a grid of nulls ("leave unchanged") of its size. */
function block(ws: Excel.Worksheet, cells: CellWrite[]) {
  const r = Math.min(...cells.map((c) => c.row));
  const c = Math.min(...cells.map((x) => x.col));
  const r2 = Math.max(...cells.map((x) => x.row));
  const c2 = Math.max(...cells.map((x) => x.col));
  const grid = {
    r,
    c,
    cells: Array.from({ length: r2 - r + 1 }, () =>
      Array.from({ length: c2 - c + 1 }, () => null as unknown),
    ),
  };
  return { range: ws.getRange(rangeA1(r, c, r2, c2)), grid };
}

/** A cell's content as Range.formulas takes it: a formula, a constant, or "" to clear. */
function excelContent(c: CellWrite): unknown {
  const v = c.content!;
  if (isFormula(v)) return v.formula;
  if (v === null) return "";
  return typeof v === "string" ? textConstant(v) : v;
}

function applyStyle(f: Excel.RangeFormat, s: StyleSpec) {
  if (s.fill) f.fill.color = `#${s.fill}`;
  else f.fill.clear();
  f.font.color = `#${s.font}`;
  f.font.bold = s.bold;
  f.font.italic = s.italic;
  f.font.size = s.size;
  f.wrapText = s.wrap;
  f.horizontalAlignment = s.align;
}
