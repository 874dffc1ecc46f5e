// Recognising a progress sheet this add-in wrote and planning its refresh. Pure: no Office, no I/O.
//
// What is ours: the marker / plan id / data version in the hidden id column (found by the marker, not by position),
// the header row (the row whose id-column cell is 目标ID), our columns (recognised by their header titles), the
// title-block rows (recognised by their labels), and the data rows (recognised by the target id in the id column).
// Everything else is the user's: columns with other titles, rows without an id, cells below or right of the table.
//
// How a refresh keeps user content: it never rewrites a user cell nor an input cell (实际值, 基期值 where it is an
// input, 备注, 评估年份, the 进度比分档下限 beside it) of an existing row. Rows stay where they are; a target added to the data gets a row inserted
// after the table (Excel shifts user rows below it down, adjusting their formulas); a missing column of ours is
// inserted (user columns shift right). Only the plan data and the formulas of our rows are rewritten, by target id.
//
// Data changes (the bundled data differs from what the sheet shows) are applied only when confirmed:
//   - confirmed: changed cells are rewritten, new targets get rows, and a target removed from the data keeps its
//     row in place, marked 已删除目标 (id column "已删除目标:<id>", derived cells cleared), with its inputs untouched;
//     a typed 基期值 replaced by a baseline the data now gives is kept in the 备注 ("原基期值:…").
//   - not confirmed ("不应用,仅刷新"): rows with changes and removed targets are left exactly as they are (old plan
//     data, old formulas), new targets are not added, the sheet keeps its old data version; everything else
//     (formulas, formats, year, counts) is refreshed. So nothing the statistician sees changes without consent.
import { progressCharts } from "../core/sheet/charts";
import { nameFor } from "../core/resolve/matching";
import type { Catalog, CatalogTarget } from "../core/catalog/catalog";
import {
  buildProgressSheet,
  colLetter,
  COLUMNS,
  historyYearOf,
  isPickFormula,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetStatus,
  THRESHOLD_CELLS,
  THRESHOLD_NOTE_COLUMN,
  type ColumnKey,
  type LayoutCell,
  type LayoutColumn,
  type YearKey,
  yearKey,
  type ProgressSheetLayout,
  type ThresholdValues,
} from "../core/sheet/layout";
import { PACE, SHEET_STATUS_ORDER, type SheetStatus } from "../core/method/methodology";
import { isYear } from "../core/method/years";
import { type DataChange } from "../services/service";
import { HostError } from "../workbook/errors";
import {
  absoluteA1,
  parseRange,
  rangeA1,
  type CellValue,
  type CellWrite,
  type Grid,
  type SheetContent,
  type StructureOp,
  type WritePlan,
} from "../workbook/workbook";

/** Id-column text of a row whose target was removed from the data. */
export const DELETED_PREFIX = "已删除目标:";
export const DELETED_LABEL = "已删除目标";
const ID_RE = /^[a-z0-9_.-]+$/;
/** How far from the top the marker is looked for, and how far below it the header. */
const SCAN_ROWS = 30;

type TitleKey = "title" | "region" | "year" | "version" | "counts";
/** Title-block rows in canonical order (layout rows 1–5). */
const TITLE_KEYS: TitleKey[] = ["title", "region", "year", "version", "counts"];
/** Labels in the 序号 column that identify the title-block rows (the title row holds the marker). */
const TITLE_LABELS: Record<Exclude<TitleKey, "title">, string> = {
  region: "地区",
  year: "评估年份",
  version: "数据版本",
  counts: "状态统计",
};
const CANON_HEADER = SHEET.headerRow - 1;
const CANON_FIRST_DATA = SHEET.firstDataRow - 1;
/** A column of ours: one of the table's, or a year of the history block. */
type SheetKey = ColumnKey | YearKey;
const isYearKey = (k: SheetKey): k is YearKey => /^y\d{4}$/.test(k);
/** Canonical (layout) index of each column of a layout. */
const canonColumns = (layout: ProgressSheetLayout) =>
  new Map<SheetKey, number>(layout.columns.map((c, i) => [c.key, i]));
/** Columns holding plan data: compared on refresh, a difference is a DataChange. */
const DATA_COLUMNS: ColumnKey[] = [
  "indicator",
  "subject",
  "unit",
  "baseYear",
  "baseline",
  "targetYear",
  "target",
  "kind",
  "source",
];
export const DERIVED_COLUMNS: ColumnKey[] = [
  "elapsed",
  "completion",
  "expected",
  "variance",
  "requiredRate",
  "status",
  "forecast",
  "outlook",
];
/** The 评估年份 row's threshold cells (labels, values, their note): the user's once they hold anything else. */
const THRESHOLD_COLUMNS = new Set<ColumnKey>([
  ...THRESHOLD_CELLS.flatMap((c) => [c.label, c.value]),
  THRESHOLD_NOTE_COLUMN,
]);
const TITLE_OF = new Map(COLUMNS.map((c) => [c.key, c.title]));
const KEY_OF_TITLE = new Map(COLUMNS.map((c) => [c.title, c.key]));

const cellAt = (g: Grid, r: number, c: number): CellValue => g[r]?.[c] ?? null;
const isEmpty = (v: CellValue | undefined) =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const asNumber = (v: CellValue): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const asText = (v: CellValue): string => (v === null ? "" : String(v).trim());

/** What a sheet of ours looks like, as found. */
export interface SheetAnalysis {
  planId: string;
  dataVersion: string;
  markerRow: number;
  idCol: number;
  /** -1 when the header row was not found. */
  header: number;
  /** Columns of ours by key, the history block's years included. */
  cols: Map<SheetKey, number>;
  titleRows: Map<TitleKey, number>;
  /** Live target rows: target id → row (first occurrence). */
  live: Map<string, number>;
  /** Rows marked 已删除目标 by an earlier refresh: row → old target id. */
  deleted: Map<number, string>;
  /** Later rows repeating an id (a copied row): they become the user's rows. */
  duplicates: number[];
  /** The last row that is ours (data or deleted), or the header row. */
  lastRow: number;
  /** The 评估年份 cell's value, if it is a plausible year. */
  year: number | null;
  /** Whether the 评估年份 cell is blank (then a refresh fills it in). */
  yearBlank: boolean;
}

/** Recognise a sheet this add-in wrote; null if it carries no marker. */
export function analyseSheet(values: Grid): SheetAnalysis | null {
  let markerRow = -1;
  let idCol = -1;
  for (let r = 0; r < Math.min(values.length, SCAN_ROWS) && markerRow < 0; r++) {
    const c = (values[r] ?? []).findIndex((v) => typeof v === "string" && v.trim() === SHEET.marker);
    if (c >= 0) [markerRow, idCol] = [r, c];
  }
  if (markerRow < 0) return null;

  let header = -1;
  for (let r = markerRow + 1; r < Math.min(values.length, markerRow + SCAN_ROWS); r++)
    if (asText(cellAt(values, r, idCol)) === TITLE_OF.get("id")) {
      header = r;
      break;
    }
  const cols = new Map<SheetKey, number>();
  if (header >= 0)
    (values[header] ?? []).forEach((v, c) => {
      const year = historyYearOf(asText(v));
      const key = year === null ? KEY_OF_TITLE.get(asText(v)) : yearKey(year);
      if (key && key !== "id" && !cols.has(key)) cols.set(key, c);
    });
  cols.set("id", idCol);

  const seqCol = cols.get("seq") ?? 0;
  const titleRows = new Map<TitleKey, number>([["title", markerRow]]);
  const end = header >= 0 ? header : Math.min(values.length, markerRow + SCAN_ROWS);
  for (let r = markerRow + 1; r < end; r++) {
    const label = asText(cellAt(values, r, seqCol));
    for (const [k, l] of Object.entries(TITLE_LABELS) as [TitleKey, string][])
      if (label === l && !titleRows.has(k)) titleRows.set(k, r);
  }
  const planId = asText(cellAt(values, titleRows.get("region") ?? markerRow + 1, idCol));
  const dataVersion = asText(cellAt(values, titleRows.get("year") ?? markerRow + 2, idCol));
  const yearRaw =
    titleRows.has("year") && cols.has("subject")
      ? cellAt(values, titleRows.get("year")!, cols.get("subject")!)
      : null;
  const yr = asNumber(yearRaw);
  const year = isYear(yr) ? yr : null;

  const live = new Map<string, number>();
  const deleted = new Map<number, string>();
  const duplicates: number[] = [];
  let lastRow = header;
  if (header >= 0)
    for (let r = header + 1; r < values.length; r++) {
      const v = cellAt(values, r, idCol);
      if (typeof v !== "string") continue;
      const id = v.trim();
      if (id.startsWith(DELETED_PREFIX)) deleted.set(r, id.slice(DELETED_PREFIX.length));
      else if (!ID_RE.test(id)) continue;
      else if (live.has(id)) duplicates.push(r);
      else live.set(id, r);
      lastRow = r;
    }
  return {
    planId,
    dataVersion,
    markerRow,
    idCol,
    header,
    cols,
    titleRows,
    live,
    deleted,
    duplicates,
    lastRow,
    year,
    yearBlank: isEmpty(yearRaw),
  };
}

/**
 * Where an actual of the sheet's 评估年份 is typed: that year's cell of the history block (实际值 picks it), else
 * 实际值 itself (a sheet of an earlier version, or a year outside the block).
 */
export function actualInputColumn(a: SheetAnalysis): number | undefined {
  return (a.year === null ? undefined : a.cols.get(yearKey(a.year))) ?? a.cols.get("actual");
}

export interface PlanOptions {
  /** Write this 评估年份; otherwise the sheet's own is kept (a blank or invalid one becomes defaultYear). */
  year?: number;
  defaultYear: number;
  applyDataChanges: boolean;
}

export interface SheetPlan {
  sheetName: string;
  planId: string;
  year: number;
  write: WritePlan;
  /** Differences between the sheet's plan data and the bundled data (empty for a new sheet). */
  dataChanges: DataChange[];
  /** Whether the data changes are written by this plan. */
  dataApplied: boolean;
  /** Non-empty input cells and user cells that the refresh keeps. */
  preservedInputs: number;
  /** Live target rows after the write. */
  liveRows: number;
  /** The status each live row shows after the write (computed by the methodology, or as read for rows left as they are). */
  statuses: SheetStatus[];
  /** Targets removed from the data whose rows are kept (marked 已删除目标 when applied). */
  removed: string[];
}

/** Positions along one axis, shifted by insertions. */
class Axis<K extends string> {
  readonly inserts: { at: number; count: number }[] = [];
  constructor(readonly pos: Map<K, number>) {}
  insert(at: number, count: number) {
    this.inserts.push({ at, count });
    for (const [k, p] of this.pos) if (p >= at) this.pos.set(k, p + count);
  }
  /** Where an original index ends up after the insertions. */
  shift(i: number): number {
    for (const { at, count } of this.inserts) if (i >= at) i += count;
    return i;
  }
  get(k: K): number {
    const p = this.pos.get(k);
    if (p === undefined) throw new Error(`no position for ${k}`);
    return p;
  }
}

/** Rows of ours: the title block, the header, a target's row, a row marked 已删除目标, the last row of ours. */
type RowKey = TitleKey | "header" | "last" | `id:${string}` | `old:${number}`;
const idRow = (id: string): RowKey => `id:${id}`;

/** Plan the content of a new progress sheet (nothing of the user's to keep). */
export function planNewSheet(catalog: Catalog, planId: string, sheetName: string, year: number): SheetPlan {
  return planSheet(catalog, planId, sheetName, null, { year, defaultYear: year, applyDataChanges: true });
}

/** Plan a new progress sheet showing a given layout (the CLI's, named and possibly adjusted by its caller). */
export function planLayoutSheet(catalog: Catalog, layout: ProgressSheetLayout): SheetPlan {
  const opts = { year: layout.year, defaultYear: layout.year, applyDataChanges: true };
  return planSheet(catalog, layout.planId, layout.sheetName, null, opts, layout);
}

/** Plan the refresh of an existing sheet of ours. Throws HostError when the sheet cannot be refreshed. */
export function planRefresh(catalog: Catalog, content: SheetContent, opts: PlanOptions): SheetPlan {
  const a = analyseSheet(content.values);
  if (!a) throw new HostError({ reason: "notProgressSheet", sheet: content.name, action: "刷新" });
  if (a.header < 0) throw new HostError({ reason: "headerLost", sheet: content.name });
  if (!catalog.planById(a.planId))
    throw new HostError({ reason: "planNotBundled", sheet: content.name, planId: a.planId });
  return planSheet(
    catalog,
    a.planId,
    content.name,
    { a, values: content.values, formulas: content.formulas },
    opts,
  );
}

interface Existing {
  a: SheetAnalysis;
  values: Grid;
  formulas: Grid;
}

/** A new sheet, as a sheet of ours with nothing in it: every column and title row in its canonical place. */
function emptySheet(planId: string, layout: ProgressSheetLayout): Existing {
  const a: SheetAnalysis = {
    planId,
    dataVersion: "",
    markerRow: 0,
    idCol: COLUMNS.findIndex((c) => c.key === "id"),
    header: CANON_HEADER,
    cols: canonColumns(layout),
    titleRows: new Map(TITLE_KEYS.map((k, i) => [k, i])),
    live: new Map(),
    deleted: new Map(),
    duplicates: [],
    lastRow: CANON_HEADER,
    year: null,
    yearBlank: true,
  };
  return { a, values: [], formulas: [] };
}

/** What every step of a plan reads: the sheet as found, the layout it should show, the options. */
interface PlanContext {
  catalog: Catalog;
  create: boolean;
  ex: Existing;
  opts: PlanOptions;
  layout: ProgressSheetLayout;
  targets: CatalogTarget[];
  byId: Map<string, CatalogTarget>;
  /** Canonical layout row (0-based) of each target. */
  canonRowOf: Map<string, number>;
  /** Canonical layout column (0-based) of each column. */
  canonColOf: Map<SheetKey, number>;
}

const layoutCell = (cx: PlanContext, canonRow: number, k: SheetKey): LayoutCell =>
  cx.layout.rows[canonRow][cx.canonColOf.get(k) ?? -1];

function planSheet(
  catalog: Catalog,
  planId: string,
  sheetName: string,
  found: Existing | null,
  opts: PlanOptions,
  given?: ProgressSheetLayout,
): SheetPlan {
  const targets = planTargets(catalog, planId);
  const year = opts.year ?? found?.a.year ?? opts.defaultYear;
  const layout = given ?? buildProgressSheet(catalog, planId, { year });
  const ex = found ?? emptySheet(planId, layout);
  const cx: PlanContext = {
    catalog,
    create: found === null,
    ex,
    opts,
    layout,
    targets,
    byId: new Map(targets.map((t) => [t.id, t])),
    canonRowOf: new Map(layout.targetIds.map((id, i) => [id, CANON_FIRST_DATA + i])),
    canonColOf: canonColumns(layout),
  };
  const structure: StructureOp[] = [];
  const cols = planColumns(cx, structure);
  const rows = planRows(cx, structure);
  const cls = classifyTargets(cx);
  placeAddedRows(cx, cls.added, rows, structure);
  const w = writer(cx, cols.axis, rows, cls);
  writeTitleBlock(w);
  const statuses = writeDataRows(w);
  writeRemovedRows(w);
  // A copied row repeats an id: it becomes the user's row (its id cleared), so every id appears once.
  for (const r of ex.a.duplicates) w.cells.push({ row: rows.shift(r), col: w.C("id"), content: null });

  return {
    sheetName,
    planId,
    year,
    write: {
      sheet: sheetName,
      ...(cx.create ? { create: true } : {}),
      structure,
      ...sheetFormat(w, cols.inserted),
      cells: w.cells,
      validations: w.validations,
      // Charts on a new sheet only: an existing sheet keeps the user's charts (Excel moves their ranges with rows).
      ...(cx.create ? { charts: progressCharts(layout.targetIds.length, layout.columns.length) } : {}),
      activate: true,
    },
    dataChanges: cls.dataChanges,
    dataApplied: cls.apply,
    preservedInputs: cx.create ? 0 : countPreserved(ex, cx.byId, layout, opts),
    liveRows: w.liveIds.length,
    statuses,
    removed: cls.removed,
  };
}

/** Columns: ours where the header says; a missing one is inserted next to its canonical neighbours. */
function planColumns(cx: PlanContext, structure: StructureOp[]) {
  const axis = new Axis<SheetKey>(new Map(cx.ex.a.cols));
  const inserted: number[] = [];
  const specs = cx.layout.columns;
  specs.forEach((spec, ci) => {
    if (axis.pos.has(spec.key)) return;
    const after = specs.slice(ci + 1).flatMap((s) => (axis.pos.has(s.key) ? [axis.get(s.key)] : []));
    const before = specs.slice(0, ci).flatMap((s) => (axis.pos.has(s.key) ? [axis.get(s.key)] : []));
    const at = after.length ? Math.min(...after) : before.length ? Math.max(...before) + 1 : ci;
    structure.push({ kind: "insertColumns", at, count: 1 });
    axis.insert(at, 1);
    inserted.forEach((c, i) => c >= at && (inserted[i] = c + 1));
    inserted.push(at);
    axis.pos.set(spec.key, at);
  });
  return { axis, inserted };
}

/** Rows of ours as found; a title-block row the user deleted is inserted again before the next one present. */
function planRows(cx: PlanContext, structure: StructureOp[]): Axis<RowKey> {
  const { a } = cx.ex;
  const pos = new Map<RowKey, number>(a.titleRows);
  pos.set("header", a.header);
  for (const [id, r] of a.live) pos.set(idRow(id), r);
  for (const r of a.deleted.keys()) pos.set(`old:${r}`, r);
  pos.set("last", a.lastRow);
  const rows = new Axis(pos);
  const order: RowKey[] = [...TITLE_KEYS, "header"];
  order.forEach((k, i) => {
    if (rows.pos.has(k)) return;
    const at = rows.get(order.slice(i + 1).find((n) => rows.pos.has(n))!);
    structure.push({ kind: "insertRows", at, count: 1 });
    rows.insert(at, 1);
    rows.pos.set(k, at);
  });
  return rows;
}

interface Classified {
  kept: string[];
  removed: string[];
  /** Rows whose plan data differ from the bundled data. */
  changedRows: Set<string>;
  /** Typed 基期值 a baseline of the data replaces: kept in the 备注. */
  baselineKept: Map<string, CellValue>;
  dataChanges: DataChange[];
  /** Whether the data changes are written. */
  apply: boolean;
  /** Targets that get a new row. */
  added: CatalogTarget[];
}

/** Which targets get which treatment: kept, removed from the data, missing from the sheet; the data changes. */
function classifyTargets(cx: PlanContext): Classified {
  const { a, values } = cx.ex;
  const versionSame = !cx.create && a.dataVersion === cx.catalog.version;
  const existingIds = [...a.live.keys()];
  const kept = existingIds.filter((id) => cx.byId.has(id));
  const removed = existingIds.filter((id) => !cx.byId.has(id));
  const missing = cx.targets.filter((t) => !a.live.has(t.id));
  const dataChanges: DataChange[] = [];
  const changedRows = new Set<string>();
  const baselineKept = new Map<string, CellValue>();
  for (const id of kept) {
    const t = cx.byId.get(id)!;
    const r = a.live.get(id)!;
    for (const k of DATA_COLUMNS) {
      if (k === "baseline" && needsBaselineInput(t)) continue; // an input cell: the user's
      const c = a.cols.get(k);
      if (c === undefined) continue; // a re-inserted column: nothing to compare
      const old = cellAt(values, r, c);
      const now = layoutCell(cx, cx.canonRowOf.get(id)!, k).value ?? null;
      if (same(old, now)) continue;
      changedRows.add(id);
      dataChanges.push(change(t, TITLE_OF.get(k)!, old, now));
      if (k === "baseline" && !isEmpty(old)) baselineKept.set(id, old);
    }
  }
  // A missing row is a data change only when the data version changed (else the user deleted it: restore it).
  if (!cx.create && !versionSame)
    for (const t of missing)
      dataChanges.push(
        change(t, "新增目标", null, layoutCell(cx, cx.canonRowOf.get(t.id)!, "kind").value ?? null),
      );
  for (const id of removed) dataChanges.push(removedChange(cx.ex, id));
  const apply = cx.create || cx.opts.applyDataChanges || dataChanges.length === 0;
  const added = apply || versionSame ? missing : [];
  return { kept, removed, changedRows, baselineKept, dataChanges, apply, added };
}

/** The data change of a target removed from the data, in the words its row shows. */
function removedChange({ a, values }: Existing, id: string): DataChange {
  const r = a.live.get(id)!;
  const txt = (k: ColumnKey) => {
    const c = a.cols.get(k);
    return c === undefined ? "" : asText(cellAt(values, r, c));
  };
  const quote = /“(.*)”/.exec(txt("source"))?.[1] ?? txt("source");
  return {
    targetId: id,
    indicator: txt("indicator"),
    subject: txt("subject"),
    field: "删除目标",
    old: txt("kind") || null,
    new: null,
    quote,
  };
}

/** New rows go right after the last row of ours: the user's rows below move down by as many. */
function placeAddedRows(
  cx: PlanContext,
  added: CatalogTarget[],
  rows: Axis<RowKey>,
  structure: StructureOp[],
) {
  if (!added.length) return;
  const at = rows.get("last") + 1;
  if (!cx.create) structure.push({ kind: "insertRows", at, count: added.length });
  rows.insert(at, added.length);
  added.forEach((t, i) => rows.pos.set(idRow(t.id), at + i));
}

/** Where the plan writes: positions, the cells and validations written so far, and how a layout cell is put. */
interface Writer {
  cx: PlanContext;
  cls: Classified;
  cols: Axis<SheetKey>;
  rows: Axis<RowKey>;
  C: (k: SheetKey) => number;
  R: (k: RowKey) => number;
  mapRow: (canon: number) => number;
  mapCol: (canon: number) => number;
  /** Live rows after the write, top to bottom: written from the data, or left as they are. */
  liveIds: string[];
  dataTop: number;
  dataBottom: number;
  /** The last row of ours after the write. */
  lastOurs: number;
  cells: CellWrite[];
  validations: NonNullable<WritePlan["validations"]>;
  /** Write a layout cell: its content where `content`, its format and style always. */
  put: (row: number, col: number, cell: LayoutCell, content: boolean) => void;
}

function writer(cx: PlanContext, cols: Axis<SheetKey>, rows: Axis<RowKey>, cls: Classified): Writer {
  const C = (k: SheetKey) => cols.get(k);
  const R = (k: RowKey) => rows.get(k);
  const liveIds = [...(cls.apply ? cls.kept : cx.ex.a.live.keys()), ...cls.added.map((t) => t.id)].sort(
    (x, y) => R(idRow(x)) - R(idRow(y)),
  );
  const liveRows = liveIds.map((id) => R(idRow(id)));
  const dataTop = liveRows.length ? Math.min(...liveRows) : R("header") + 1;
  const dataBottom = liveRows.length ? Math.max(...liveRows) : R("header") + 1;
  const lastOurs = Math.max(dataBottom, R("last"));

  // Formula references: canonical layout positions → where things are in this sheet.
  const mapRow = (canon: number): number => {
    if (canon < CANON_HEADER) return R(TITLE_KEYS[canon]);
    if (canon === CANON_HEADER) return R("header");
    return R(idRow(cx.layout.targetIds[canon - CANON_FIRST_DATA]));
  };
  const mapCol = (canon: number) => C(cx.layout.columns[canon].key);
  const letters = columnLetters(mapCol, cx.layout.columns);
  const remap = (f: string) => remapFormula(f, mapRow, letters, [dataTop, dataBottom]);

  const cells: CellWrite[] = [];
  const validations: Writer["validations"] = [];
  // An input cell left as it is keeps its number format too: a percent or date format that typing gave it is
  // what its row's formulas refuse (resetting it to General would let 0.021 pass as 0.021 %).
  const put = (row: number, col: number, cell: LayoutCell, content: boolean) => {
    cells.push({
      row,
      col,
      ...(content ? { content: cell.formula ? { formula: remap(cell.formula) } : (cell.value ?? null) } : {}),
      ...(content || cell.style !== "input" ? { numFmt: cell.numFmt ?? "General" } : {}),
      style: cell.style ?? "text",
    });
    if (cell.validation) validations.push({ range: rangeA1(row, col, row, col), rule: cell.validation });
  };
  return {
    cx,
    cls,
    cols,
    rows,
    C,
    R,
    mapRow,
    mapCol,
    liveIds,
    dataTop,
    dataBottom,
    lastOurs,
    cells,
    validations,
    put,
  };
}

/** Is the year cell written (asked to, or blank)? Otherwise it is the user's: text typed into it is kept. */
const yearWritten = (cx: PlanContext) => cx.opts.year !== undefined || cx.ex.a.yearBlank;

/** A cell of the 评估年份 row as found (null where the sheet has no such row or column). */
function yearRowCell({ a, values }: Existing, k: SheetKey): CellValue {
  const [r, c] = [a.titleRows.get("year"), a.cols.get(k)];
  return r === undefined || c === undefined ? null : cellAt(values, r, c);
}

/**
 * Is a threshold cell (label, value, note) the user's: holding anything but what the layout writes there? A set
 * threshold (1.1, text, a formula's result) is kept; a blank cell (or a sheet of an earlier version) gets ours.
 */
const usersThresholdCell = (found: CellValue, cell: LayoutCell) => !isEmpty(found) && found !== cell.value;

/** The thresholds the formulas will see after the write: those kept, the defaults written where blank. */
function shownThresholds(ex: Existing): ThresholdValues {
  const shown = THRESHOLD_CELLS.map(({ key, value }) => {
    const found = yearRowCell(ex, value);
    return [key, isEmpty(found) ? PACE[key] : found] as const;
  });
  return Object.fromEntries(shown) as ThresholdValues;
}

/** Title block and header: only the cells the layout fills (the others may hold the user's notes). */
function writeTitleBlock(w: Writer) {
  const { cx } = w;
  TITLE_KEYS.forEach((key, canon) =>
    cx.layout.columns.forEach((spec, ci) => {
      const cell = cx.layout.rows[canon][ci];
      if (cell.value === undefined && cell.formula === undefined) return;
      const isYear = key === "year" && spec.key === "subject";
      const isVersion = (key === "year" && spec.key === "id") || (key === "version" && ci === 2);
      const isThreshold = key === "year" && THRESHOLD_COLUMNS.has(spec.key as ColumnKey);
      const content = isYear
        ? yearWritten(cx)
        : isVersion
          ? w.cls.apply
          : !isThreshold || !usersThresholdCell(yearRowCell(cx.ex, spec.key), cell);
      w.put(w.R(key), w.C(spec.key), cell, content);
    }),
  );
  cx.layout.columns.forEach((spec, ci) =>
    w.put(w.R("header"), w.C(spec.key), cx.layout.rows[CANON_HEADER][ci], true),
  );
}

/** Data rows: plan data and formulas rewritten, inputs kept; the status each row will show. */
function writeDataRows(w: Writer): SheetStatus[] {
  const { cx, cls } = w;
  const { a, values, formulas } = cx.ex;
  // The year the formulas will see: the one written, or the sheet's own (text typed there is kept).
  const shownYear: CellValue = yearWritten(cx)
    ? cx.layout.year
    : cellAt(values, a.titleRows.get("year") ?? -1, a.cols.get("subject") ?? -1);
  const thresholds = shownThresholds(cx.ex);
  const asIs = new Set<string>(cls.apply ? [] : [...cls.changedRows, ...cls.removed]);
  const statuses: SheetStatus[] = [];
  w.liveIds.forEach((id, i) => {
    const row = w.R(idRow(id));
    const t = cx.byId.get(id);
    const canon = cx.canonRowOf.get(id);
    const seq = i + 1;
    const old = a.live.get(id);
    if (asIs.has(id) || !t || canon === undefined) {
      // Left as it is (old plan data, old formulas): only renumbered; its status as read.
      w.cells.push({ row, col: w.C("seq"), content: seq });
      const sc = a.cols.get("status");
      const s = sc === undefined || old === undefined ? "" : asText(cellAt(values, old, sc));
      if ((SHEET_STATUS_ORDER as string[]).includes(s)) statuses.push(s as SheetStatus);
      return;
    }
    const typed = writeRowCells(w, t, canon, row, seq, old);
    const oldBaseline = cls.baselineKept.get(id);
    if (oldBaseline !== undefined && old !== undefined)
      appendNote(
        w.cells,
        values,
        formulas,
        old,
        a.cols.get("note"),
        row,
        w.C("note"),
        `原基期值:${oldBaseline}`,
      );
    const raw = (k: SheetKey) => {
      const c = a.cols.get(k);
      return old === undefined || c === undefined ? null : cellAt(values, old, c);
    };
    const yearly = new Map(cx.layout.historyYears.map((y) => [y, raw(yearKey(y))]));
    statuses.push(sheetStatus(t, typed, raw("baseline"), shownYear, yearly, thresholds));
  });
  return statuses;
}

/**
 * One data row's cells: plan data and formulas from the layout; inputs (yearly actuals, 备注, a typed 基期值) only in
 * a new row. A 实际值 typed over its formula (or in a sheet of an earlier version, where it was an input) is the
 * user's: kept, and styled as an input. Returns that typed 实际值 (undefined: the row picks the year's value).
 */
function writeRowCells(
  w: Writer,
  t: CatalogTarget,
  canon: number,
  row: number,
  seq: number,
  old: number | undefined,
): CellValue | undefined {
  const { cx } = w;
  const isInput = (k: SheetKey) =>
    isYearKey(k) || k === "note" || (k === "baseline" && needsBaselineInput(t));
  const typed = old === undefined ? undefined : typedActual(cx.ex, old);
  for (const spec of cx.layout.columns) {
    const cell =
      spec.key === "seq" ? { ...layoutCell(cx, canon, "seq"), value: seq } : layoutCell(cx, canon, spec.key);
    if (spec.key === "actual" && typed !== undefined)
      w.put(row, w.C("actual"), { ...cell, style: "input" }, false);
    else w.put(row, w.C(spec.key), cell, !isInput(spec.key) || old === undefined);
  }
  return typed;
}

/**
 * What was typed into a row's 实际值 cell: over the formula that picks the year's value, or in a sheet of an earlier
 * version, where 实际值 was an input. Undefined where the cell is blank or holds that formula.
 */
function typedActual({ a, values, formulas }: Existing, row: number): CellValue | undefined {
  const c = a.cols.get("actual");
  if (c === undefined) return undefined;
  const f = cellAt(formulas, row, c);
  if (typeof f === "string" && isPickFormula(f)) return undefined;
  const v = cellAt(values, row, c);
  return isEmpty(v) && !(typeof f === "string" && f.startsWith("=")) ? undefined : v;
}

/** Removed targets (applied): the row stays where it is, marked; its inputs and plan data are not touched. */
function writeRemovedRows(w: Writer) {
  if (!w.cls.apply) return;
  for (const id of w.cls.removed) {
    const row = w.R(idRow(id));
    w.cells.push({ row, col: w.C("seq"), content: "已删除", style: "hidden", numFmt: "General" });
    for (const k of DERIVED_COLUMNS)
      w.cells.push({
        row,
        col: w.C(k),
        content: k === "status" ? DELETED_LABEL : null,
        style: "hidden",
        numFmt: "General",
      });
    w.cells.push({ row, col: w.C("id"), content: `${DELETED_PREFIX}${id}`, style: "hidden" });
  }
}

/** Merges (skipped where the user has content inside), columns, conditional formats, freeze, print. */
function sheetFormat(w: Writer, insertedCols: number[]): Omit<WritePlan, "sheet" | "cells"> {
  const { cx, C, R, mapRow, mapCol } = w;
  const { layout, create } = cx;
  const merges = layout.merges
    .map((m) => remapRange(m, mapRow, mapCol))
    .filter((m) => mergeIsFree(m, cx.ex.values, w.cols, w.rows));
  const columns = layout.columns.flatMap((spec) => {
    const c = C(spec.key);
    const widen = create || insertedCols.includes(c);
    return widen || spec.hidden
      ? [{ col: c, ...(widen ? { width: spec.width } : {}), ...(spec.hidden ? { hidden: true } : {}) }]
      : [];
  });
  const cfCols: ColumnKey[] = ["status", "elapsed", "completion", "outlook"];
  // The layout's print area (its columns), from the title row down to the last row of ours.
  const printCols = parseRange(layout.print.area);
  const firstData = R("header") + 1;
  return {
    unmerge: create ? [] : [...merges, ...legacyMerges(cx.ex.a, w.rows, w.cols)],
    merges,
    columns,
    clearConditionalFormats: create
      ? []
      : cfCols.map((k) => rangeA1(firstData, C(k), Math.max(w.lastOurs, firstData), C(k))),
    conditionalFormats: layout.conditionalFormats.map((cf) => ({
      ...cf,
      range: remapRange(cf.range, mapRow, mapCol, [w.dataTop, w.dataBottom]),
    })),
    freeze: { rows: firstData, columns: C("indicator") + 1 },
    // A new sheet only: an existing one keeps the user's filter (Excel extends it over rows inserted inside).
    ...(create ? { autoFilter: layout.autoFilter } : {}),
    print: {
      landscape: layout.print.landscape,
      fitToWidth: layout.print.fitToWidth,
      titleRows: `${firstData}:${firstData}`,
      area: absoluteA1(rangeA1(R("title"), mapCol(printCols.c1), w.lastOurs, mapCol(printCols.c2))),
      footer: layout.print.footer,
    },
  };
}

/** Merges of older layouts that the current one no longer has: the status-count label once spanned A5:B5. */
function legacyMerges(a: SheetAnalysis, rows: Axis<RowKey>, cols: Axis<SheetKey>): string[] {
  const r = a.titleRows.get("counts");
  const [seq, ind] = [a.cols.get("seq"), a.cols.get("indicator")];
  if (r === undefined || seq === undefined || ind === undefined) return [];
  return [rangeA1(rows.shift(r), cols.shift(seq), rows.shift(r), cols.shift(ind))];
}

function change(t: CatalogTarget, field: string, old: CellValue, now: CellValue): DataChange {
  const v = (x: CellValue) => (typeof x === "boolean" ? String(x) : x);
  return {
    targetId: t.id,
    indicator: nameFor(t),
    subject: t.entity ?? t.regionDef.name,
    field,
    old: v(old),
    new: v(now),
    quote: t.quote,
  };
}

/** Equal as the sheet shows them: blanks alike, text trimmed, a number and its text alike. */
export function same(a: CellValue, b: CellValue): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return String(a).trim() === String(b).trim();
}

/** Append a line to the 备注 of a row, unless the note is a formula (then the old value is only reported). */
function appendNote(
  cells: CellWrite[],
  values: Grid,
  formulas: Grid,
  oldRow: number,
  oldCol: number | undefined,
  row: number,
  col: number,
  text: string,
) {
  const f = oldCol === undefined ? null : cellAt(formulas, oldRow, oldCol);
  if (typeof f === "string" && f.startsWith("=")) return;
  const note = oldCol === undefined ? "" : asText(cellAt(values, oldRow, oldCol));
  if (note.includes(text)) return;
  cells.push({ row, col, content: note ? `${note};${text}` : text });
}

/** Is every cell of a merge area (but its first) empty in the sheet as read? */
function mergeIsFree(m: string, values: Grid, cols: Axis<SheetKey>, rows: Axis<RowKey>): boolean {
  const { r1, c1, r2, c2 } = parseRange(m);
  for (let r = 0; r < values.length; r++)
    for (let c = 0; c < (values[r]?.length ?? 0); c++) {
      const [rr, cc] = [rows.shift(r), cols.shift(c)];
      if (rr < r1 || rr > r2 || cc < c1 || cc > c2 || (rr === r1 && cc === c1)) continue;
      if (!isEmpty(values[r][c])) return false;
    }
  return true;
}

/**
 * Count what a refresh keeps of the user's: non-empty input cells (实际值, typed 基期值, 备注, 评估年份 unless
 * replaced), everything in rows and columns that are not ours, title-block cells the layout leaves blank, and
 * threshold cells holding other than the layout's (a threshold set, a note in an earlier version's blank cell).
 */
function countPreserved(
  ex: Existing,
  byId: Map<string, CatalogTarget>,
  layout: ProgressSheetLayout,
  opts: PlanOptions,
): number {
  const { a, values } = ex;
  const keyOfCol = new Map([...a.cols].map(([k, c]) => [c, k]));
  const titleOfRow = new Map([...a.titleRows].map(([k, r]) => [r, k]));
  const targetRows = new Map<number, CatalogTarget | null>(
    [...a.live].map(([id, r]) => [r, byId.get(id) ?? null]),
  );
  for (const r of a.deleted.keys()) targetRows.set(r, null);
  const canon = canonColumns(layout);
  const isInput = (k: SheetKey, t: CatalogTarget | null, r: number) =>
    isYearKey(k) ||
    k === "note" ||
    (k === "actual" && typedActual(ex, r) !== undefined) ||
    (k === "baseline" && (!t || needsBaselineInput(t)));
  let n = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isEmpty(v)) return;
      const k = keyOfCol.get(c);
      const title = titleOfRow.get(r);
      if (!k) n++;
      else if (title) {
        const cell = layout.rows[TITLE_KEYS.indexOf(title)][canon.get(k) ?? -1] ?? {};
        const blank = cell.value === undefined && cell.formula === undefined;
        const keptYear = title === "year" && k === "subject" && opts.year === undefined;
        const threshold =
          title === "year" && THRESHOLD_COLUMNS.has(k as ColumnKey) && usersThresholdCell(v, cell);
        if (blank || keptYear || threshold) n++;
      } else if (r === a.header) return;
      else if (!targetRows.has(r)) n++;
      else if (isInput(k, targetRows.get(r) ?? null, r)) n++;
    }),
  );
  return n;
}

const REF =
  /(?<![A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(])/g;

/**
 * Rewrite the cell references of a layout formula from canonical positions to this sheet's. A range over data rows
 * (the COUNTIF of the status counts) covers [dataTop, dataBottom]. Text in quotes is left alone.
 * `letters` maps canonical column letters to this sheet's (computed once per sheet: formulas have many references).
 */
export function remapFormula(
  f: string,
  mapRow: (r: number) => number,
  letters: Map<string, string>,
  data: [number, number],
): string {
  const letter = (c: string) => letters.get(c) ?? c;
  const replace = (
    _m: string,
    d1: string,
    c1: string,
    d2: string,
    r1: string,
    d3?: string,
    c2?: string,
    d4?: string,
    r2?: string,
  ) => {
    const a = Number(r1) - 1;
    if (c2 === undefined) return `${d1}${letter(c1)}${d2}${mapRow(a) + 1}`;
    const b = Number(r2) - 1;
    // A column range over data rows (the status counts' COUNTIF) covers the data rows; a range within one row
    // (a row's history block) stays in its row.
    const overData = a >= CANON_FIRST_DATA && b >= CANON_FIRST_DATA && (a !== b || c1 === c2);
    const [top, bottom] = overData ? data : [mapRow(a), mapRow(b)];
    return `${d1}${letter(c1)}${d2}${top + 1}:${d3}${letter(c2)}${d4}${bottom + 1}`;
  };
  if (!f.includes('"')) return f.replace(REF, replace);
  return f
    .split('"')
    .map((part, i) => (i % 2 ? part : part.replace(REF, replace)))
    .join('"');
}

/** Canonical column letters → this sheet's letters. */
export function columnLetters(
  mapCol: (canon: number) => number,
  columns: readonly LayoutColumn[] = COLUMNS,
): Map<string, string> {
  return new Map(columns.map((_, i) => [colLetter(i), colLetter(mapCol(i))]));
}

function remapRange(
  range: string,
  mapRow: (r: number) => number,
  mapCol: (c: number) => number,
  data?: [number, number],
): string {
  const { r1, c1, r2, c2 } = parseRange(range);
  const span = data && r1 >= CANON_FIRST_DATA ? data : [mapRow(r1), mapRow(r2)];
  return rangeA1(span[0], mapCol(c1), span[1], mapCol(c2));
}
