// The .xlsx Workbook (ExcelJS): the third back end beside Office.js and memory, carrying out the same WritePlan,
// styled from the same STYLES table. What only a file needs is done here: a body font on every column, grid
// borders inside the table, A4 paper, and row heights estimated from the text (Excel and WPS do not autofit rows
// on open). The file computes by itself (fullCalcOnLoad); results cached next to formulas are the caller's.
// Charts are skipped (ExcelJS writes none), as in memory; structural edits are refused (a file is written new).
import ExcelJS from "exceljs";
import { HostError } from "./errors";
import { formulaText } from "../core/sheet/formula-text";
import type { FormulaCell, FreezeCell, FreezeResult, FreezeScope } from "../sheet/freeze";
import {
  a1,
  isFormula,
  isLocked,
  parseRange,
  PROTECTION,
  splitSheetAddress,
  STYLES,
  tableRangeOf,
  type CellValue,
  type RangeImage,
  type CellWrite,
  type ConditionalFormat,
  type Grid,
  type InputValidation,
  type SelectionSnapshot,
  type SheetContent,
  type SheetHead,
  type Snapshot,
  type StyleSpec,
  type TableRange,
  type Workbook,
  type WritePlan,
} from "./workbook";
import { BODY_SIZE, displayWidth, LINE_HEIGHT, linesFor, noteRowHeight } from "./text-fit";

export const FONT = "宋体";
const HEADING_FONT = "黑体";
export const argb = (rgb: string) => `FF${rgb}`;
const solid = (rgb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(rgb) },
  bgColor: { argb: argb(rgb) },
});
const HORIZONTAL = { General: undefined, Left: "left", Center: "center", Right: "right" } as const;

/** A StyleSpec as ExcelJS writes it; `inTable`: with its border (the title block and footnotes have no grid). */
export function xlsxStyle(s: StyleSpec, inTable: boolean): Partial<ExcelJS.Style> {
  const side: Partial<ExcelJS.Border> | undefined = s.border
    ? { style: "thin", color: { argb: argb(s.border) } }
    : undefined;
  const keepBorder = side && (inTable || s.fill);
  return {
    font: {
      name: s.heading ? HEADING_FONT : FONT,
      size: s.size,
      bold: s.bold,
      italic: s.italic,
      color: { argb: argb(s.font) },
    },
    ...(s.fill ? { fill: solid(s.fill) } : {}),
    border: keepBorder ? { top: side, left: side, bottom: side, right: side } : {},
    alignment: { vertical: "middle", horizontal: HORIZONTAL[s.align], wrapText: s.wrap },
  };
}

/**
 * A print area as ExcelJS takes it to write it absolute: ExcelJS puts a "$" before each corner ("A1" → "$A1"), so
 * the rows get theirs here: "A1:R18" → "A$1:R$18" → "$A$1:$R$18" in the file.
 */
export const exceljsArea = (range: string) => range.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2");

/** What a cell shows: the result of a formula (as cached), else its value. */
export function shown(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v && typeof v === "object" && "formula" in v) return plain((v as ExcelJS.CellFormulaValue).result);
  return plain(v);
}
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && "error" in v) return String((v as { error: string }).error);
  return String(v);
}

/** Where the plan's table is: its header row and the rows below it down to the first row it leaves empty. */
function tableRows(plan: WritePlan): { header: number; end: number } {
  const header = Math.min(...plan.cells.filter((c) => c.style === "header").map((c) => c.row));
  if (!Number.isFinite(header)) return { header: -1, end: -1 };
  const filled = new Set(
    plan.cells.filter((c) => c.content !== undefined && c.content !== null).map((c) => c.row),
  );
  let end = header;
  while (filled.has(end + 1)) end++;
  return { header, end };
}

interface SheetMeta {
  /** Rows (0-based) drawn 30 pt high: the title and the header. */
  tall: Set<number>;
  header: number;
  merges: string[];
}

export class XlsxWorkbook implements Workbook {
  readonly file = new ExcelJS.Workbook();
  private meta = new Map<string, SheetMeta>();

  constructor() {
    this.file.creator = "PLAN.* for Excel";
    this.file.created = new Date();
    this.file.calcProperties = { fullCalcOnLoad: true };
  }

  sheet(name: string): ExcelJS.Worksheet {
    const ws = this.file.getWorksheet(name);
    if (!ws) throw new HostError({ reason: "sheetNotFound", sheet: name });
    return ws;
  }

  async write(plan: WritePlan): Promise<void> {
    this.apply(plan);
  }

  /** write, synchronously (a file needs no host round trip). */
  apply(plan: WritePlan): void {
    if (plan.structure?.length)
      throw new Error("XlsxWorkbook: a file is written new, without row or column insertions");
    const ws = this.open(plan);
    if (plan.protection) unprotect(ws);
    for (const m of plan.unmerge ?? []) ws.unMergeCells(m);
    // Columns first: ExcelJS gives a column's font to every cell it already holds.
    for (const c of plan.columns ?? []) {
      const col = ws.getColumn(c.col + 1);
      // The column font also makes ExcelJS write width 9, which it would otherwise drop as its "default".
      col.font = { name: FONT, size: BODY_SIZE };
      if (c.width !== undefined) col.width = c.width;
      if (c.hidden !== undefined) col.hidden = c.hidden;
    }
    const table = tableRows(plan);
    for (const c of plan.cells)
      writeCell(ws.getCell(c.row + 1, c.col + 1), c, table, plan.protection === "on");
    dressTitleBlock(ws, plan, table.header);
    for (const v of plan.validations ?? []) validate(ws, v.range, v.rule);
    for (const m of plan.merges ?? []) ws.mergeCells(m);
    const clear = new Set(plan.clearConditionalFormats ?? []);
    if (clear.size) ws.removeConditionalFormatting((cf: { ref: string }) => clear.has(cf.ref));
    for (const cf of plan.conditionalFormats ?? []) ws.addConditionalFormatting(conditional(cf));
    if (plan.freeze) ws.views = [frozen(plan.freeze)];
    if (plan.autoFilter) ws.autoFilter = plan.autoFilter;
    if (plan.print) printSetup(ws, plan.print);
    if (plan.visibility) ws.state = plan.visibility;
    if (plan.protection === "on") protect(ws);
    const tall = new Set(
      plan.cells.filter((c) => c.style === "title" || c.style === "header").map((c) => c.row),
    );
    this.meta.set(plan.sheet, { tall, header: table.header, merges: [...(plan.merges ?? [])] });
  }

  /** The workbook as a file, every row's height fitted to what it shows (cached results included). */
  toFile(): ExcelJS.Workbook {
    for (const [name, meta] of this.meta) fitRows(this.sheet(name), meta);
    return this.file;
  }

  private open(plan: WritePlan): ExcelJS.Worksheet {
    const ws = this.file.getWorksheet(plan.sheet);
    if (plan.create) {
      if (ws) throw new HostError({ reason: "sheetExists", sheet: plan.sheet });
      return this.file.addWorksheet(plan.sheet, { properties: { defaultRowHeight: 15 } });
    }
    if (!ws) throw new HostError({ reason: "sheetNotFound", sheet: plan.sheet });
    return ws;
  }

  // ---- Reads: what a file holds (no selection; addresses must be given).

  async read(names: string[]): Promise<Snapshot> {
    const sheets = new Map<string, SheetContent>();
    for (const n of names) {
      const ws = this.file.getWorksheet(n);
      if (ws) sheets.set(n, contentOf(ws));
    }
    return { sheetNames: this.file.worksheets.map((w) => w.name), sheets };
  }

  async readHeads(rows: number): Promise<SheetHead[]> {
    return this.file.worksheets.map((ws) => ({ name: ws.name, values: contentOf(ws).values.slice(0, rows) }));
  }

  async readSelection(): Promise<SelectionSnapshot | null> {
    return null;
  }

  async readTableRange(address?: string): Promise<TableRange | null> {
    if (!address) return null;
    const where = splitSheetAddress(address);
    const ws = where.sheet ? this.file.getWorksheet(where.sheet) : this.file.worksheets[0];
    if (!ws) throw new HostError({ reason: "rangeSheetNotFound", address });
    return tableRangeOf(parseRange(where.range), contentOf(ws));
  }

  async readFormulas(scope: FreezeScope): Promise<FormulaCell[]> {
    if (scope === "selection") return [];
    const out: FormulaCell[] = [];
    for (const ws of scope === "workbook" ? this.file.worksheets : this.file.worksheets.slice(0, 1))
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (cell.formula)
            out.push({
              sheet: ws.name,
              row: r - 1,
              col: c - 1,
              formula: `=${cell.formula}`,
              value: shown(cell),
            });
        }),
      );
    return out;
  }

  // 撤销 belongs to the pane (the UndoLog over Office or memory); a file written by the CLI is written once.
  async snapshot(): Promise<RangeImage[]> {
    throw new Error("XlsxWorkbook: 撤销 is not kept for a file");
  }

  async restore(): Promise<void> {
    throw new Error("XlsxWorkbook: 撤销 is not kept for a file");
  }

  async freeze(cells: FreezeCell[]): Promise<FreezeResult> {
    const result: FreezeResult = {
      converted: [],
      changed: [],
      notes: true,
      spillsRefused: [],
      spillRanges: [],
    };
    for (const c of cells) {
      const cell = this.sheet(c.sheet).getCell(c.row + 1, c.col + 1);
      if (`=${cell.formula}` !== c.formula) {
        result.changed.push(c);
        continue;
      }
      cell.value = c.value;
      cell.note = c.note;
      result.converted.push(c);
    }
    return result;
  }
}

function contentOf(ws: ExcelJS.Worksheet): SheetContent {
  const values: Grid = [];
  const formulas: Grid = [];
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      (values[r - 1] ??= [])[c - 1] = shown(cell);
      (formulas[r - 1] ??= [])[c - 1] = cell.formula ? `=${cell.formula}` : shown(cell);
    }),
  );
  const fill = (g: Grid) => Array.from(g, (row) => Array.from(row ?? [], (v) => v ?? null));
  const isProtected = !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
  return { name: ws.name, protected: isProtected, values: fill(values), formulas: fill(formulas) };
}

function writeCell(cell: ExcelJS.Cell, c: CellWrite, table: { header: number; end: number }, lock: boolean) {
  const v = c.content;
  if (isFormula(v)) cell.value = { formula: v.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  else if (v !== undefined) cell.value = v;
  if (c.style) cell.style = xlsxStyle(STYLES[c.style], c.row >= table.header && c.row <= table.end);
  if (c.style && lock) cell.protection = { locked: isLocked(c.style) };
  if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
}

/** A sheet protected without a password is unprotected; one with a password refuses the write. */
function unprotect(ws: ExcelJS.Worksheet) {
  const p = (
    ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string; password?: string } }
  ).sheetProtection;
  if (p?.sheet && (p.hashValue || p.password))
    throw new HostError({ reason: "sheetProtected", sheet: ws.name, action: "写入" });
  ws.unprotect();
}

/** PROTECTION in ExcelJS's words (its protect() is synchronous without a password, despite the Promise). */
function protect(ws: ExcelJS.Worksheet) {
  void ws.protect("", {
    autoFilter: PROTECTION.allowAutoFilter,
    formatCells: PROTECTION.allowFormatCells,
    formatColumns: PROTECTION.allowFormatColumns,
    formatRows: PROTECTION.allowFormatRows,
    selectLockedCells: true,
    selectUnlockedCells: true,
  });
}

/**
 * The title block (rows above the header) reads as a form, not a grid: a label followed by its count (状态统计) is
 * right-aligned against it, a count left-aligned after it, a label too wide for its column beside a filled one
 * shrinks to fit, and merged notes wrap.
 */
function dressTitleBlock(ws: ExcelJS.Worksheet, plan: WritePlan, header: number) {
  const at = new Map(plan.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const widths = new Map((plan.columns ?? []).map((c) => [c.col, c.width ?? 9]));
  const mergedAt = new Set((plan.merges ?? []).map((m) => `${parseRange(m).r1}:${parseRange(m).c1}`));
  const isCount = (c: CellWrite | undefined) => !!c && (c.style === "number" || isFormula(c.content));
  const filled = (c: CellWrite | undefined) => !!c && c.content !== undefined && c.content !== null;
  for (const c of plan.cells) {
    if (c.row >= header || !c.style) continue;
    const cell = ws.getCell(c.row + 1, c.col + 1);
    const next = at.get(`${c.row}:${c.col + 1}`);
    if (c.style === "meta") {
      if (isCount(next)) cell.alignment = { vertical: "middle", horizontal: "right" };
      else if (filled(next) && displayWidth(String(c.content ?? "")) > (widths.get(c.col) ?? Infinity))
        cell.alignment = { vertical: "middle", shrinkToFit: true };
    } else if (["text", "number", "derived", "quote", "note"].includes(c.style)) {
      cell.alignment = isCount(c)
        ? { vertical: "middle", horizontal: "left", indent: 1 }
        : { vertical: "middle", wrapText: mergedAt.has(`${c.row}:${c.col}`) };
    }
  }
}

/** Data validation on every cell of a range: the number range, its input message and a stop alert. */
function validate(ws: ExcelJS.Worksheet, range: string, v: InputValidation) {
  const { r1, c1, r2, c2 } = parseRange(range);
  for (let r = r1; r <= r2; r++)
    for (let c = c1; c <= c2; c++)
      ws.getCell(r + 1, c + 1).dataValidation = {
        type: v.type,
        operator: "between",
        allowBlank: true,
        formulae: [v.min, v.max],
        showInputMessage: true,
        promptTitle: v.prompt.title,
        prompt: v.prompt.text,
        showErrorMessage: true,
        errorStyle: "stop", // written verbatim into the file (OOXML: stop, warning, information)
        errorTitle: v.error.title,
        error: v.error.text,
      };
}

function conditional(cf: ConditionalFormat): ExcelJS.ConditionalFormattingOptions {
  const { rule } = cf;
  if (rule.type === "textEquals" || rule.type === "textBegins") {
    const anchor = /^([A-Z]+)(\d+)/.exec(cf.range);
    if (!anchor) throw new Error(`无效的区域:${cf.range}`);
    const at = `$${anchor[1]}${anchor[2]}`;
    const text = formulaText(rule.text);
    return {
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: 0, // assigned in order by ExcelJS
          formulae: [
            rule.type === "textEquals" ? `${at}=${text}` : `LEFT(${at},${rule.text.length})=${text}`,
          ],
          style: { fill: solid(rule.fill), font: { color: { argb: argb(rule.font) } } },
        },
      ],
    };
  }
  // Solid bars (Excel 2010 x14 extension, with the 2007 rule as fallback): length exactly proportional to 0…1.
  // ExcelJS's gradient (2007-only) variant writes an empty x14:id reference, so it is not used.
  const bar = {
    type: "dataBar",
    priority: 0,
    gradient: false,
    cfvo: [
      { type: "num", value: rule.min },
      { type: "num", value: rule.max },
    ],
    color: { argb: argb(rule.color) },
  } as unknown as ExcelJS.DataBarRuleType;
  return { ref: cf.range, rules: [bar] };
}

function frozen(f: { rows: number; columns: number }): Partial<ExcelJS.WorksheetView> {
  return { state: "frozen", xSplit: f.columns, ySplit: f.rows, topLeftCell: a1(f.rows, f.columns) };
}

function printSetup(ws: ExcelJS.Worksheet, p: NonNullable<WritePlan["print"]>) {
  ws.pageSetup = {
    paperSize: 9, // A4, the paper of every office the sheets go to
    orientation: p.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: 0,
    printArea: exceljsArea(p.area),
    printTitlesRow: p.titleRows,
    horizontalCentered: true,
    firstPageNumber: 1, // numbered from 1 even when printed with the workbook's other sheets
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  // The odd footer is every page's while differentOddEven is off (an evenFooter alone is ignored, or worse).
  if (p.footer) ws.headerFooter = { oddFooter: `&C${p.footer}` };
}

/**
 * Row heights, estimated for 宋体: the title and header rows 30 pt; rows above the header fit their merged notes
 * (one line needs none); rows of the table and below fit their wrapped texts, as shown.
 */
function fitRows(ws: ExcelJS.Worksheet, meta: SheetMeta) {
  const mergedWidth = new Map<string, number>();
  for (const m of meta.merges) {
    const r = parseRange(m);
    let w = 0;
    for (let c = r.c1; c <= r.c2; c++) w += ws.getColumn(c + 1).width ?? 9;
    mergedWidth.set(`${r.r1}:${r.c1}`, w);
  }
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (meta.tall.has(r)) {
      row.height = 30;
      return;
    }
    let lines = 1;
    row.eachCell((cell, colNumber) => {
      const text = shown(cell);
      if (cell.master !== cell) return; // inside a merge: ExcelJS shows the top-left cell's value there too
      if (typeof text !== "string" || !cell.alignment?.wrapText) return;
      const merged = mergedWidth.get(`${r}:${colNumber - 1}`);
      const width = merged ?? (r < meta.header ? 0 : (ws.getColumn(colNumber).width ?? 9));
      if (!width) return; // title block: unmerged text runs over empty neighbours
      const size = cell.font?.size ?? BODY_SIZE;
      lines = Math.max(lines, linesFor(text, width, size) * (size / BODY_SIZE));
    });
    const h = r < meta.header ? noteRowHeight(lines) : Math.ceil(lines) * LINE_HEIGHT + 4;
    if (h) row.height = h;
  });
}
