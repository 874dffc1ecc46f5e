// Imported plans in the workbook: the host logic behind the pane's 导入规划 tab, over any Workbook (Office.js or
// in memory). Packs are stored in a veryHidden sheet (pack-store.ts's PACK_SHEET), so a colleague who opens
// the workbook with the add-in gets the same numbers; every import validates, installs a catalog of bundled +
// stored + new packs in the face's CatalogStore (importPacks), stores only what imported, and recalculates so
// that existing PLAN.* cells answer. At start-up it recalculates only when the packs (or the bundled data)
// differ from those the formulas were last computed with (the fingerprint the store records), and each stored
// pack is parsed and validated once per service (a session). Nothing is replaced silently: a pack whose id is
// stored already needs `replace`, and a store that no longer reads (edited by hand) is rewritten only with
// `discardDamaged`.
//
// The pack modules (zod schemas, table reader) and ExcelJS are loaded on first need (dynamic import, their own
// chunks): the start-up bundle does not grow, and the load at start-up runs after the pane is shown.
import { bundledCatalog, type Catalog } from "../core/catalog/catalog";
import type { CatalogStore } from "../core/catalog/store";
import { comparisonLabel } from "../core/catalog/labels";
import { YEARS } from "../core/method/years";
import type { Candidate } from "../core/extract";
import type { Conflict } from "../core/packs/pack-import";
import type { PlanPack } from "../core/packs/pack";
import type { PackCache } from "../sheet/pack-store";
import { HostError } from "../workbook/errors";
import {
  rangeA1,
  type CellValue,
  type CellWrite,
  type Grid,
  type SheetContent,
  type Workbook,
  type WritePlan,
} from "../workbook/workbook";

/** The sheet of the 规划目标 table (the template, and where extracted candidates go). */
export const TABLE_SHEET = "规划目标";
/** Rows of the template styled for input (yellow) and given year validation. */
const TEMPLATE_ROWS = 100;
/** How far down a user's table may start (title rows above the header). */
const HEADER_SEARCH_ROWS = 10;

const loadPackModules = async () => {
  const [pack, table, store, imports] = await Promise.all([
    import(/* webpackChunkName: "packs" */ "../core/packs/pack"),
    import(/* webpackChunkName: "packs" */ "../core/packs/pack-table"),
    import(/* webpackChunkName: "packs" */ "../sheet/pack-store"),
    import(/* webpackChunkName: "packs" */ "../core/packs/pack-import"),
  ]);
  return { ...pack, ...table, ...store, ...imports };
};
type PackModules = Awaited<ReturnType<typeof loadPackModules>>;

/** An imported plan as the pane lists it. */
export interface ImportedPlan {
  packId: string;
  packName: string;
  planId: string;
  name: string;
  /** 出处 as the user gave it. */
  source: string;
  /** Targets answered from it (conflicting ones were left out). */
  targets: number;
}

export interface ImportOptions {
  /** Replace the stored pack of the same id (the user confirmed). */
  replace?: boolean;
  /** Rewrite a store that no longer reads, dropping what cannot be read (the user confirmed). */
  discardDamaged?: boolean;
}

export type ImportOutcome =
  /** Stored; every face answers from it. Conflicting targets were left out. */
  | {
      kind: "imported";
      packs: { id: string; name: string }[];
      plans: ImportedPlan[];
      conflicts: Conflict[];
      warnings: string[];
      /** Regions and indicators taken as existing ones (益阳 is the bundled 益阳; 高企 is 高新技术企业). */
      notes: string[];
    }
  /** A pack removed from the workbook (and from every face). */
  | { kind: "removed"; pack: { id: string; name: string }; conflicts: Conflict[]; warnings: string[] }
  /** The input has errors (each naming its cell or JSON path); nothing imported. */
  | { kind: "invalid"; errors: string[]; warnings: string[] }
  /** importPacks refused it, or all its targets conflict; nothing stored. */
  | { kind: "failed"; errors: string[]; conflicts: Conflict[]; warnings: string[] }
  /** A pack of that id is stored: ask, then call again with `replace`. */
  | { kind: "exists"; packs: { id: string; name: string; storedName: string }[] }
  /** The store has packs that no longer read: ask, then call again with `discardDamaged`. */
  | { kind: "storeDamaged"; errors: string[] };

export interface LoadOutcome {
  plans: ImportedPlan[];
  conflicts: Conflict[];
  /** Store cells that no longer read, packs that no longer import. */
  errors: string[];
}

/** A row for the 规划目标 table, by column title. */
export type TableRow = Partial<Record<string, CellValue>>;

export interface LoadOptions {
  /**
   * Whether a PLAN.* call was answered in this session before the stored packs are imported: such answers
   * lacked them, so the load recalculates even when the packs did not change.
   */
  answeredBefore?: () => boolean;
}

export interface PackService {
  /**
   * At start-up: read the store, import what it holds, and recalculate when the packs (or the bundled data)
   * differ from those the formulas were last computed with; a workbook without a store is untouched.
   */
  loadStored(opts?: LoadOptions): Promise<LoadOutcome>;
  listImported(): Promise<ImportedPlan[]>;
  /** The 规划目标 table of `sheet` (default: the active sheet). */
  importFromSheet(sheet?: string, opts?: ImportOptions): Promise<ImportOutcome>;
  /** A pack file: .json, or .xlsx with a 规划目标 table (or a workbook that stores packs). */
  importFromFile(fileName: string, bytes: Uint8Array, opts?: ImportOptions): Promise<ImportOutcome>;
  removeImported(packId: string, opts?: Pick<ImportOptions, "discardDamaged">): Promise<ImportOutcome>;
  /** Write (or switch to) the blank 规划目标 table. */
  insertTableTemplate(): Promise<{ sheetName: string; created: boolean }>;
  /** Append rows below the 规划目标 table (creating it if needed); never over a user's row. */
  appendToTable(rows: TableRow[]): Promise<{ sheetName: string; firstRow: number; count: number }>;
}

/** What the store holds now, as read in the same batch as the import's input. */
interface StoreState {
  content: SheetContent | undefined;
  packs: PlanPack[];
  errors: string[];
  /** The fingerprint of the packs the formulas were last computed with ("" when none is recorded). */
  recorded: string;
}

/** What the operations below work with; the factory builds it once and each operation takes it. */
interface PackDeps {
  workbook: Workbook;
  /** Where imports install their catalog. */
  catalogs: CatalogStore;
  /** The pack modules, loaded on first need. */
  modules: () => Promise<PackModules>;
  /** The stored packs this service has read or written: each is parsed and validated once. */
  cache: PackCache;
  /** The bundled data's version (part of the fingerprint). */
  bundleVersion: () => string;
}

/** Imports install their catalog in `catalogs`: every face over that store answers from it. */
export function createPackService(workbook: Workbook, catalogs: CatalogStore): PackService {
  let mods: PackModules | null = null;
  const d: PackDeps = {
    workbook,
    catalogs,
    modules: async () => (mods ??= await loadPackModules()),
    cache: { byJson: new Map(), sums: new WeakMap() },
    bundleVersion: () => bundledCatalog().version,
  };
  return {
    loadStored: (opts) => loadStored(d, opts),
    listImported: async () => importedPlans(catalogs.current()),
    importFromSheet: (sheet, opts) => importFromSheet(d, sheet, opts),
    importFromFile: (fileName, bytes, opts) => importFromFile(d, fileName, bytes, opts),
    removeImported: (packId, opts) => removeImported(d, packId, opts),
    insertTableTemplate: () => insertTableTemplate(d),
    appendToTable: (rows) => appendToTable(d, rows),
  };
}

// ---- The store: read, import, write

const readStore = (d: PackDeps, m: PackModules, content: SheetContent | undefined): StoreState =>
  content
    ? {
        content,
        ...m.packsFromGrid(content.values, d.cache),
        recorded: m.recordedFingerprint(content.values),
      }
    : { content, packs: [], errors: [], recorded: "" };

/** The store as it is now (one read). */
async function readStoreNow(d: PackDeps, m: PackModules): Promise<StoreState> {
  const snap = await d.workbook.read([m.PACK_SHEET]);
  return readStore(d, m, snap.sheets.get(m.PACK_SHEET));
}

/**
 * Replace the store sheet's content (only that sheet): the new grid, with the packs' fingerprint when `record`
 * (else none), and blanks where the old one was larger.
 */
function storePlan(
  d: PackDeps,
  m: PackModules,
  packs: PlanPack[],
  old: SheetContent | undefined,
  record: boolean,
): WritePlan {
  const grid = m.packsToGrid(packs, "", d.cache);
  // After packsToGrid: the checksums of the JSON it wrote are cached, the fingerprint stringifies nothing again.
  if (record) grid[0][2] = m.packsFingerprint(packs, d.bundleVersion(), d.cache);
  const cells: CellWrite[] = [];
  const rows = Math.max(grid.length, old?.values.length ?? 0);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(grid[r]?.length ?? 0, old?.values[r]?.length ?? 0);
    for (let c = 0; c < width; c++) cells.push({ row: r, col: c, content: grid[r]?.[c] ?? null });
  }
  if (old) return { sheet: old.name, cells };
  return { sheet: m.PACK_SHEET, create: true, cells, visibility: "veryHidden" };
}

/**
 * Recalculate so that existing PLAN.* cells answer; a host that refuses adds a warning. True when the host
 * recalculated (a host without recalculation, or one that refused, computed nothing).
 */
async function recalculate(workbook: Workbook, warnings: string[]): Promise<boolean> {
  if (!workbook.recalculate) return false;
  try {
    await workbook.recalculate();
    return true;
  } catch (e) {
    warnings.push(e instanceof Error ? e.message : String(e));
    return false;
  }
}

/** Write the fingerprint cell (C1; "" clears it); a store that cannot be written keeps its old one. */
async function recordFingerprint(d: PackDeps, m: PackModules, store: StoreState, fingerprint: string) {
  if (!store.content || store.content.protected) return;
  const cells = [
    { row: 0, col: 1, content: m.FINGERPRINT_LABEL },
    { row: 0, col: 2, content: fingerprint || null },
  ];
  try {
    await d.workbook.write({ sheet: store.content.name, cells });
  } catch {
    // Not recorded: the next start-up recalculates once more, which is all this costs.
  }
}

/**
 * Write the store with the packs' fingerprint, recalculate, and clear the fingerprint again should the host not
 * recalculate (the formulas were not computed with these packs). Should the write be refused, the catalog
 * store goes back to what the workbook holds.
 */
async function writeStoreAndRecalculate(
  d: PackDeps,
  m: PackModules,
  packs: PlanPack[],
  store: StoreState,
  warnings: string[],
) {
  const plan = storePlan(d, m, packs, store.content, !!d.workbook.recalculate);
  try {
    await d.workbook.write(plan);
  } catch (e) {
    m.importPacks(d.catalogs, store.packs);
    throw e;
  }
  if (!(await recalculate(d.workbook, warnings)) && d.workbook.recalculate)
    await d.workbook.write({ sheet: plan.sheet, cells: [{ row: 0, col: 2, content: null }] }).catch(() => {
      // Still recorded: the next start-up skips one recalculation the cells needed; the warning says why.
    });
}

/** Why the store cannot be written now (protected: thrown; damaged without `discardDamaged`: the outcome). */
function storeRefusal(store: StoreState, opts: ImportOptions): ImportOutcome | null {
  if (store.content?.protected) throw new HostError({ reason: "storeProtected" });
  return store.errors.length && !opts.discardDamaged ? { kind: "storeDamaged", errors: store.errors } : null;
}

/** Import `incoming` beside the stored packs; store and recalculate only when it imports. */
async function importNew(
  d: PackDeps,
  m: PackModules,
  read: ReadPacks,
  store: StoreState,
  opts: ImportOptions = {},
): Promise<ImportOutcome> {
  const { packs: incoming, warnings } = read;
  const refused = storeRefusal(store, opts);
  if (refused) return refused;
  const ids = new Set(incoming.map((p) => p.id));
  const clashes = store.packs.filter((p) => ids.has(p.id));
  if (clashes.length && !opts.replace) {
    const nameOf = (id: string) => incoming.find((p) => p.id === id)!.name;
    return {
      kind: "exists",
      packs: clashes.map((s) => ({ id: s.id, name: nameOf(s.id), storedName: s.name })),
    };
  }
  const next = [...store.packs.filter((p) => !ids.has(p.id)), ...incoming];
  const report = m.importPacks(d.catalogs, next);
  const conflicts = report.conflicts.filter((c) => ids.has(c.packId));
  const plans = importedPlans(d.catalogs.current()).filter((p) => ids.has(p.packId));
  const mine = (e: string) => incoming.some((p) => e.includes(p.name));
  const errors = report.errors.filter(mine);
  warnings.push(...report.errors.filter((e) => !mine(e)));
  if (errors.length || plans.every((p) => p.targets === 0)) {
    m.importPacks(d.catalogs, store.packs); // back to what the workbook holds
    const none = errors.length
      ? []
      : ["没有可导入的目标:每个目标都与已有目标冲突(见下方冲突列表),未作任何更改。"];
    return { kind: "failed", errors: [...errors, ...none], conflicts, warnings };
  }
  await writeStoreAndRecalculate(d, m, next, store, warnings);
  const packs = incoming.map(({ id, name }) => ({ id, name }));
  return { kind: "imported", packs, plans, conflicts, warnings, notes: report.notes.filter(mine) };
}

// ---- The operations

async function loadStored(d: PackDeps, opts: LoadOptions = {}): Promise<LoadOutcome> {
  const m = await d.modules();
  const store = await readStoreNow(d, m);
  if (!store.content) return { plans: [], conflicts: [], errors: [] };
  // Asked before the import installs: answers given until now lacked the stored packs.
  const answered = store.packs.length > 0 && (opts.answeredBefore?.() ?? false);
  const report = m.importPacks(d.catalogs, store.packs);
  const errors = [...store.errors, ...report.errors];
  const fingerprint = m.packsFingerprint(store.packs, d.bundleVersion(), d.cache);
  const changed = fingerprint !== store.recorded;
  if ((changed || answered) && (await recalculate(d.workbook, errors)) && changed)
    await recordFingerprint(d, m, store, fingerprint);
  return { plans: importedPlans(d.catalogs.current()), conflicts: report.conflicts, errors };
}

async function importFromSheet(d: PackDeps, sheet?: string, opts?: ImportOptions): Promise<ImportOutcome> {
  const m = await d.modules();
  const name = sheet ?? (await d.workbook.readSelection(0))?.sheet ?? TABLE_SHEET;
  const snap = await d.workbook.read([name, m.PACK_SHEET]);
  const content = snap.sheets.get(name);
  if (!content) throw new HostError({ reason: "sheetNotFound", sheet: name, hint: "fillTable" });
  if (name.toLowerCase() === m.PACK_SHEET.toLowerCase()) throw new HostError({ reason: "importFromStore" });
  const read = fromTable(m, content);
  if (read.errors.length) return { kind: "invalid", errors: read.errors, warnings: read.warnings };
  return importNew(d, m, read, readStore(d, m, snap.sheets.get(m.PACK_SHEET)), opts);
}

async function importFromFile(
  d: PackDeps,
  fileName: string,
  bytes: Uint8Array,
  opts?: ImportOptions,
): Promise<ImportOutcome> {
  const m = await d.modules();
  const read = await readPackFile(m, fileName, bytes);
  if (read.errors.length) return { kind: "invalid", errors: read.errors, warnings: read.warnings };
  return importNew(d, m, read, await readStoreNow(d, m), opts);
}

async function removeImported(
  d: PackDeps,
  packId: string,
  opts: Pick<ImportOptions, "discardDamaged"> = {},
): Promise<ImportOutcome> {
  const m = await d.modules();
  const store = await readStoreNow(d, m);
  const refused = storeRefusal(store, opts);
  if (refused) return refused;
  const gone = store.packs.find((p) => p.id === packId);
  if (!gone) throw new HostError({ reason: "packNotFound", packId });
  const rest = store.packs.filter((p) => p.id !== packId);
  const report = m.importPacks(d.catalogs, rest);
  const warnings: string[] = [];
  await writeStoreAndRecalculate(d, m, rest, store, warnings);
  return { kind: "removed", pack: { id: gone.id, name: gone.name }, conflicts: report.conflicts, warnings };
}

async function insertTableTemplate(d: PackDeps) {
  const m = await d.modules();
  const snap = await d.workbook.read([TABLE_SHEET]);
  if (snap.sheets.has(TABLE_SHEET)) {
    await d.workbook.write({ sheet: TABLE_SHEET, cells: [], activate: true });
    return { sheetName: TABLE_SHEET, created: false };
  }
  await d.workbook.write(templatePlan(m.TABLE_HEADERS, []));
  return { sheetName: TABLE_SHEET, created: true };
}

async function appendToTable(d: PackDeps, rows: TableRow[]) {
  const m = await d.modules();
  const snap = await d.workbook.read([TABLE_SHEET]);
  const content = snap.sheets.get(TABLE_SHEET);
  if (!content) {
    await d.workbook.write(templatePlan(m.TABLE_HEADERS, rows));
    return { sheetName: TABLE_SHEET, firstRow: 2, count: rows.length };
  }
  if (content.protected)
    throw new HostError({ reason: "sheetProtected", sheet: TABLE_SHEET, action: "写入" });
  if (!rows.length) throw new HostError({ reason: "noTargetsChosen" });
  const plan = appendPlan(content, rows);
  await d.workbook.write(plan);
  return { sheetName: TABLE_SHEET, firstRow: plan.cells[0].row + 1, count: rows.length };
}

// ---- Reading packs: a sheet's 规划目标 table, a .json or .xlsx file

function fromTable(m: PackModules, content: SheetContent): ReadPacks {
  // The id follows the sheet, not its content: importing the edited table again asks to replace the first.
  const r = m.packFromTable(asTyped(content), { sheet: content.name, id: sheetPackId(content.name) });
  if (!r.ok) return { packs: [], warnings: [], errors: r.errors };
  return { packs: [r.pack], warnings: r.warnings, errors: percentTyped(m, r.pack) };
}

/** A pack file by its name: too big, .xlsx, .json, or refused. */
async function readPackFile(m: PackModules, fileName: string, bytes: Uint8Array): Promise<ReadPacks> {
  const big = m.packFileTooBig(fileName, bytes.byteLength);
  if (big) return { packs: [], warnings: [], errors: [big] };
  if (/\.xlsx$/i.test(fileName)) return packsFromXlsx(m, bytes);
  if (/\.json$/i.test(fileName)) return packFromJson(m, fileName, bytes);
  return { packs: [], warnings: [], errors: [`“${fileName}”不是规划包文件:请选择 .json 或 .xlsx 文件。`] };
}

/** A pack id (a-z, 0-9, -) for a sheet's table: "sheet-" and a hash of the sheet's name. */
export function sheetPackId(sheet: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < sheet.length; i++) h = Math.imul(h ^ sheet.charCodeAt(i), 0x01000193);
  return `sheet-${(h >>> 0).toString(16).padStart(8, "0")}`;
}

/** The imported plans of a catalog, with their packs and the targets each answers. */
export function importedPlans(catalog: Catalog): ImportedPlan[] {
  return catalog.plans.flatMap((p) =>
    p.pack
      ? [
          {
            packId: p.pack.id,
            packName: p.pack.name,
            planId: p.id,
            name: p.title,
            source: p.pack.source,
            targets: catalog.targets.filter((t) => t.plan.id === p.id).length,
          },
        ]
      : [],
  );
}

/**
 * The table's values as they were typed: a number in a percent-formatted cell ("1.6%" typed into a General cell
 * is stored as 0.016) becomes the text "1.6%", which the table reader takes as 1.6 in a % row and refuses
 * elsewhere. Without formats (a host that does not say), the values as they are.
 */
export function asTyped(content: SheetContent): Grid {
  const formats = content.numberFormats;
  if (!formats) return content.values;
  return content.values.map((row, r) =>
    row.map((v, c) => {
      const f = formats[r]?.[c];
      if (typeof v !== "number" || typeof f !== "string" || !/%/.test(f.replace(/"[^"]*"|\\./g, "")))
        return v;
      return `${Number((v * 100).toPrecision(12))}%`;
    }),
  );
}

/**
 * Targets in % whose quote states the value a hundred times larger (read 0.022, written 2.2%): Excel stores
 * "2.2%" typed into a General cell as 0.022. Refused, never imported as a wrong number, with what to type.
 */
function percentTyped(m: PackModules, pack: PlanPack): string[] {
  const hundred = (v: number) => Number((v * 100).toPrecision(12));
  return pack.plans.flatMap((p) =>
    p.targets.flatMap((t) => {
      const values = t.unit === "%" ? [t.value, t.min, t.max].filter((v): v is number => v !== null) : [];
      const typed = values.filter((v) => !m.quoteStates(t.quote, v) && m.quoteStates(t.quote, hundred(v)));
      if (!typed.length) return [];
      const shown = typed.map(hundred).join("、");
      const read = typed.map((v) => Number(v.toPrecision(12))).join("、");
      return [
        `规划“${p.title}”的“${t.label ?? t.indicator}”:目标值读到的是 ${read}(%),原文写的是 ${shown}%——在“常规”格式的单元格中输入“${shown}%”,Excel 保存的是 ${read}。请在目标值中填 ${shown}(不带 %),或把该列设为“文本”格式后重新输入,再导入。`,
      ];
    }),
  );
}

interface ReadPacks {
  packs: PlanPack[];
  warnings: string[];
  errors: string[];
}

function packFromJson(m: PackModules, fileName: string, bytes: Uint8Array): ReadPacks {
  const refuse = (why: string): ReadPacks => ({
    packs: [],
    warnings: [],
    errors: [`文件“${fileName}”${why}。请选择导出的规划包 .json 文件。`],
  });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch (e) {
    // fatal: true throws a TypeError on bytes that are not UTF-8 (by name: it may come from another realm)
    if ((e as Error)?.name === "TypeError") return refuse("不是 UTF-8 编码的文本");
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return refuse(`不是有效的 JSON(${e instanceof Error ? e.message : String(e)})`);
  }
  const r = m.validatePack(json);
  return r.ok
    ? { packs: [r.pack], warnings: r.warnings, errors: [] }
    : { packs: [], warnings: [], errors: r.errors.map((e) => `${fileName}:${e}`) };
}

/** A .xlsx: its 规划目标 table (or the first sheet with the table's header), else the packs a workbook stores. */
async function packsFromXlsx(m: PackModules, bytes: Uint8Array): Promise<ReadPacks> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return {
      packs: [],
      warnings: [],
      errors: ["无法读取这个 .xlsx 文件:它可能已损坏,或不是 Excel 工作簿。"],
    };
  }
  const sheets = book.worksheets.map((ws) => ({ name: ws.name, grid: gridOf(ws) }));
  const table =
    sheets.find((s) => s.name === TABLE_SHEET) ?? sheets.find((s) => headerRow(s.grid, m.TABLE_HEADERS) >= 0);
  if (table) {
    const r = m.packFromTable(table.grid, { sheet: table.name });
    return r.ok
      ? { packs: [r.pack], warnings: r.warnings, errors: [] }
      : { packs: [], warnings: [], errors: r.errors };
  }
  const store = sheets.find((s) => s.name === m.PACK_SHEET);
  if (store) return { ...m.packsFromGrid(store.grid), warnings: [] };
  return {
    packs: [],
    warnings: [],
    errors: [`文件中没有“${TABLE_SHEET}”表(表头:${m.TABLE_HEADERS.join("、")}),也没有已存放的规划。`],
  };
}

/**
 * An ExcelJS worksheet's values from A1: formula results, rich text as its text, hyperlinks as their text; a
 * number shown as a percent as it was typed ("2.2%"; the file holds 0.022), which the table reader takes as 2.2 %.
 */
function gridOf(ws: import("exceljs").Worksheet): Grid {
  const grid: Grid = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = plainValue(cell.value);
      cells[c - 1] =
        typeof v === "number" && /%/.test(cell.numFmt ?? "") ? `${Number((v * 100).toPrecision(12))}%` : v;
    });
    grid[r - 1] = Array.from({ length: cells.length }, (_, i) => cells[i] ?? null);
  });
  return Array.from({ length: grid.length }, (_, i) => grid[i] ?? []);
}

function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
  if ("result" in o) return plainValue(o.result);
  if (o.richText) return o.richText.map((t) => t.text).join("");
  if (typeof o.text === "string") return o.text;
  if (o.error) return o.error;
  return null;
}

/** The row of a table's header: the first (of the top rows) holding at least three of the titles. */
function headerRow(grid: Grid, headers: readonly string[]): number {
  const titles = new Set(headers);
  const top = grid.slice(0, HEADER_SEARCH_ROWS);
  return top.findIndex((row) => row.filter((v) => typeof v === "string" && titles.has(v.trim())).length >= 3);
}

// ---- The 规划目标 table

const WIDTHS: Record<string, number> = { 规划: 24, 指标: 24, 原文: 40, 出处: 24, 基期值: 10, 目标值: 10 };
const yearRule = (title: string) => ({
  type: "whole" as const,
  min: YEARS.min,
  max: YEARS.max,
  prompt: { title, text: "四位年份,如 2030" },
  error: { title: "年份不对", text: `请填写 ${YEARS.min}–${YEARS.max} 之间的四位年份,如 2030。` },
});

/** The template's year columns: numbers with validation; every other column is Text. */
const isYear = (h: string) => /年$/.test(h);

/**
 * A new 规划目标 sheet: the header, widths, input-styled rows and `rows` below the header. Cells other than
 * years are Text ("@"), so that what is typed is what the table reader reads: "2.2%" in a % row stays 2.2
 * (Excel would store 0.022 in a General cell), "1-2" stays a range, "0123" keeps its zero. Years are whole
 * numbers with validation.
 */
function templatePlan(headers: readonly string[], rows: TableRow[]): WritePlan {
  const cells: CellWrite[] = headers.map((h, col) => ({ row: 0, col, content: h, style: "header" }));
  for (let r = 1; r <= Math.max(TEMPLATE_ROWS, rows.length); r++)
    headers.forEach((h, col) =>
      cells.push({
        row: r,
        col,
        style: "input",
        numFmt: isYear(h) ? "General" : "@",
        content: rows[r - 1]?.[h] ?? undefined,
      }),
    );
  const validations = headers.flatMap((h, col) =>
    isYear(h) ? [{ range: rangeOf(col, 1, TEMPLATE_ROWS), rule: yearRule(h) }] : [],
  );
  return {
    sheet: TABLE_SHEET,
    create: true,
    cells,
    validations,
    columns: headers.map((h, col) => ({ col, width: WIDTHS[h] ?? 9 })),
    activate: true,
  };
}

const rangeOf = (col: number, r1: number, r2: number) => rangeA1(r1, col, r2, col);

/** Rows appended below the last used row of the user's table, by its header's column titles. */
function appendPlan(content: SheetContent, rows: TableRow[]): WritePlan {
  const titles = Object.keys(Object.assign({}, ...rows));
  const h = headerRow(content.values, titles.length >= 3 ? titles : ["地区", "指标", "目标值"]);
  if (h < 0)
    throw new HostError({ reason: "tableHeaderNotFound", sheet: content.name, rows: HEADER_SEARCH_ROWS });
  const colOf = new Map(content.values[h].map((v, c) => [typeof v === "string" ? v.trim() : "", c]));
  const missing = titles.filter(
    (t) => !colOf.has(t) && rows.some((r) => r[t] !== null && r[t] !== undefined),
  );
  if (missing.length) throw new HostError({ reason: "tableColumnsMissing", columns: missing });
  const first = Math.max(content.values.length, h + 1);
  const cells = rows.flatMap((row, i) =>
    Object.entries(row).flatMap(([t, v]) =>
      v === undefined || v === null
        ? []
        : [{ row: first + i, col: colOf.get(t)!, content: v, style: "input" as const }],
    ),
  );
  return { sheet: content.name, cells, activate: true };
}

// ---- Extraction candidates → table rows

/** What the user typed above the candidates: where the plan applies and what it is. */
export interface CandidateContext {
  region: string;
  plan: string;
  source: string;
}

/** A candidate under review: accepted or not, with the fields the user may edit (as typed). */
export interface ReviewedCandidate {
  candidate: Candidate;
  accepted: boolean;
  indicator: string;
  /** 600, 1,234, 1-2 (a range): as typed; the table reader parses it and names the cell if it cannot. */
  value: string;
  unit: string;
  year: string;
}

/**
 * A candidate as first shown: targets accepted, baselines offered as baselines, hedged ones accepted too; a rank
 * target (第15名) not accepted, as packs cannot hold one yet (its note says so).
 */
export function reviewOf(c: Candidate): ReviewedCandidate {
  const value =
    c.value !== null ? String(c.value) : c.min !== null && c.max !== null ? `${c.min}-${c.max}` : "";
  return {
    candidate: c,
    // A rank (lower is better) has no place in a pack yet: shown for the record, never imported.
    accepted: c.kind !== "rank",
    indicator: c.indicator,
    value,
    unit: c.unit,
    year: c.year === null ? "" : String(c.year),
  };
}

const typed = (s: string): CellValue => {
  const t = s.trim();
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};

/**
 * Table rows for the accepted target candidates: the verbatim quote in 原文, the comparison as the table's word
 * (a range: 区间). An accepted baseline candidate of the same indicator fills 基期年 and 基期值; baselines are
 * never rows of their own.
 */
export function candidateRows(items: ReviewedCandidate[], ctx: CandidateContext): TableRow[] {
  const baselines = items.filter((i) => i.accepted && i.candidate.baseline);
  return items
    .filter((i) => i.accepted && !i.candidate.baseline && i.candidate.kind !== "rank")
    .map((i) => {
      const base = baselines.find((b) => b.indicator.trim() === i.indicator.trim());
      return {
        地区: typed(ctx.region),
        规划: typed(ctx.plan),
        指标: typed(i.indicator),
        单位: typed(i.unit),
        基期年: base ? typed(base.year) : null,
        基期值: base ? typed(base.value) : null,
        目标年: typed(i.year),
        目标值: typed(i.value),
        比较: comparisonLabel(i.candidate.comparison, i.candidate.direction ?? "higher"),
        原文: i.candidate.quote,
        出处: typed(ctx.source),
      };
    });
}
