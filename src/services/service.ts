// The contract between the task pane (React) and the host logic. The pane calls only this interface;
// createProgressService(workbook) implements it over any Workbook (Office.js or in memory).
import type { FreezeCell, FreezePreview, FreezeResult, FreezeScope } from "../sheet/freeze";
import type { SheetStatus } from "../core/method/methodology";

export type StatusCounts = Record<SheetStatus, number>;

export interface SheetResult {
  sheetName: string;
  planId: string;
  year: number;
  rows: number;
  counts: StatusCounts;
  /**
   * Input cells holding a number typed as a percent or a date (seen from their formats, which the sheet's
   * formulas cannot see), one message each; empty for a new sheet.
   */
  typedFormats: string[];
}

/** A bundled-data change found on refresh: shown to the user, applied only on confirmation. */
export interface DataChange {
  targetId: string;
  indicator: string;
  subject: string;
  /** Column title, e.g. 目标值, or "新增目标" / "删除目标". */
  field: string;
  old: string | number | null;
  new: string | number | null;
  quote: string;
}

/** A value typed over a cell of ours (a formula or plan data) that a refresh would replace. */
export interface OverwrittenCell {
  /** "N7", in the sheet as it is. */
  cell: string;
  /** The column's title (差额, 状态 …), or "" outside the table's columns. */
  column: string;
  /** The row's 指标, or "". */
  indicator: string;
  old: string | number | boolean;
  /** What is written instead: a constant, "公式", or null (cleared). */
  new: string | number | boolean | null;
}

export interface RefreshPlan {
  sheetName: string;
  planId: string;
  dataChanges: DataChange[];
  /** Typed values over cells of ours that the refresh replaces (without applying data changes). */
  overwritten: OverwrittenCell[];
  /** How many user inputs (actuals, baselines, notes, extra cells) will be carried over. */
  preservedInputs: number;
}

export interface RowSource {
  sheetName: string;
  targetId: string;
  indicator: string;
  subject: string;
  planTitle: string;
  file: string;
  quote: string;
  value: number;
  unit: string;
  /** The target as the plan states it: 600家以上, 超过12%, 2-3家. */
  stated?: string;
  /** The plan as cited: 《title》(issuer,文号,date), with only what is known. */
  citation?: string;
}

export interface ProgressSheetInfo {
  sheetName: string;
  planId: string;
  year: number | null;
}

/**
 * Errors carry a Chinese message meant for the user; the workbook is left as it was. HostError lives on the
 * workbook floor (the back ends raise it too); the pane imports it from here.
 */
export { HostError, type HostReason } from "../workbook/errors";

/** The progress sheet the user is on, as its cells say now (its 评估年份 cell and its COUNTIF row). */
export interface ActiveProgressSheet {
  sheetName: string;
  planId: string;
  /** The 评估年份 cell, when it holds a valid year. */
  year: number | null;
  counts: StatusCounts;
  /** Rows counted (the sum of the counts). */
  rows: number;
}

/** What 生成 does with an existing sheet's own 评估年份 when the pane asks for another: keep it, or replace it. */
export type SheetYearChoice = "keep" | "replace";

/** 生成's choices: the sheet's own 评估年份 (when it differs), 保护公式列 (default on), replacing typed values. */
export interface GenerateOptions {
  sheetYear?: SheetYearChoice;
  protect?: boolean;
  overwriteTyped?: boolean;
}

/** 刷新's choices: apply data changes, another 评估年份, replace typed values, 保护公式列 (default on). */
export interface RefreshOptions {
  applyDataChanges: boolean;
  year?: number;
  overwriteTyped?: boolean;
  protect?: boolean;
}

export interface ProgressService {
  /** Sheets this add-in wrote (recognised by the marker in the hidden id column). */
  listProgressSheets(): Promise<ProgressSheetInfo[]>;
  /** Subscribe to "a sheet was added, deleted or activated" (where the host tells it); returns the unsubscribe. */
  onSheetsChanged(listener: () => void): () => void;
  /**
   * Write a new progress sheet for a plan; if the plan's sheet exists, refresh it instead (keeping inputs). When that
   * sheet's 评估年份 differs from `year`, a HostError with code "yearDiffers" asks for `sheetYear`.
   */
  generate(planId: string, year: number, opts?: GenerateOptions): Promise<SheetResult>;
  /** The active sheet, when it is a progress sheet: its year and status counts as computed by its formulas. */
  activeProgressSheet(): Promise<ActiveProgressSheet | null>;
  /** Read-only: what a refresh would change in the bundled data, and the typed values it would replace. */
  planRefresh(sheetName: string): Promise<RefreshPlan>;
  /**
   * Rewrite the plan data, putting every user input back; data changes only if applyDataChanges. A value typed
   * over a cell of ours (planRefresh's `overwritten`) is replaced only with overwriteTyped; otherwise nothing is
   * written and a HostError with code "typedCells" lists them. generate on an existing sheet refuses the same way.
   * protect: 保护公式列 (default on).
   */
  refresh(sheetName: string, opts: RefreshOptions): Promise<SheetResult>;
  /**
   * Put a formula into the selected cell. Over a non-empty cell only with `overwrite: true` (the confirmation);
   * otherwise a HostError says the cell is not empty.
   */
  insertFormula(formula: string, opts?: { overwrite?: boolean }): Promise<void>;
  /** The target row under the selection on a progress sheet, with its citation. */
  sourceOfSelection(): Promise<RowSource | null>;
  /** 转为数值, step 1 (read-only): the PLAN.* cells of the scope that would become values, and those left. */
  previewFreeze(scope: FreezeScope): Promise<FreezePreview>;
  /** Step 2, once the user confirmed that list: convert those cells (each keeps its note where supported). */
  freeze(cells: FreezeCell[]): Promise<FreezeResult>;
  /**
   * Add the printable 上报 sheet of the active progress sheet (formulas reading it); refused, with nothing written,
   * off a progress sheet or when that 上报 sheet exists. Returns its name and the rows it shows.
   */
  writeReportSheet(): Promise<{ sheetName: string; rows: number }>;
  /**
   * 为所选指标绘制趋势图: the line chart of the selected row's indicator (yearly actuals against the expected path)
   * and its block of formulas, replacing the sheet's earlier trend chart. Refused, nothing written, off a target row.
   */
  drawTrendChart(): Promise<{ sheetName: string; indicator: string }>;
}
