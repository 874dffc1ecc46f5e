// Writing one sheet into a user's existing .xlsx package without re-saving it. ExcelJS reads and re-writes the
// whole workbook and drops what it does not model (charts, drawings, pivot tables, VBA, slicers …), so the
// pack store is put in by hand: the sheet's own part (inline strings, so sharedStrings.xml is left alone),
// and one inserted element each in [Content_Types].xml, xl/workbook.xml and its .rels. Every other part keeps
// its bytes. A package this code does not understand is refused (PackageError) and nothing is written.
import JSZip from "jszip";
import type { CellValue } from "../core/sheet/layout";

/** The package could not be changed safely; the message is Chinese, for the user. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
/** Characters XML 1.0 cannot carry at all (a file holding one does not open). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export interface SheetEntry {
  name: string;
  part: string;
}

/**
 * The package with sheet `name` holding `rows`: its part replaced if the workbook has that sheet, otherwise a
 * new part and a new sheet entry (last, so sheet indexes in defined names and views do not move).
 */
export async function putSheet(
  bytes: Uint8Array,
  name: string,
  rows: CellValue[][],
  state: "visible" | "hidden" | "veryHidden",
): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new PackageError("工作簿不是有效的 .xlsx 文件(可能已损坏,或是旧版 .xls),未作更改");
  }
  const xml = sheetXml(rows);
  const existing = (await sheetEntries(zip)).find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (existing) zip.file(existing.part, xml);
  else await addSheet(zip, name, xml, state);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The workbook's sheets and the parts that hold them, read from workbook.xml and its relationships. */
export async function sheetEntries(zip: JSZip): Promise<SheetEntry[]> {
  const workbook = await text(zip, WORKBOOK);
  const rels = await text(zip, WORKBOOK_RELS);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g))
    targets.set(attr(m[0], "Id") ?? "", attr(m[0], "Target") ?? "");
  const out: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const target = targets.get(attr(m[0], "\\w+:id") ?? "");
    const name = attr(m[0], "name");
    if (name === null || !target) throw unknownPackage();
    out.push({ name, part: target.startsWith("/") ? target.slice(1) : `xl/${target}` });
  }
  return out;
}

async function addSheet(zip: JSZip, name: string, xml: string, state: string): Promise<void> {
  const [workbook, rels, types] = await Promise.all([
    text(zip, WORKBOOK),
    text(zip, WORKBOOK_RELS),
    text(zip, CONTENT_TYPES),
  ]);
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  const rId = freshId(rels);
  const sheetIds = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const sheets = /<\/(\w+:)?sheets>/.exec(workbook);
  const prefix = sheets?.[1] ?? "";
  const rPrefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      workbook,
    )?.[1];
  if (!sheets || !rPrefix) throw unknownPackage();
  const entry = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" state="${state}" ${rPrefix}:id="${rId}"/>`;
  zip.file(WORKBOOK, insertBefore(workbook, sheets.index, entry));
  zip.file(
    WORKBOOK_RELS,
    insertAtClose(
      rels,
      "Relationships",
      `<Relationship Id="${rId}" Type="${WORKSHEET_REL}" Target="worksheets/sheet${n}.xml"/>`,
    ),
  );
  zip.file(
    CONTENT_TYPES,
    insertAtClose(types, "Types", `<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`),
  );
  zip.file(part, xml);
}

/** A worksheet part: every text cell an inline string, numbers as numbers, booleans as booleans. */
export function sheetXml(rows: CellValue[][]): string {
  const body = rows
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(`${column(c)}${r + 1}`, v)).join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`
  );
}

function cellXml(ref: string, v: CellValue): string {
  if (v === null || v === "") return "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : "";
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (NOT_XML.test(v)) throw new PackageError(`单元格 ${ref} 的文字含有 .xlsx 无法保存的字符,未作更改`);
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}='([^']*)'`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

function freshId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function insertBefore(s: string, at: number, piece: string): string {
  return s.slice(0, at) + piece + s.slice(at);
}

function insertAtClose(xml: string, element: string, piece: string): string {
  // Our inserted element has no prefix: a root written with one is refused rather than guessed at.
  const close = new RegExp(`</${element}>\\s*$`).exec(xml);
  if (!close) throw unknownPackage();
  return insertBefore(xml, close.index, piece);
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw unknownPackage();
  return f.async("string");
}

function unknownPackage(): PackageError {
  return new PackageError(
    "工作簿的内部结构不是本工具能安全修改的形式(缺少或无法识别 workbook.xml 及其关系),为免丢失图表等内容,未作更改。" +
      "可在 Excel 中用任务窗格“导入规划”导入",
  );
}
