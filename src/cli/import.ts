// `plan import PACK.json|PACK.xlsx [--into BOOK.xlsx]`: validate a plan pack, say what it adds (plans,
// targets, conflicts with plans already known), and with --into store it in a workbook's veryHidden
// PACK_SHEET. `--packs FILE` (any answering command, see commands.ts) answers from the packs a file holds.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../core/sheet/layout";
import { createCatalogStore, type CatalogStore } from "../core/catalog/store";
import { packFileTooBig, validatePack, type PlanPack } from "../core/packs/pack";
import { importPacks, type ImportReport } from "../core/packs/pack-import";
import { packFromTable, packToTable, TABLE_HEADERS } from "../core/packs/pack-table";
import { PACK_SHEET, packsFromGrid, packsToGrid } from "../sheet/pack-store";
import { PackageError, putSheet } from "../workbook/xlsx-package";
import type { Command } from "./cli";
import { checkOut, OutputError, writeOut } from "./output";
import { CliError, type CliReason } from "./messages";

/** The sheet a .xlsx pack file holds its table on (any sheet with the header row is read if absent). */
export const TABLE_SHEET = "规划目标";
/** The visible sheet of a book created by --into (a workbook needs one visible sheet). */
export const COPY_SHEET = "导入的规划";

export const IMPORT_HELP = `用法:npm run -s plan -- import <规划包.json|规划包.xlsx> [--into <工作簿.xlsx>]
  规划包.json   规划包文件(格式见 docs/packs.md)
  规划包.xlsx   含“${TABLE_SHEET}”表的工作簿,表头:${TABLE_HEADERS.join("、")}(可加 类型、主体)
  --into        把规划包保存到该工作簿(不存在则新建);同事用加载项打开即得到同样的数字
其他命令加 --packs <文件> 即按导入的规划回答,例如:
  npm run -s plan -- target 示例县 高新技术企业 2030 --packs 示例县.xlsx
`;

/** A user-facing failure: the message is Chinese. */
export class PackFileError extends CliError {
  constructor(reason: CliReason) {
    super(reason);
    this.name = "PackFileError";
  }
}

export interface PackFile {
  packs: PlanPack[];
  warnings: string[];
  errors: string[];
}

// ---- Reading pack files ----------------------------------------------------------------------------------

/**
 * The packs of a file: a pack .json, a .xlsx with a 规划目标 table, or a workbook that stores packs. A book
 * with both: `import` reads its table (what is to be imported), `--packs` its store (what it answers from).
 */
export async function readPackFile(path: string, prefer: "table" | "store" = "store"): Promise<PackFile> {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return readJson(path);
  if (ext === ".xlsx") return readBook(path, prefer);
  throw new PackFileError({ reason: "notPackFile", path, table: TABLE_SHEET });
}

/** The file's bytes; a file over the pack limit is refused by its size, before it is read. */
function readBytes(path: string): Buffer {
  let bytes: Buffer;
  try {
    const big = packFileTooBig(basename(path), statSync(path).size);
    if (big) throw new PackFileError({ reason: "relayed", message: big });
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof PackFileError) throw e;
    throw new PackFileError({ reason: "unreadable", path });
  }
  return bytes;
}

function readJson(path: string): PackFile {
  let json: unknown;
  try {
    json = JSON.parse(
      readBytes(path)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  } catch (e) {
    if (e instanceof PackFileError) throw e;
    return {
      packs: [],
      warnings: [],
      errors: [`${basename(path)}:不是有效的 JSON(${(e as Error).message})`],
    };
  }
  const v = validatePack(json);
  const at = (m: string) => `${basename(path)} ${m}`;
  return v.ok
    ? { packs: [v.pack], warnings: v.warnings.map(at), errors: [] }
    : { packs: [], warnings: [], errors: v.errors.map(at) };
}

async function loadBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(readBytes(path) as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof PackFileError) throw e;
    throw new PackFileError({ reason: "notXlsx", path });
  }
  return book;
}

async function readBook(path: string, prefer: "table" | "store"): Promise<PackFile> {
  const book = await loadBook(path);
  const store = book.getWorksheet(PACK_SHEET);
  const sheets = book.getWorksheet(TABLE_SHEET)
    ? [book.getWorksheet(TABLE_SHEET)!]
    : book.worksheets.filter(
        (ws) => ws !== store && sheetRows(ws).some((r) => r.includes("指标") && r.includes("目标值")),
      );
  if (store && (prefer === "store" || sheets.length === 0))
    return { ...packsFromGrid(sheetRows(store)), warnings: [] };
  if (sheets.length === 0)
    return {
      packs: [],
      warnings: [],
      errors: [
        `${basename(path)}:没有“${TABLE_SHEET}”表,也没有保存的规划包。表头应为:${TABLE_HEADERS.join("、")}`,
      ],
    };
  const out: PackFile = { packs: [], warnings: [], errors: [] };
  for (const ws of sheets) {
    const r = packFromTable(sheetRows(ws), { sheet: ws.name });
    if (r.ok) {
      out.packs.push(r.pack);
      out.warnings.push(...r.warnings);
    } else out.errors.push(...r.errors);
  }
  return out;
}

/** A worksheet's cells as plain values, row 1 first (rich text, formulas and links read as what they show). */
export function sheetRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(shown(row.getCell(c)));
    rows.push(cells);
  }
  return rows;
}

/**
 * A cell as typed: a number in a percent format is what the user typed (2.5% is stored as 0.025), so it is
 * read back as "2.5%" — never as 0.025 in a row whose unit is %.
 */
function shown(cell: ExcelJS.Cell): CellValue {
  const v = plain(cell.value);
  if (typeof v === "number" && /%/.test(cell.numFmt ?? "")) return `${Number((v * 100).toPrecision(12))}%`;
  return v;
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v)
    return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  if ("error" in v) return null;
  return null;
}

// ---- Storing packs in a workbook -----------------------------------------------------------------------

/**
 * Add packs to a workbook's store (a pack with the same id is replaced by the new one) and write it
 * atomically. A new book is written by ExcelJS, with a visible copy of the table (a workbook needs one
 * visible sheet); an existing book only gets its store sheet put into the package (putSheet), since
 * re-saving it through ExcelJS would drop its charts, drawings, pivot tables …
 */
export async function storeInto(
  bookPath: string,
  packs: PlanPack[],
): Promise<{ stored: PlanPack[]; replaced: string[]; created: boolean }> {
  const created = !existsSync(bookPath);
  const target = checkOut(bookPath, !created);
  const book = created ? new ExcelJS.Workbook() : await loadBook(bookPath);
  const old = book.getWorksheet(PACK_SHEET);
  const kept = old ? packsFromGrid(sheetRows(old)) : { packs: [], errors: [] };
  if (kept.errors.length)
    throw new PackFileError({ reason: "storeDamaged", path: bookPath, errors: kept.errors });
  const ids = new Set(packs.map((p) => p.id));
  const replaced = kept.packs.filter((p) => ids.has(p.id)).map((p) => p.name);
  const stored = [...kept.packs.filter((p) => !ids.has(p.id)), ...packs];
  const data = created ? await newBook(packs, stored) : await intoPackage(bookPath, stored);
  writeOut(target, data, !created, bookPath);
  return { stored, replaced, created };
}

async function newBook(packs: PlanPack[], stored: PlanPack[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const copy = book.addWorksheet(COPY_SHEET);
  for (const p of packs) for (const r of packToTable(p)) copy.addRow(r);
  const ws = book.addWorksheet(PACK_SHEET, { state: "veryHidden" });
  for (const r of packsToGrid(stored)) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function intoPackage(bookPath: string, stored: PlanPack[]): Promise<Buffer> {
  try {
    return Buffer.from(await putSheet(readBytes(bookPath), PACK_SHEET, packsToGrid(stored), "veryHidden"));
  } catch (e) {
    if (e instanceof PackageError)
      throw new PackFileError({ reason: "inBook", path: bookPath, message: e.message });
    throw e;
  }
}

// ---- What an import adds --------------------------------------------------------------------------------

/** The import report in Chinese: plans and their targets, conflicts, errors. */
export function describeImport(r: ImportReport): string[] {
  const lines: string[] = [];
  for (const p of r.plans) lines.push(`  《${p.name}》:导入 ${p.targets} 个目标(出处:${p.source})`);
  for (const n of r.notes) lines.push(`  说明:${n}`);
  if (r.conflicts.length) {
    lines.push(`冲突 ${r.conflicts.length} 条(这些目标未导入,原有目标不变):`);
    for (const c of r.conflicts) lines.push(`  ${c.message}`);
  }
  for (const e of r.errors) lines.push(`错误:${e}`);
  return lines;
}

/**
 * `--packs FILE` (repeatable): read the files and install their packs in the CLI's store. Returns the lines to
 * print on stderr and whether anything failed.
 */
export async function usePackFiles(
  files: string[],
  store: CatalogStore,
): Promise<{ notes: string[]; failed: boolean }> {
  const packs: PlanPack[] = [];
  const notes: string[] = [];
  let failed = false;
  for (const f of files) {
    const r = await readPackFile(f);
    packs.push(...r.packs);
    for (const e of r.errors) notes.push(`错误:${e}`);
    if (r.errors.length) failed = true;
  }
  const report = importPacks(store, packs);
  if (report.errors.length) failed = true;
  for (const c of report.conflicts) notes.push(`提示:${c.message}`);
  for (const e of report.errors) notes.push(`错误:${e}`);
  return { notes, failed };
}

/** Take every `--packs FILE` (or --packs=FILE) out of a command line. */
export function takePacksOption(args: string[]): { rest: string[]; files: string[] } {
  const rest: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--packs(?:=(.*))?$/.exec(args[i]);
    if (!m) rest.push(args[i]);
    else if (m[1] !== undefined) files.push(m[1]);
    else if (i + 1 < args.length) files.push(args[++i]);
    else throw new PackFileError({ reason: "packsMissingFile" });
  }
  return { rest, files };
}

// ---- The command -------------------------------------------------------------------------------------

interface ImportArgs {
  file: string;
  into: string | null;
}

function parseArgs(args: string[]): ImportArgs | null {
  let file: string | null = null;
  let into: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--help" || a === "-h") return null;
    const m = /^--into(?:=(.*))?$/.exec(a);
    if (m) {
      into = m[1] ?? args[++i] ?? null;
      if (!into) throw new PackFileError({ reason: "intoMissingFile" });
      if (!/\.xlsx$/i.test(into)) throw new PackFileError({ reason: "intoNotXlsx", into });
    } else if (a.startsWith("--"))
      throw new PackFileError({ reason: "importUnknownOption", arg: a, help: IMPORT_HELP });
    else if (file) throw new PackFileError({ reason: "onePackFile", first: file, second: a });
    else file = a;
  }
  if (!file) throw new PackFileError({ reason: "missingPackFile", help: IMPORT_HELP });
  return { file, into };
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/**
 * `plan import`: the exit code (1 on any error: nothing is stored then). The packs are checked in `store`, the
 * CLI's own (default: a new one over the bundled plans).
 */
export async function importCommandRun(
  args: string[],
  io: Io = stdio,
  store: CatalogStore = createCatalogStore(),
): Promise<number> {
  try {
    const opts = parseArgs(args);
    if (!opts) {
      io.out(IMPORT_HELP);
      return 0;
    }
    const file = await readPackFile(opts.file, "table");
    for (const w of file.warnings) io.err(`警告:${w}\n`);
    if (file.errors.length) {
      io.err(`${file.errors.map((e) => `错误:${e}`).join("\n")}\n规划包有错误,未导入。\n`);
      return 1;
    }
    const existing = opts.into && existsSync(opts.into) ? (await readPackFile(opts.into)).packs : [];
    const ids = new Set(file.packs.map((p) => p.id));
    const report = importPacks(store, [...existing.filter((p) => !ids.has(p.id)), ...file.packs]);
    const lines = describeImport({
      ...report,
      plans: report.plans.filter((p) => ids.has(p.packId)),
      conflicts: report.conflicts.filter((c) => ids.has(c.packId)),
      notes: report.notes.filter((n) => file.packs.some((p) => n.startsWith(`规划包“${p.name}”`))),
    });
    if (report.errors.length) {
      io.err(`${lines.join("\n")}\n规划包有错误,未导入。\n`);
      return 1;
    }
    const names = file.packs.map((p) => `“${p.name}”`).join("、");
    io.out(`规划包${names}校验通过:\n${lines.join("\n")}\n`);
    if (opts.into) {
      const r = await storeInto(opts.into, file.packs);
      if (r.replaced.length) io.out(`已替换工作簿中同一编号的规划包:${r.replaced.join("、")}\n`);
      io.out(
        `已保存到 ${opts.into}(${r.created ? "新建" : "已有"}工作簿,隐藏工作表“${PACK_SHEET}”,共 ${r.stored.length} 个规划包)\n`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof PackFileError || e instanceof OutputError) {
      io.err(`错误:${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export const importCommand: Command = {
  help: IMPORT_HELP,
  usage: "<规划包.json|.xlsx> [--into 工作簿.xlsx]  校验并导入规划包;其他命令加 --packs 文件 使用导入的规划",
  run: (args, { store }) => importCommandRun(args, stdio, store),
};
