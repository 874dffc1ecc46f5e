// An in-memory workbook: formulas evaluated by HyperFormula, formats, merges and conditional formats kept beside
// them. It implements Workbook for tests and the browser preview, exposes the computed grid (values, formulas,
// formats, conditional-format hits, input cells), and simulates the user (typing, inserting rows and columns,
// protecting a sheet). Structural edits shift formats, merges and conditional formats as Excel does, and
// HyperFormula adjusts formula references.
import {
  CellError,
  DetailedCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ConfigParams,
  type ImplementedFunctions,
  type RawCellContent,
} from "hyperformula";
import type { ChartSpec } from "../core/sheet/charts";
import type { ConditionalFormat, InputValidation } from "../core/sheet/layout";
import type { FormulaCell, FreezeCell, FreezeResult, FreezeScope } from "../sheet/freeze";
import { HostError } from "./errors";
import {
  a1,
  absoluteA1,
  colIndex,
  INPUT_STYLES,
  isLocked,
  isOurProtection,
  PROTECTION,
  isFormula,
  parseRange,
  rectA1,
  STYLES,
  textConstant,
  type CellContent,
  type CellValue,
  type CellWrite,
  contentOf,
  type Grid,
  type RangeImage,
  type RestorePlan,
  type PrintSetup,
  type Rect,
  type SelectionSnapshot,
  type SheetContent,
  type SheetHead,
  type SheetVisibility,
  type Snapshot,
  type TableRange,
  tableRangeOf,
  splitSheetAddress,
  type StyleName,
  type Workbook,
  type WritePlan,
} from "./workbook";

interface CellFormat {
  numFmt?: string;
  style?: StyleName;
  /** Locked under sheet protection (set by a plan with protection "on"); unset: locked, as Excel's default. */
  locked?: boolean;
  /** The number format came from typing a percent or a date into a General cell. */
  typedFormat?: boolean;
}

/**
 * CELL("format", ref), which HyperFormula lacks and the progress sheet's formulas use to see a percent- or
 * date-typed input. Excel answers from the cell's number format, which typing "2.1%" or a date into a General
 * cell sets; HyperFormula keeps that as the type of the parsed number, so this answers from the type: "P2"
 * for a percent, "D1" for a date (D9 a time), "C2" for a currency, otherwise "G". Other info types: #VALUE!.
 */
export class CellInfoPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    CELL: {
      method: "cell",
      parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.ANY }],
    },
  };

  cell(ast: PluginAst, state: PluginState) {
    const args = (ast as unknown as { args: PluginAst[] }).args;
    if (args.length !== 2) return new CellError(ErrorType.NA, "CELL 需要两个参数");
    const info = this.evaluateAst(args[0], state);
    if (typeof info !== "string" || info.trim().toLowerCase() !== "format")
      return new CellError(ErrorType.VALUE, 'CELL 仅支持 "format"');
    // The stored value of the referenced cell keeps its number type (a computed argument would not).
    const ref = args[1] as unknown as {
      type: string;
      reference?: { toSimpleCellAddress(a: unknown): unknown };
    };
    if (ref.type !== "CELL_REFERENCE" || !ref.reference)
      return new CellError(ErrorType.VALUE, "CELL 需要单元格引用");
    const graph = this.dependencyGraph as unknown as { getCellValue(a: unknown): unknown };
    const v = graph.getCellValue(ref.reference.toSimpleCellAddress(state.formulaAddress));
    const type = (v as { getDetailedType?: () => string } | null)?.getDetailedType?.();
    return FORMAT_CODES[type ?? ""] ?? "G";
  }
}
type PluginState = Parameters<FunctionPlugin["evaluateAst"]>[1];
type PluginAst = Parameters<FunctionPlugin["evaluateAst"]>[0];
const PERCENT_TYPED = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*%\s*$/i;
const DATE_TYPED = /^\s*\d{1,2}\/\d{1,2}\/\d{2}(\d{2})?\s*$/;
const FORMAT_CODES: Record<string, string> = {
  NUMBER_PERCENT: "P2",
  NUMBER_DATE: "D1",
  NUMBER_DATETIME: "D1",
  NUMBER_TIME: "D9",
  NUMBER_CURRENCY: "C2",
};
if (!HyperFormula.getRegisteredFunctionNames("enGB").includes("CELL"))
  HyperFormula.registerFunctionPlugin(CellInfoPlugin, {
    ...Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((l) => [l, { CELL: "CELL" }])),
  });

interface MemSheet {
  name: string;
  id: number;
  protected: boolean;
  /** The password a user protected the sheet with (a plan cannot unprotect it). */
  password?: string;
  /** What the protection allows (as written by a plan). */
  allows?: typeof PROTECTION;
  /** Formats by [row][col]. */
  fmt: (CellFormat | undefined)[][];
  /** Data validation of input cells, by [row][col] (kept, shown and checked; see validate()). */
  validation: (InputValidation | undefined)[][];
  merges: Rect[];
  cfs: { rect: Rect; rule: ConditionalFormat["rule"] }[];
  /** Charts written (kept as specs: HyperFormula draws nothing; the preview does). */
  charts: ChartSpec[];
  columns: Map<number, { width?: number; hidden?: boolean }>;
  freeze: { rows: number; columns: number } | null;
  /** The AutoFilter's range (header row first), as written. */
  autoFilter: string | null;
  print: PrintSetup | null;
  /** Cell notes (comments) by A1 address. */
  notes: Map<string, string>;
  visibility: SheetVisibility;
}

export interface PreviewCell {
  value: CellValue;
  /** The formula ("=…") of a formula cell, else null. */
  formula: string | null;
  /** The value as the number format shows it. */
  text: string;
  numFmt: string | null;
  style: StyleName | null;
  /** A cell the statistician types into (yellow). */
  input: boolean;
  /** The fill and font colours shown (a conditional format's when one applies), RRGGBB. */
  fill: string | null;
  font: string;
  bold: boolean;
  /** The status-colour rule that matched this cell, if any. */
  statusRule: { fill: string; font: string } | null;
  /** The cell's data validation (input message, error alert), if any. */
  validation: InputValidation | null;
  /** The data bar shown in this cell, if any: its colour and length in [0, 1]. */
  dataBar: { color: string; fraction: number } | null;
}

export interface PreviewSheet {
  name: string;
  rows: PreviewCell[][];
  merges: string[];
  columns: { width: number | null; hidden: boolean }[];
  freeze: { rows: number; columns: number } | null;
  autoFilter: string | null;
  print: PrintSetup | null;
  charts: ChartSpec[];
}

/** Everything about a sheet, serialisable: to compare a sheet before and after an operation. */
export interface SheetDump {
  formulas: Grid;
  fmt: (CellFormat | null)[][];
  merges: string[];
  cfs: { range: string; rule: ConditionalFormat["rule"] }[];
  columns: [number, { width?: number; hidden?: boolean }][];
  freeze: { rows: number; columns: number } | null;
  autoFilter: string | null;
  print: PrintSetup | null;
  protected: boolean;
}

const toValue = (v: unknown): CellValue => {
  if (v instanceof DetailedCellError) return v.value;
  if (v === undefined || v === null || v === "") return null;
  return v as CellValue;
};

/** Shift a rectangle for an insertion of `count` lines before `at` on one axis ("r" or "c"). */
function shiftInsert(rect: Rect, axis: "r" | "c", at: number, count: number): Rect {
  const [lo, hi] = axis === "r" ? (["r1", "r2"] as const) : (["c1", "c2"] as const);
  const out = { ...rect };
  if (at <= out[lo]) {
    out[lo] += count;
    out[hi] += count;
  } else if (at <= out[hi]) out[hi] += count;
  return out;
}

/** Shift a rectangle for a deletion of `count` lines from `at`; null when nothing of it is left. */
function shiftDelete(rect: Rect, axis: "r" | "c", at: number, count: number): Rect | null {
  const [lo, hi] = axis === "r" ? (["r1", "r2"] as const) : (["c1", "c2"] as const);
  const end = at + count - 1;
  const keep = (i: number) => (i < at ? i : i > end ? i - count : null);
  const out = { ...rect };
  const a = keep(out[lo]) ?? at;
  const b = keep(out[hi]) ?? at - 1;
  if (b < a) return null;
  out[lo] = a;
  out[hi] = b;
  return out;
}

const intersects = (x: Rect, y: Rect) => x.r1 <= y.r2 && y.r1 <= x.r2 && x.c1 <= y.c2 && y.c1 <= x.c2;
const contains = (x: Rect, r: number, c: number) => x.r1 <= r && r <= x.r2 && x.c1 <= c && c <= x.c2;

/** A number as a layout number format shows it (the formats of layout.ts: 0, 0.0%, 0.00"%", #,##0.00, 0.00"倍"). */
export function formatValue(v: CellValue, numFmt?: string | null): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return v;
  if (!numFmt || numFmt === "General" || numFmt === "@") return String(Number(v.toPrecision(10)));
  const literal = [...numFmt.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("");
  const bare = numFmt.replace(/"[^"]*"/g, "");
  const percent = bare.includes("%");
  const decimals = /\.(0+)/.exec(bare)?.[1].length ?? 0;
  let s = (percent ? v * 100 : v).toFixed(decimals);
  if (bare.includes(",")) {
    const [int, frac] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
  }
  return `${s}${percent ? "%" : ""}${literal}`;
}

export class MemoryWorkbook implements Workbook {
  readonly hf: HyperFormula;
  private sheets: MemSheet[] = [];
  private activeSheet: string | null = null;
  private selection: { sheet: string; row: number; col: number; rect: Rect } | null = null;
  /** 保护工作簿 (structure): no sheet can be added, removed or shown/hidden. */
  private structureProtected = false;
  /** Write batches applied (a test can assert that a refused operation wrote nothing). */
  writes = 0;
  /** Bumped by every change; read() content is cached per sheet until the next change (HyperFormula is slow to
   * serialise formulas). Change the workbook only through these methods (hf.batch around them is fine). */
  private changes = 0;
  private cache = new Map<MemSheet, { at: number; content: SheetContent }>();
  /** onSheetsChanged's listeners, and whether a call is already scheduled (one per burst of changes). */
  private sheetListeners = new Set<() => void>();
  private sheetsPending = false;

  /** smartRounding is off by default: numbers are exactly JavaScript's, as in the methodology. */
  constructor(config: Partial<ConfigParams> = {}) {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false, ...config });
  }

  // ---- Workbook

  async read(names: string[]): Promise<Snapshot> {
    const sheets = new Map<string, SheetContent>();
    for (const n of names) {
      const s = this.find(n);
      if (s) sheets.set(n, this.content(s));
    }
    return { sheetNames: this.sheetNames(), sheets };
  }

  async readHeads(rows: number): Promise<SheetHead[]> {
    return this.sheets.map((s) => ({ name: s.name, values: this.content(s).values.slice(0, rows) }));
  }

  async readSelection(headRows: number): Promise<SelectionSnapshot | null> {
    const sel = this.selection;
    const s = sel && this.find(sel.sheet);
    if (!sel || !s) return null;
    const c = this.content(s);
    return {
      sheet: s.name,
      protected: s.protected,
      row: sel.row,
      col: sel.col,
      value: c.values[sel.row]?.[sel.col] ?? null,
      formula: c.formulas[sel.row]?.[sel.col] ?? null,
      head: c.values.slice(0, headRows),
      rowValues: c.values[sel.row] ?? [],
    };
  }

  async readTableRange(address?: string): Promise<TableRange | null> {
    const sel = this.selection;
    if (!address) {
      const sheet = sel && this.find(sel.sheet);
      if (!sel || !sheet) return null;
      return tableRangeOf(sel.rect, this.content(sheet));
    }
    const where = splitSheetAddress(address);
    const sheet = this.find(where.sheet ?? sel?.sheet ?? this.activeSheet ?? "");
    if (!sheet) throw new HostError({ reason: "rangeSheetNotFound", address });
    if (!/^\$?[A-Z]{0,3}\$?\d*(:\$?[A-Z]{0,3}\$?\d*)?$/i.test(where.range) || where.range === "")
      throw new HostError({ reason: "notARange", address });
    return tableRangeOf(parseRange(where.range), this.content(sheet));
  }

  /** All checks first, then the changes: a refused write changes nothing. */
  async write(plan: WritePlan): Promise<void> {
    this.changes++;
    const s = this.writableSheet(plan) ?? this.addSheet(plan.sheet);
    this.changes++;
    for (const op of plan.structure ?? []) {
      if (op.kind === "insertRows") this.insertRowsAt(s, op.at, op.count);
      else this.insertColumnsAt(s, op.at, op.count);
    }
    for (const c of plan.charts ?? []) {
      if (c.replaces) s.charts = s.charts.filter((x) => x.name !== c.name);
      s.charts.push(c);
    }
    for (const m of plan.unmerge ?? []) {
      const r = parseRange(m);
      s.merges = s.merges.filter((x) => !intersects(x, r));
    }
    this.writeContents(s, plan);
    writeFormats(s, plan);
    this.writeLayout(s, plan);
    this.writes++;
  }

  /** The sheet `plan` writes (undefined: the one it creates), after the refusals: exists, missing, protected. */
  private writableSheet(plan: WritePlan): MemSheet | undefined {
    const s = this.find(plan.sheet);
    if (plan.create && s) throw new HostError({ reason: "sheetExists", sheet: plan.sheet });
    if (!plan.create && !s) throw new HostError({ reason: "sheetNotFound", sheet: plan.sheet });
    if (this.structureProtected && (plan.create || plan.visibility))
      throw new HostError({
        reason: "structureProtected",
        sheet: plan.sheet,
        action: "添加或隐藏",
        unchanged: true,
      });
    // A plan that sets protection unprotects a sheet protected without a password; a password refuses it.
    if (s?.protected && (!plan.protection || s.password))
      throw new HostError({ reason: "sheetProtected", sheet: plan.sheet, action: "写入", unchanged: true });
    return s;
  }

  /** The plan's cell contents into HyperFormula, evaluation suspended meanwhile. */
  private writeContents(sheet: MemSheet, plan: WritePlan) {
    const changed = changedContents(this.hf.getSheetSerialized(sheet.id), plan.cells);
    if (!changed.length) return;
    // Runs of adjacent cells in a row go in one call, evaluation suspended meanwhile (both much faster in
    // HyperFormula than cell by cell in a batch).
    this.hf.suspendEvaluation();
    try {
      // A new sheet: one block from A1 (nothing there to keep, so gaps may be written as empty).
      if (plan.create) this.hf.setCellContents({ sheet: sheet.id, row: 0, col: 0 }, blockOf(changed));
      else
        for (const run of rowRuns(changed))
          this.hf.setCellContents({ sheet: sheet.id, row: run[0].row, col: run[0].col }, [
            run.map((c) => c.raw),
          ]);
    } finally {
      this.hf.resumeEvaluation();
    }
  }

  /** Merges, widths, conditional formats, panes, filter, print setup, selection, visibility, protection. */
  private writeLayout(s: MemSheet, plan: WritePlan) {
    for (const m of plan.merges ?? []) {
      const r = parseRange(m);
      s.merges = [...s.merges.filter((x) => !intersects(x, r)), r];
    }
    for (const { col, ...props } of plan.columns ?? [])
      s.columns.set(col, { ...s.columns.get(col), ...props });
    for (const range of plan.clearConditionalFormats ?? []) {
      const r = parseRange(range);
      s.cfs = s.cfs.filter((cf) => !intersects(cf.rect, r));
    }
    for (const cf of plan.conditionalFormats ?? []) s.cfs.push({ rect: parseRange(cf.range), rule: cf.rule });
    if (plan.freeze) s.freeze = plan.freeze;
    if (plan.autoFilter) s.autoFilter = plan.autoFilter;
    if (plan.print) s.print = plan.print;
    if (plan.activate) this.select(s.name, "A1");
    if (plan.visibility) this.setVisibility(s, plan.visibility);
    if (plan.protection) {
      s.protected = plan.protection === "on";
      s.allows = s.protected ? PROTECTION : undefined;
    }
  }

  async readFormulas(scope: FreezeScope): Promise<FormulaCell[]> {
    const sel = this.selection;
    const sheets =
      scope === "workbook"
        ? this.sheets
        : [this.find(sel?.sheet ?? this.activeSheet ?? "")].filter((x) => !!x);
    const out: FormulaCell[] = [];
    for (const s of sheets as MemSheet[]) {
      const c = this.content(s);
      const within = (r: number, col: number) =>
        scope !== "selection" ||
        (!!sel && r >= sel.rect.r1 && r <= sel.rect.r2 && col >= sel.rect.c1 && col <= sel.rect.c2);
      c.formulas.forEach((row, r) =>
        row.forEach((f, col) => {
          if (typeof f === "string" && f.startsWith("=") && within(r, col))
            out.push({ sheet: s.name, row: r, col, formula: f, value: c.values[r]?.[col] ?? null });
        }),
      );
    }
    return out;
  }

  /** All checks first (protection), then the changes. */
  async freeze(cells: FreezeCell[]): Promise<FreezeResult> {
    // 保护公式列 (no password) is lifted for the conversion and kept; a user's own protection refuses it.
    for (const name of new Set(cells.map((c) => c.sheet))) {
      const s = this.find(name);
      if (s?.protected && (s.password || !isOurProtection(s.allows)))
        throw new HostError({ reason: "sheetProtected", sheet: name, action: "转为数值" });
    }
    const converted: FreezeCell[] = [];
    const changed: FormulaCell[] = [];
    const current = new Map<string, SheetContent>();
    for (const c of cells) {
      const s = this.find(c.sheet);
      const content = s && (current.get(s.name) ?? current.set(s.name, this.content(s)).get(s.name)!);
      if (!s || content?.formulas[c.row]?.[c.col] !== c.formula) {
        changed.push(c);
        continue;
      }
      converted.push(c);
    }
    this.changes++;
    // A spill's whole grid, read before any cell is written (writing one anchor may move another's spill).
    const spills = converted.map((c) => this.spillOf(this.find(c.sheet)!, c.row, c.col));
    const grids = converted.map((c, i) => spills[i] ?? [[c.value]]);
    const spillRanges = converted.flatMap((c, i) => {
      const g = spills[i];
      return g
        ? [
            {
              sheet: c.sheet,
              rect: { r1: c.row, c1: c.col, r2: c.row + g.length - 1, c2: c.col + g[0].length - 1 },
            },
          ]
        : [];
    });
    converted.forEach((c, i) => {
      const s = this.find(c.sheet)!;
      const grid = grids[i].map((row) => row.map((v) => (typeof v === "string" ? textConstant(v) : v)));
      this.hf.setCellContents({ sheet: s.id, row: c.row, col: c.col }, grid as RawCellContent[][]);
      s.notes.set(a1(c.row, c.col), c.note);
    });
    if (converted.length) this.writes++;
    return { converted, changed, notes: true, spillsRefused: [], spillRanges };
  }

  /** The values of the array a formula cell spills, from its top-left cell; null for a single value. */
  private spillOf(s: MemSheet, row: number, col: number): CellValue[][] | null {
    const at = (r: number, c: number) => ({ sheet: s.id, row: r, col: c });
    if (!this.hf.isCellPartOfArray(at(row, col))) return null;
    const spilled = (r: number, c: number) =>
      this.hf.isCellPartOfArray(at(r, c)) && !this.hf.doesCellHaveFormula(at(r, c));
    let rows = 1;
    let cols = 1;
    while (spilled(row + rows, col)) rows++;
    while (spilled(row, col + cols)) cols++;
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => toValue(this.hf.getCellValue(at(row + i, col + j)))),
    );
  }

  async snapshot(ranges: { sheet: string; rect: Rect }[]): Promise<RangeImage[]> {
    return ranges.flatMap(({ sheet, rect }) => {
      const s = this.find(sheet);
      if (!s) return [];
      const c = this.content(s);
      const grid = <T>(f: (r: number, col: number) => T) =>
        Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) =>
          Array.from({ length: rect.c2 - rect.c1 + 1 }, (_, j) => f(rect.r1 + i, rect.c1 + j)),
        );
      return [
        {
          sheet: s.name,
          rect,
          formulas: grid((r, col) => c.formulas[r]?.[col] ?? null),
          numberFormats: grid((r, col) => s.fmt[r]?.[col]?.numFmt ?? "General"),
        },
      ];
    });
  }

  /** As Office.js: the deletions, then each image through write() (its checks: a protected sheet is refused). */
  async restore(plan: RestorePlan): Promise<void> {
    const reprotect = (plan.reprotect ?? []).map((name) => this.get(name));
    const locked = reprotect.find((s) => s.password);
    if (locked)
      throw new HostError({ reason: "sheetProtected", sheet: locked.name, action: "撤销", password: true });
    for (const s of reprotect) s.protected = false;
    try {
      await this.restoreUnprotected(plan);
    } finally {
      for (const s of reprotect) {
        s.protected = true;
        s.allows = PROTECTION;
      }
    }
  }

  private async restoreUnprotected(plan: RestorePlan): Promise<void> {
    for (const name of plan.deleteSheets) {
      const s = this.find(name);
      if (!s) continue;
      if (this.structureProtected)
        throw new HostError({ reason: "structureProtected", sheet: name, action: "删除" });
      this.changes++;
      this.hf.removeSheet(s.id);
      this.sheets = this.sheets.filter((x) => x !== s);
      this.sheetsChanged();
      if (this.activeSheet === s.name) this.activeSheet = this.sheets[0]?.name ?? null;
      if (this.selection?.sheet === s.name) this.selection = null;
    }
    for (const { sheet, op } of plan.remove) {
      if (this.get(sheet).protected) throw new HostError({ reason: "sheetProtected", sheet, action: "撤销" });
      if (op.kind === "insertRows") this.deleteRows(sheet, op.at + 1, op.count);
      else this.deleteColumns(sheet, op.at, op.count);
    }
    for (const img of plan.images) {
      const cells: CellWrite[] = img.formulas.flatMap((row, i) =>
        row.map((v, j) => ({
          row: img.rect.r1 + i,
          col: img.rect.c1 + j,
          content: contentOf(v),
          numFmt: String(img.numberFormats[i]?.[j] ?? "General"),
        })),
      );
      await this.write({ sheet: img.sheet, cells });
    }
  }

  /**
   * As Excel's worksheet events (added, deleted, activated): told once the current operation is over (a write
   * adds its sheet before filling it), once per burst of changes.
   */
  onSheetsChanged(listener: () => void): () => void {
    this.sheetListeners.add(listener);
    return () => void this.sheetListeners.delete(listener);
  }

  private sheetsChanged(): void {
    if (this.sheetsPending) return;
    this.sheetsPending = true;
    setTimeout(() => {
      this.sheetsPending = false;
      for (const l of this.sheetListeners) l();
    }, 0);
  }

  /** HyperFormula recomputes every formula (PLAN.* cells answer from newly imported plans). */
  async recalculate(): Promise<void> {
    this.changes++;
    this.hf.rebuildAndRecalculate();
  }

  /** The note (comment) of a cell, if any. */
  noteOf(sheet: string, at: string): string | null {
    return this.get(sheet).notes.get(at.replace(/\$/g, "")) ?? null;
  }

  /** Remove every sheet (reusing the HyperFormula engine, which is slow to build). */
  reset(): void {
    for (const sh of this.sheets) this.hf.removeSheet(sh.id);
    this.sheets = [];
    this.activeSheet = null;
    this.selection = null;
    this.writes = 0;
    this.cache.clear();
    this.changes++;
    this.sheetsChanged();
  }

  // ---- The user, simulated

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  addSheet(name: string): MemSheet {
    if (this.find(name)) throw new Error(`sheet exists: ${name}`);
    this.changes++;
    this.hf.addSheet(name);
    const s: MemSheet = {
      name,
      id: this.hf.getSheetId(name)!,
      protected: false,
      fmt: [],
      validation: [],
      merges: [],
      cfs: [],
      charts: [],
      columns: new Map(),
      freeze: null,
      autoFilter: null,
      print: null,
      notes: new Map(),
      visibility: "visible",
    };
    this.sheets.push(s);
    this.activeSheet ??= name;
    this.sheetsChanged();
    return s;
  }

  /**
   * Type into a cell: "=…" is a formula, other text is parsed as Excel parses typing ("2.5" is a number, "2.1%"
   * the number 0.021). As in Excel, a percent or a date typed into a General cell gives it a percent or date
   * format. Data validation does not stop this (as a paste in Excel is not stopped); validate() says what
   * Excel's error alert would.
   */
  setCell(sheet: string, a1: string, v: CellValue): void {
    const { r1, c1 } = parseRange(a1);
    const s = this.get(sheet);
    this.changes++;
    const f = s.fmt[r1]?.[c1];
    // A Text-formatted ("@") cell keeps what is typed as text, as in Excel: 2.2% stays "2.2%", not 0.022.
    const asText = f?.numFmt === "@" && typeof v === "string" && v !== "";
    this.hf.setCellContents({ sheet: s.id, row: r1, col: c1 }, (asText ? `'${v}` : v) as RawCellContent);
    if (asText) return;
    // What HyperFormula parses as a percent or a date (its default date formats DD/MM/YYYY, DD/MM/YY).
    const typed =
      typeof v !== "string"
        ? null
        : PERCENT_TYPED.test(v)
          ? "0.00%"
          : DATE_TYPED.test(v)
            ? "yyyy-mm-dd"
            : null;
    if (f?.typedFormat && !typed) {
      // Simplification: the next typing clears the format an earlier typing gave (Excel keeps it until
      // 清除格式; the preview has no such command). HyperFormula's number type goes with the value anyway.
      (s.fmt[r1] ??= [])[c1] = { ...f, numFmt: "General", typedFormat: false };
      return;
    }
    if (!typed || (f?.numFmt && f.numFmt !== "General")) return;
    (s.fmt[r1] ??= [])[c1] = { ...f, numFmt: typed, typedFormat: true };
  }

  /** The error alert Excel's data validation would show for the cell's value; null when it passes or has none. */
  validate(sheet: string, a1: string): { title: string; text: string } | null {
    const { r1, c1 } = parseRange(a1);
    const rule = this.get(sheet).validation[r1]?.[c1];
    if (!rule) return null;
    const v = this.value(sheet, a1);
    if (v === null || v === "") return null;
    const ok =
      typeof v === "number" &&
      v >= rule.min &&
      v <= rule.max &&
      (rule.type === "decimal" || Number.isInteger(v));
    return ok ? null : rule.error;
  }

  /** Insert rows before 1-based `row`. */
  insertRows(sheet: string, row: number, count = 1): void {
    this.insertRowsAt(this.get(sheet), row - 1, count);
  }

  /** Insert columns before `col` ("C" or a 0-based index). */
  insertColumns(sheet: string, col: string | number, count = 1): void {
    this.insertColumnsAt(this.get(sheet), typeof col === "string" ? colIndex(col) : col, count);
  }

  deleteRows(sheet: string, row: number, count = 1): void {
    const s = this.get(sheet);
    const at = row - 1;
    this.changes++;
    this.hf.removeRows(s.id, [at, count]);
    s.fmt.splice(at, count);
    s.validation.splice(at, count);
    this.shiftRects(s, (r) => shiftDelete(r, "r", at, count));
  }

  deleteColumns(sheet: string, col: string | number, count = 1): void {
    const s = this.get(sheet);
    const at = typeof col === "string" ? colIndex(col) : col;
    this.changes++;
    this.hf.removeColumns(s.id, [at, count]);
    for (const row of s.fmt) row?.splice(at, count);
    for (const row of s.validation) row?.splice(at, count);
    s.columns = new Map(
      [...s.columns].flatMap(([c, v]) => (c < at ? [[c, v]] : c >= at + count ? [[c - count, v]] : [])),
    );
    this.shiftRects(s, (r) => shiftDelete(r, "c", at, count));
  }

  /** Protect a sheet as a user does (with a password: no plan can unprotect it). */
  protect(sheet: string, on = true, password?: string): void {
    this.changes++;
    const s = this.get(sheet);
    s.protected = on;
    s.password = on ? password : undefined;
  }

  /** The sheet's protection as Excel would show it: whether protected, what it allows, which cells are locked. */
  protectionOf(sheet: string) {
    const s = this.get(sheet);
    return {
      protected: s.protected,
      allows: s.allows ?? null,
      locked: (row: number, col: number) => s.fmt[row]?.[col]?.locked ?? true,
    };
  }

  /** 保护工作簿 (its structure). */
  protectStructure(on = true): void {
    this.structureProtected = on;
  }

  /** The sheets with a tab, in tab order: hidden and veryHidden sheets have none. */
  tabNames(): string[] {
    return this.sheets.filter((s) => s.visibility === "visible").map((s) => s.name);
  }

  visibilityOf(sheet: string): SheetVisibility {
    return this.get(sheet).visibility;
  }

  /** Make a sheet active with a cell (or a range, A5:A20) selected. */
  select(sheet: string, a1: string): void {
    const s = this.get(sheet);
    const rect = parseRange(a1);
    if (this.activeSheet !== s.name) this.sheetsChanged();
    this.activeSheet = s.name;
    this.selection = { sheet: s.name, row: rect.r1, col: rect.c1, rect };
  }

  get active(): string | null {
    return this.activeSheet;
  }

  // ---- Reading back: the computed grid

  /** Values and formulas, as read() returns them. */
  contentOf(sheet: string): SheetContent {
    return this.content(this.get(sheet));
  }

  /** The values only (cheaper than contentOf: no formula text). */
  valuesOf(sheet: string): Grid {
    const s = this.get(sheet);
    const hit = this.cache.get(s);
    if (hit && hit.at === this.changes) return hit.content.values.map((r) => [...r]);
    const vals = this.hf.getSheetValues(s.id);
    const width = Math.max(0, ...vals.map((row) => row.length));
    return vals.map((row) => Array.from({ length: width }, (_, c) => toValue(row[c])));
  }

  /** The value shown in a cell. */
  value(sheet: string, a1: string): CellValue {
    const { r1, c1 } = parseRange(a1);
    return toValue(this.hf.getCellValue({ sheet: this.get(sheet).id, row: r1, col: c1 }));
  }

  cell(sheet: string, a1: string): PreviewCell {
    const { r1, c1 } = parseRange(a1);
    return this.previewCell(this.get(sheet), r1, c1);
  }

  /** The whole sheet as the preview shows it. */
  grid(sheet: string): PreviewSheet {
    const s = this.get(sheet);
    const dims = this.hf.getSheetDimensions(s.id);
    const height = Math.max(dims.height, s.fmt.length);
    const width = Math.max(
      dims.width,
      // Array.from, not map: fmt is sparse (rows without formats are holes, which map keeps and max reads as NaN).
      ...Array.from(s.fmt, (r) => r?.length ?? 0),
      ...[...s.columns.keys()].map((c) => c + 1),
    );
    const rows = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => this.previewCell(s, r, c)),
    );
    return {
      name: s.name,
      rows,
      merges: s.merges.map(rectA1),
      columns: Array.from({ length: width }, (_, c) => ({
        width: s.columns.get(c)?.width ?? null,
        hidden: s.columns.get(c)?.hidden ?? false,
      })),
      freeze: s.freeze,
      autoFilter: s.autoFilter,
      print: s.print,
      charts: s.charts,
    };
  }

  dump(sheet: string): SheetDump {
    const s = this.get(sheet);
    return structuredClone({
      formulas: this.content(s).formulas,
      fmt: s.fmt.map((r) => (r ?? []).map((f) => f ?? null)),
      merges: s.merges.map(rectA1),
      cfs: s.cfs.map((cf) => ({ range: rectA1(cf.rect), rule: cf.rule })),
      columns: [...s.columns].sort((x, y) => x[0] - y[0]),
      freeze: s.freeze,
      autoFilter: s.autoFilter,
      print: s.print,
      protected: s.protected,
    });
  }

  // ---- internals

  /** As Excel: hiding the active sheet activates the first visible one. */
  private setVisibility(s: MemSheet, v: SheetVisibility) {
    s.visibility = v;
    if (v === "visible" || this.activeSheet !== s.name) return;
    const next = this.sheets.find((x) => x.visibility === "visible");
    this.activeSheet = next?.name ?? null;
    this.sheetsChanged();
    this.selection = next ? { sheet: next.name, row: 0, col: 0, rect: parseRange("A1") } : null;
  }

  private find(name: string): MemSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  private get(name: string): MemSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The sheet's content; callers get their own copy (the cache must not be changed through them). */
  private content(s: MemSheet): SheetContent {
    const hit = this.cache.get(s);
    const c = hit && hit.at === this.changes ? hit.content : this.readContent(s);
    this.cache.set(s, { at: this.changes, content: c });
    return { ...c, values: c.values.map((r) => [...r]), formulas: c.formulas.map((r) => [...r]) };
  }

  private readContent(s: MemSheet): SheetContent {
    const vals = this.hf.getSheetValues(s.id);
    const ser = this.hf.getSheetSerialized(s.id);
    // Rectangular, as Excel's used range: HyperFormula leaves rows ragged.
    const width = Math.max(0, ...vals.map((row) => row.length));
    const values = vals.map((row) => Array.from({ length: width }, (_, c) => toValue(row[c])));
    const formulas = values.map((row, r) =>
      row.map((v, c) => {
        const x = ser[r]?.[c];
        return typeof x === "string" && x.startsWith("=") ? x : v;
      }),
    );
    const numberFormats = values.map((row, r) => row.map((_, c) => s.fmt[r]?.[c]?.numFmt ?? "General"));
    return { name: s.name, protected: s.protected, values, formulas, numberFormats };
  }

  private insertRowsAt(s: MemSheet, at: number, count: number) {
    this.changes++;
    this.hf.addRows(s.id, [at, count]);
    if (s.fmt.length > at) s.fmt.splice(at, 0, ...Array.from({ length: count }, () => []));
    if (s.validation.length > at) s.validation.splice(at, 0, ...Array.from({ length: count }, () => []));
    this.shiftRects(s, (r) => shiftInsert(r, "r", at, count));
  }

  private insertColumnsAt(s: MemSheet, at: number, count: number) {
    this.changes++;
    this.hf.addColumns(s.id, [at, count]);
    for (const grid of [s.fmt, s.validation] as (unknown[] | undefined)[][])
      for (const row of grid)
        if (row && row.length > at) row.splice(at, 0, ...Array.from({ length: count }, () => undefined));
    s.columns = new Map([...s.columns].map(([c, v]) => [c >= at ? c + count : c, v]));
    this.shiftRects(s, (r) => shiftInsert(r, "c", at, count));
  }

  private shiftRects(s: MemSheet, f: (r: Rect) => Rect | null) {
    s.merges = s.merges.flatMap((m) => f(m) ?? []);
    s.cfs = s.cfs.flatMap((cf) => {
      const rect = f(cf.rect);
      return rect ? [{ ...cf, rect }] : [];
    });
    if (s.print) {
      const area = f(parseRange(s.print.area));
      s.print = { ...s.print, area: area ? absoluteA1(rectA1(area)) : s.print.area };
    }
    if (s.autoFilter) {
      const range = f(parseRange(s.autoFilter));
      s.autoFilter = range ? rectA1(range) : null;
    }
  }

  private previewCell(s: MemSheet, r: number, c: number): PreviewCell {
    const addr = { sheet: s.id, row: r, col: c };
    const value = toValue(this.hf.getCellValue(addr));
    const formula = this.hf.doesCellHaveFormula(addr) ? (this.hf.getCellFormula(addr) ?? null) : null;
    const f = s.fmt[r]?.[c];
    const spec = f?.style ? STYLES[f.style] : null;
    let statusRule: PreviewCell["statusRule"] = null;
    let dataBar: PreviewCell["dataBar"] = null;
    for (const cf of s.cfs) {
      if (!contains(cf.rect, r, c)) continue;
      const hit =
        cf.rule.type === "textEquals"
          ? value === cf.rule.text
          : cf.rule.type === "textBegins" && typeof value === "string" && value.startsWith(cf.rule.text);
      if (hit && cf.rule.type !== "dataBar") statusRule ??= { fill: cf.rule.fill, font: cf.rule.font };
      if (cf.rule.type === "dataBar" && typeof value === "number") {
        const { min, max, color } = cf.rule;
        dataBar ??= { color, fraction: Math.min(Math.max((value - min) / (max - min), 0), 1) };
      }
    }
    return {
      value,
      formula,
      text: formatValue(value, f?.numFmt),
      numFmt: f?.numFmt ?? null,
      style: f?.style ?? null,
      input: f?.style ? INPUT_STYLES.has(f.style) : false,
      fill: statusRule?.fill ?? spec?.fill ?? null,
      font: statusRule?.font ?? spec?.font ?? "000000",
      bold: spec?.bold ?? false,
      statusRule,
      dataBar,
      validation: s.validation[r]?.[c] ?? null,
    };
  }
}

// ---- The steps of write()

interface RawWrite {
  row: number;
  col: number;
  raw: RawCellContent;
}

/**
 * The last content written to each cell, only where it differs from `before`, in row order: a refresh rewrites
 * mostly identical cells, and HyperFormula is slow at setting them again.
 */
function changedContents(before: RawCellContent[][], cells: CellWrite[]): RawWrite[] {
  const contents = new Map<string, RawWrite>();
  for (const c of cells)
    if (c.content !== undefined)
      contents.set(`${c.row},${c.col}`, { row: c.row, col: c.col, raw: raw(c.content) });
  const changed = [...contents.values()].filter(
    ({ row, col, raw: next }) => (before[row]?.[col] ?? null) !== next,
  );
  return changed.sort((x, y) => x.row - y.row || x.col - y.col);
}

/** The changed cells as one block from A1, gaps empty. */
function blockOf(changed: RawWrite[]): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const c of changed) (grid[c.row] ??= [])[c.col] = c.raw;
  const width = Math.max(...changed.map((c) => c.col)) + 1;
  return Array.from({ length: grid.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? null),
  );
}

/** Sorted cells as runs of adjacent cells in a row. */
function rowRuns(changed: RawWrite[]): RawWrite[][] {
  const runs: RawWrite[][] = [];
  for (let i = 0; i < changed.length;) {
    let j = i + 1;
    while (
      j < changed.length &&
      changed[j].row === changed[i].row &&
      changed[j].col === changed[j - 1].col + 1
    )
      j++;
    runs.push(changed.slice(i, j));
    i = j;
  }
  return runs;
}

/** Validations and cell formats; a style written under protection "on" sets the cell's lock too. */
function writeFormats(sheet: MemSheet, plan: WritePlan) {
  for (const v of plan.validations ?? []) {
    const { r1, c1, r2, c2 } = parseRange(v.range);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) (sheet.validation[r] ??= [])[c] = v.rule;
  }
  for (const c of plan.cells) {
    if (c.numFmt === undefined && c.style === undefined) continue;
    const f = (sheet.fmt[c.row] ??= [])[c.col] ?? {};
    sheet.fmt[c.row][c.col] = {
      ...f,
      ...(c.numFmt !== undefined ? { numFmt: c.numFmt } : {}),
      ...(c.style !== undefined ? { style: c.style } : {}),
      ...(c.style !== undefined && plan.protection === "on" ? { locked: isLocked(c.style) } : {}),
    };
  }
}

function raw(c: CellContent): RawCellContent {
  if (isFormula(c)) return c.formula;
  if (typeof c === "string") return textConstant(c);
  return c;
}
