// Where a workbook keeps its imported plans: a veryHidden worksheet (Office.js, ExcelJS and the memory
// workbook all write one; it travels with the file by e-mail). Custom XML parts are not writable with ExcelJS
// nor HyperFormula, and document settings do not exist outside Office.js. Each pack is one row: its id, name,
// a checksum of its JSON and the JSON split into cells of at most 30,000 UTF-16 units (Excel's cell limit is
// 32,767), cut between code points: half a surrogate pair (𠮷) is not kept by Excel's XML. A row whose checksum
// does not match (an edited cell) is refused; the other rows still load. Beside the notice (B1:C1), the
// fingerprint of the packs the workbook's formulas were last computed with: start-up recalculates only when the
// packs (or the bundled data) differ from it.
import { fnv1a } from "../core/catalog/catalog";
import type { CellValue } from "../core/sheet/layout";
import { validatePack, type PlanPack } from "../core/packs/pack";
import { columnLetter } from "../core/packs/pack-table";

export const PACK_SHEET = "PLAN_导入规划";
export const PACK_CHUNK = 30_000;
export const PACK_NOTICE =
  "本工作表由 PLAN 加载项保存导入的规划包(JSON),公式和进度表从这里读取导入的规划。" +
  "请勿编辑、移动或删除;如需修改,请在任务窗格“导入规划”中移除后重新导入。";
const HEADER: CellValue[] = ["规划包编号", "名称", "校验码", "片数", "JSON"];
const FIRST_CHUNK = 4;
/** The title of the fingerprint cell (B1); the fingerprint is in C1. */
export const FINGERPRINT_LABEL = "公式计算时的规划版本";
/** Bump when importing the same packs can answer differently (what a fingerprint covers changes). */
const FINGERPRINT_FORMAT = "1";

/**
 * What a session has read or written of its store: packs by their stored JSON (each parsed and validated once)
 * and the checksum of each pack's stored JSON. Entries no longer in the store are dropped at the next read.
 */
export interface PackCache {
  byJson: Map<string, PlanPack>;
  sums: WeakMap<PlanPack, string>;
}

/**
 * The store sheet's cells: a notice (and the fingerprint, when given), a header row, then one row per pack.
 * `cache`: remembers what is written, so that reading it back parses nothing.
 */
export function packsToGrid(packs: PlanPack[], fingerprint?: string, cache?: PackCache): CellValue[][] {
  const notice: CellValue[] =
    fingerprint === undefined ? [PACK_NOTICE] : [PACK_NOTICE, FINGERPRINT_LABEL, fingerprint];
  const rows: CellValue[][] = [notice, HEADER];
  for (const p of packs) {
    const json = JSON.stringify(p);
    const chunks = chunksOf(json);
    // The checksum of the cells as readRow joins them.
    const sum = fnv1a(json);
    cache?.byJson.set(json, p);
    cache?.sums.set(p, sum);
    rows.push([p.id, p.name, sum, chunks.length, ...chunks]);
  }
  return rows;
}

/**
 * The fingerprint of what formulas answer from: the packs (by the checksums of their stored JSON, in order) and
 * the bundled data's version. Equal fingerprints: the same catalog, so computed cells still hold.
 */
export function packsFingerprint(packs: PlanPack[], bundleVersion: string, cache?: PackCache): string {
  const sum = (p: PlanPack) => cache?.sums.get(p) ?? fnv1a(JSON.stringify(p));
  return fnv1a([FINGERPRINT_FORMAT, bundleVersion, ...packs.map((p) => `${p.id}:${sum(p)}`)].join("|"));
}

/** The fingerprint recorded in a store sheet ("" when none: a store written before fingerprints, or cleared). */
export function recordedFingerprint(grid: CellValue[][]): string {
  const row = grid[0] ?? [];
  // String(): a host that took the digits for a number still compares equal (or, without a leading zero, not).
  return row[1] === FINGERPRINT_LABEL && row[2] !== null && row[2] !== undefined ? String(row[2]) : "";
}

/** The text in pieces of at most PACK_CHUNK UTF-16 units, none ending inside a surrogate pair. */
export function chunksOf(s: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < s.length;) {
    let end = Math.min(i + PACK_CHUNK, s.length);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(s.slice(i, end));
    i = end;
  }
  return chunks;
}

/**
 * The packs a store sheet holds; a damaged row is an error (in Chinese, naming its cell), not a stop.
 * `cache`: a pack whose stored JSON was read or written before is taken from it, not parsed again.
 */
export function packsFromGrid(
  grid: CellValue[][],
  cache?: PackCache,
): { packs: PlanPack[]; errors: string[] } {
  const packs: PlanPack[] = [];
  const errors: string[] = [];
  const headerAt = grid.findIndex((r) => r[0] === HEADER[0]);
  if (headerAt < 0) {
    if (grid.some((r) => r.some((c) => c !== null && c !== "")))
      errors.push(
        `${PACK_SHEET}:工作表的格式已被改动(找不到表头“${HEADER[0]}”),导入的规划未能载入。请删除此工作表后重新导入规划包`,
      );
    return { packs, errors };
  }
  const seen = new Set<string>();
  for (let r = headerAt + 1; r < grid.length; r++) {
    const row = grid[r];
    if (row.every((c) => c === null || c === "")) continue;
    const result = readRow(row, cache, seen);
    const at = `${PACK_SHEET}!A${r + 1}`;
    if (typeof result === "string")
      errors.push(
        `${at}:规划包“${String(row[1] ?? row[0] ?? "")}”${result},未载入;其他规划包不受影响。请移除后重新导入`,
      );
    else packs.push(result);
  }
  if (cache) for (const json of cache.byJson.keys()) if (!seen.has(json)) cache.byJson.delete(json);
  return { packs, errors };
}

function readRow(row: CellValue[], cache: PackCache | undefined, seen: Set<string>): PlanPack | string {
  const count = Number(row[3]);
  if (!Number.isInteger(count) || count < 1) return `的片数(${columnLetter(3)}列)已被改动`;
  const chunks = row.slice(FIRST_CHUNK, FIRST_CHUNK + count);
  if (chunks.length < count || chunks.some((c) => typeof c !== "string" || !c))
    return "的数据不完整(有单元格被清空)";
  const json = chunks.join("");
  const sum = fnv1a(json);
  if (sum !== String(row[2])) return "的数据已被改动(校验码不符)";
  const known = cache?.byJson.get(json);
  if (known) {
    seen.add(json);
    return known.id === row[0] ? known : "的编号已被改动";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "的数据不是有效的 JSON";
  }
  const v = validatePack(parsed);
  if (!v.ok) return `的数据不符合规划包格式(${v.errors.slice(0, 2).join(";")})`;
  if (v.pack.id !== row[0]) return "的编号已被改动";
  if (cache) {
    cache.byJson.set(json, v.pack);
    cache.sums.set(v.pack, sum);
    seen.add(json);
  }
  return v.pack;
}
