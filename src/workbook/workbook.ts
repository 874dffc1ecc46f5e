// The one workbook interface the host logic talks to. Two implementations: Office.js (office-workbook.ts, the only
// file that calls Excel.run) and in memory (memory-workbook.ts, HyperFormula). The shape is chosen so that a
// generate or a refresh costs one read batch and one write batch (two context.sync calls) whatever the row count:
// `read` returns everything the logic needs in one snapshot, `write` takes a complete plan of changes.
// Rows and columns are 0-based here (row 0 = Excel row 1); A1 strings appear only in ranges for formats.
import {
  colLetter,
  PALETTE,
  type CellValue,
  type ConditionalFormat,
  type InputValidation,
  type StyleName,
} from "../core/sheet/layout";
import type { ChartSpec } from "../core/sheet/charts";

export type { CellValue, ConditionalFormat, InputValidation, StyleName };
export type Grid = CellValue[][];

/** A sheet's used range, anchored at A1. */
export interface SheetContent {
  name: string;
  protected: boolean;
  /** Displayed values; empty cells (and formulas showing "") are null; errors are their text ("#DIV/0!"). */
  values: Grid;
  /** As Excel's Range.formulas: "=…" for formula cells, otherwise the constant (null if empty). */
  formulas: Grid;
  /**
   * As Range.numberFormat ("General", "0.0%"…), where the host reads it: a number typed as "1.6%" into a General
   * cell is stored as 0.016 with a percent format, and only the format tells what was typed.
   */
  numberFormats?: Grid;
}

export interface Snapshot {
  /** Every sheet of the workbook, in tab order. */
  sheetNames: string[];
  /** The requested sheets that exist, keyed by the requested name. */
  sheets: Map<string, SheetContent>;
}

/** The first rows of a sheet: enough to recognise a progress sheet. */
export interface SheetHead {
  name: string;
  values: Grid;
}

export interface SelectionSnapshot {
  sheet: string;
  protected: boolean;
  /** Top-left cell of the selection. */
  row: number;
  col: number;
  value: CellValue;
  formula: CellValue;
  /** The first rows of the active sheet (values, from A1). */
  head: Grid;
  /** The selected row's values from column A. */
  rowValues: CellValue[];
}

export type Formula = { formula: string };
export type CellContent = CellValue | Formula;

export interface CellWrite {
  row: number;
  col: number;
  /** undefined: content left as it is; null: cleared. */
  content?: CellContent;
  /** undefined: left as it is. */
  numFmt?: string;
  /** undefined: left as it is; a style sets every property of the cell's look (fill, font, alignment). */
  style?: StyleName;
}

/** Structural edits; Excel (and HyperFormula) shift the cells below / to the right and adjust references. */
export type StructureOp =
  { kind: "insertRows"; at: number; count: number } | { kind: "insertColumns"; at: number; count: number };

export interface PrintSetup {
  landscape: boolean;
  fitToWidth: number;
  /** Rows repeated on every printed page, e.g. "6:6". */
  titleRows: string;
  area: string;
  /** Paper size (default: the host's). */
  paper?: "A4";
  /** Centre footer on every page, in Excel's codes (&P page, &N pages). */
  footer?: string;
}

/**
 * Everything one write changes, applied in this order: create, structure, unmerge, cell contents, number formats,
 * styles, data validation, merges, columns, conditional formats (clear, then add), freeze panes, AutoFilter, print
 * setup, activate, visibility.
 * Coordinates of everything after `structure` are in the sheet as it is after the structural edits.
 */
export interface WritePlan {
  sheet: string;
  /** Add the sheet; the write fails if a sheet of that name exists. */
  create?: boolean;
  structure?: StructureOp[];
  unmerge?: string[];
  cells: CellWrite[];
  /** Data validation set on cells (replacing theirs); a cell's content is not checked against it. */
  validations?: { range: string; rule: InputValidation }[];
  merges?: string[];
  columns?: { col: number; width?: number; hidden?: boolean }[];
  clearConditionalFormats?: string[];
  conditionalFormats?: ConditionalFormat[];
  freeze?: { rows: number; columns: number };
  /** An AutoFilter over this range (its first row the header); a new sheet only, as Excel keeps one per sheet. */
  autoFilter?: string;
  print?: PrintSetup;
  /** Native charts to add (a new sheet only); hosts without charts (HyperFormula) skip them. */
  charts?: ChartSpec[];
  activate?: boolean;
  /**
   * 保护公式列. "on": each styled cell written is locked unless its style is an input style (isLocked), and the
   * sheet ends protected without a password, filtering and formatting allowed (PROTECTION). "off": it ends
   * unprotected. Either way a sheet protected without a password is unprotected first; one with a password refuses
   * the write before anything is written. Omitted: protection and locks left as they are.
   */
  protection?: "on" | "off";
  /**
   * The sheet's visibility, set last. "veryHidden": no tab and not in Excel's 取消隐藏 list (only code shows it
   * again) — the plan-pack store. Omitted: left as it is (a new sheet is visible).
   */
  visibility?: SheetVisibility;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** A range of the user's own table (the row labels they selected), with its sheet's used range. */
export interface TableRange {
  sheet: string;
  protected: boolean;
  /** 0-based top-left cell and size of the range (clipped to the used range: A:A is not a million rows). */
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** The whole sheet's used range, anchored at A1, read in the same batch. */
  content: SheetContent;
}

/** A TableRange from a range's rectangle, clipped to the used range (an open A:A ends at the last used row). */
export function tableRangeOf(rect: Rect, content: SheetContent): TableRange {
  const usedRows = content.values.length;
  const usedCols = Math.max(0, ...content.values.map((r) => r.length));
  const r2 = Math.min(rect.r2, Math.max(rect.r1, usedRows - 1));
  const c2 = Math.min(rect.c2, Math.max(rect.c1, usedCols - 1));
  return {
    sheet: content.name,
    protected: content.protected,
    top: rect.r1,
    left: rect.c1,
    rows: r2 - rect.r1 + 1,
    cols: c2 - rect.c1 + 1,
    content,
  };
}

/** The sheet an address names (Sheet1!A5, 'My sheet'!A5), or null; and the address without it. */
export function splitSheetAddress(address: string): { sheet: string | null; range: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address.trim());
  if (!m) return { sheet: null, range: address.trim() };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range: m[3] };
}

export interface Workbook {
  /** One batch: all sheet names, and for each named sheet that exists its used range and protection. */
  read(sheets: string[]): Promise<Snapshot>;
  /** The first `rows` rows of every sheet (two batches: names, then contents). */
  readHeads(rows: number): Promise<SheetHead[]>;
  /** One batch: the active sheet's selection, its first `headRows` rows and the selected row; null if none. */
  readSelection(headRows: number): Promise<SelectionSnapshot | null>;
  /** One batch. Throws HostError (Chinese message) on failure; see the implementations for what a failure leaves. */
  write(plan: WritePlan): Promise<void>;
  /**
   * One batch: the selected range, or `address` (A5:A20, or Sheet!A5:A20) where given, with its sheet's used
   * range; null when nothing is selected. Throws HostError for an address that is not a range.
   */
  readTableRange(address?: string): Promise<TableRange | null>;
  /**
   * The formula cells of a scope, with their shown values: the selected range, the active sheet's used range, or
   * every sheet's.
   */
  readFormulas(scope: FreezeScope): Promise<FormulaCell[]>;
  /**
   * 转为数值: each cell whose formula is still the listed one gets its listed value and, where the host supports
   * them, its note as a comment. A cell whose formula changed since it was listed is left alone and reported.
   */
  freeze(cells: FreezeCell[]): Promise<FreezeResult>;
  /**
   * A full recalculation, every formula marked dirty: after the plans behind PLAN.* changed (an import), cells
   * that already hold PLAN.* formulas answer from the new plans. Hosts that cannot recalculate leave it out.
   */
  recalculate?(): Promise<void>;
  /** One batch: the formulas (as Range.formulas) and number formats of each range, on sheets that exist. */
  snapshot(ranges: { sheet: string; rect: Rect }[]): Promise<RangeImage[]>;
  /** 撤销, one batch: delete the sheets, then the rows and columns (in order), then write the images back. */
  restore(plan: RestorePlan): Promise<void>;
  /**
   * Subscribe to "a sheet was added, deleted or activated" (after the change); returns the unsubscribe function.
   * Hosts without such events leave it out.
   */
  onSheetsChanged?(listener: () => void): () => void;
}

// 撤销 (src/workbook/undo.ts): what a write changed, put back.
/** Some cells of a sheet as they were: content as Range.formulas shows it, and number formats. */
export interface RangeImage {
  sheet: string;
  rect: Rect;
  formulas: Grid;
  numberFormats: Grid;
}

export interface RestorePlan {
  /** Sheets the undone write created. */
  deleteSheets: string[];
  /** Rows or columns the undone write inserted, to delete in this order (the last inserted first). */
  remove: { sheet: string; op: StructureOp }[];
  /** Cells written back, in the coordinates once `remove` is done. */
  images: RangeImage[];
  /** Sheets protected now (保护公式列): unprotected for the restore and protected again (a password refuses it). */
  reprotect?: string[];
}

/** A cell as read (Range.formulas: "=…" or a constant) as a write takes it again. */
export const contentOf = (v: CellValue): CellContent =>
  typeof v === "string" && v.startsWith("=") ? { formula: v } : v;

/** The look of each layout style; every style sets every property, so restyling a cell resets it fully. */
export interface StyleSpec {
  /** Fill colour (RRGGBB) or null for no fill. */
  fill: string | null;
  font: string;
  bold: boolean;
  italic: boolean;
  size: number;
  wrap: boolean;
  align: "General" | "Left" | "Center" | "Right";
  /** The heading typeface (黑体) rather than the body's (宋体). */
  heading?: boolean;
  /** A thin border (RRGGBB) round the cell, inside the table; hosts that draw their own gridlines skip it. */
  border?: string;
}

const base: StyleSpec = {
  fill: null,
  font: "000000",
  bold: false,
  italic: false,
  size: 10,
  wrap: false,
  align: "General",
};
const grid = { border: PALETTE.grid };
const input = { fill: PALETTE.input, border: PALETTE.inputBorder };
/** The one style table: the Office, in-memory and .xlsx back ends all draw from it. */
export const STYLES: Record<StyleName, StyleSpec> = {
  title: { ...base, font: PALETTE.brand, bold: true, size: 16, align: "Left", heading: true },
  meta: { ...base, bold: true },
  metaInput: { ...base, ...input, bold: true, size: 11, align: "Center" },
  header: { ...base, ...grid, fill: PALETTE.brand, font: "FFFFFF", bold: true, wrap: true, align: "Center" },
  text: { ...base, ...grid, wrap: true },
  number: { ...base, ...grid, align: "Right" },
  input: { ...base, ...input, align: "Right" },
  derived: { ...base, ...grid, align: "Right" },
  quote: { ...base, ...grid, font: "595959", size: 9, wrap: true },
  note: { ...base, font: "595959", wrap: true },
  hidden: { ...base, font: "808080", size: 8 },
};

/** Cells the statistician types into. */
export const INPUT_STYLES: ReadonlySet<StyleName> = new Set<StyleName>(["input", "metaInput"]);

/** Under 保护公式列, a cell of ours is locked unless the statistician types into it. */
export const isLocked = (style: StyleName) => !INPUT_STYLES.has(style);

/**
 * What a protected progress sheet still allows (Office.js WorksheetProtectionOptions names; the .xlsx back end
 * maps them to ExcelJS's): the AutoFilter, and formatting cells, columns and rows. Everything else Excel forbids
 * on a protected sheet stays forbidden (editing locked cells, inserting or deleting rows and columns).
 */
export const PROTECTION = {
  allowAutoFilter: true,
  allowFormatCells: true,
  allowFormatColumns: true,
  allowFormatRows: true,
} as const;

/** Protection as 保护公式列 sets it (its options): the add-in may lift it for its own writes; a user's it may not. */
export const isOurProtection = (o: object | undefined): boolean =>
  o !== undefined && Object.entries(PROTECTION).every(([k, v]) => (o as Record<string, unknown>)[k] === v);

export const isFormula = (c: CellContent | undefined): c is Formula => typeof c === "object" && c !== null;

/**
 * A text constant as it must be typed so that Excel keeps it as text: Excel (and HyperFormula) turn "2020",
 * "00123456", "TRUE" or "=x" into numbers, booleans or formulas; a leading apostrophe keeps the text.
 */
export function textConstant(s: string): string {
  return /^\s*([-+.\d=']|true\s*$|false\s*$)/i.test(s) ? `'${s}` : s;
}

/** "C7" from 0-based coordinates. */
export const a1 = (row: number, col: number) => `${colLetter(col)}${row + 1}`;
/** "C7:E9" (or "C7" for one cell). */
export const rangeA1 = (r1: number, c1: number, r2: number, c2: number) =>
  r1 === r2 && c1 === c2 ? a1(r1, c1) : `${a1(r1, c1)}:${a1(r2, c2)}`;

/** 0-based column index of "A", "AB", … */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Parse "C7", "C7:E9", "$C$7", "S:S" (whole columns) or "6:6" (whole rows); whole rows/columns use ±Infinity. */
export function parseRange(address: string): Rect {
  const a = address.replace(/^.*!/, "").replace(/\$/g, "");
  const [p, q = p] = a.split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m) throw new Error(`bad address ${address}`);
    return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const x = cell(p);
  const y = cell(q);
  return {
    r1: x.r ?? 0,
    c1: x.c ?? 0,
    r2: y.r ?? Number.POSITIVE_INFINITY,
    c2: y.c ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * Group cells into few rectangles (vertical runs per column, then equal runs of adjacent columns merged), so a
 * style or format goes out as a handful of ranges rather than one command per cell.
 */
export function rectangles(cells: { row: number; col: number }[]): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) (byCol.get(col) ?? byCol.set(col, []).get(col)!).push(row);
  const runs: Rect[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      if (i < rows.length && rows[i] === rows[i - 1]) continue;
      runs.push({ r1: start, r2: rows[i - 1], c1: col, c2: col });
      start = rows[i];
    }
  }
  // Merge a run into the previous rectangle when it continues it to the right with the same rows.
  const out: Rect[] = [];
  for (const r of runs) {
    const prev = out.find((o) => o.r1 === r.r1 && o.r2 === r.r2 && o.c2 + 1 === r.c1);
    if (prev) prev.c2 = r.c2;
    else out.push({ ...r });
  }
  return out;
}

export const rectA1 = (r: Rect) => rangeA1(r.r1, r.c1, r.r2, r.c2);

/** "A1:R18" → "$A$1:$R$18": a print area as Excel stores it (absolute, so it stays put when cells are copied). */
export const absoluteA1 = (range: string) => range.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

// 转为数值 (src/sheet/freeze.ts): the cells a back end lists and converts.
export type FreezeScope = "selection" | "sheet" | "workbook";

/** A formula cell as found in the workbook. */
export interface FormulaCell {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  formula: string;
  value: CellValue;
}

/** One cell to convert: its value replaces the formula, if the cell still holds `formula`. */
export interface FreezeCell extends FormulaCell {
  note: string;
}

export interface FreezeResult {
  /** Cells converted (their formula was still the one listed). */
  converted: FreezeCell[];
  /** Cells left alone because their formula changed since they were listed. */
  changed: FormulaCell[];
  /** Whether the notes were attached (the host supports comments). */
  notes: boolean;
  /**
   * Cells left as formulas because their result may spill (PLAN.LIST, PLAN.SEARCH, a range argument) and the host
   * cannot say over which cells (Range.getSpillingToRangeOrNullObject needs ExcelApi 1.12): converting only the
   * top-left cell would lose the rest of the array.
   */
  spillsRefused: FormulaCell[];
  /** The grid each converted spill was written over (its top-left cell held the formula): what undo clears. */
  spillRanges: { sheet: string; rect: Rect }[];
}
