// How a workbook stores packs: a veryHidden sheet of JSON chunks with a checksum per pack.
import fixture from "../fixtures/example-pack.json";
import { validatePack, type PlanPack } from "../../src/core/packs/pack";
import ExcelJS from "exceljs";
import {
  chunksOf,
  FINGERPRINT_LABEL,
  PACK_CHUNK,
  PACK_NOTICE,
  PACK_SHEET,
  packsFingerprint,
  packsFromGrid,
  packsToGrid,
  recordedFingerprint,
  type PackCache,
} from "../../src/sheet/pack-store";
import { sheetRows } from "../../src/cli/import";

/** No lone surrogate (String.prototype.isWellFormed is ES2024). */
const wellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const examplePack = (): PlanPack => {
  const v = validatePack(fixture);
  if (!v.ok) throw new Error(v.errors.join("\n"));
  return v.pack;
};

/** A pack of many targets: its JSON is over 30,000 characters. */
function bigPack(): PlanPack {
  const p = examplePack();
  p.id = "big";
  p.name = "大规划包";
  const t0 = p.plans[0].targets[4];
  p.indicators = Array.from({ length: 400 }, (_, i) => ({
    ...p.indicators[4],
    id: `s${i}`,
    name: `第${i}类工作站`,
  }));
  p.plans[0].observations = [];
  p.plans[0].targets = Array.from({ length: 400 }, (_, i) => ({
    ...t0,
    id: `s${i}`,
    indicator: `s${i}`,
    baseline: null,
    targetYear: 2026 + (i % 5),
    quote: `建成乡村科技特派员工作站${30 + i}个(第${i}条,示例)`,
    value: 30 + i,
  }));
  return p;
}

describe("pack store", () => {
  it("the first row says what the sheet is and not to edit it", () => {
    expect(packsToGrid([])[0]).toEqual([PACK_NOTICE]);
    expect(packsToGrid([], "0123abcd")[0]).toEqual([PACK_NOTICE, FINGERPRINT_LABEL, "0123abcd"]);
    expect(PACK_NOTICE).toContain("请勿编辑");
    expect(PACK_SHEET.length).toBeLessThanOrEqual(31);
  });

  it("round-trips packs, one over 30,000 characters split into cells of at most 30,000", () => {
    const packs = [examplePack(), bigPack()];
    expect(JSON.stringify(packs[1]).length).toBeGreaterThan(PACK_CHUNK);
    const grid = packsToGrid(packs);
    for (const row of grid)
      for (const c of row) expect(String(c ?? "").length).toBeLessThanOrEqual(PACK_CHUNK);
    expect(grid[3].length).toBeGreaterThan(5);
    expect(packsFromGrid(grid)).toEqual({ packs, errors: [] });
  });

  it("a 𠮷 across the 30,000 boundary stays whole: the cells are well-formed and load after an .xlsx round trip", async () => {
    const p = bigPack();
    // Pad 出处 so that the high surrogate of its last character, 𠮷, is the 30,000th unit of the JSON.
    p.source = "𠮷";
    const at = JSON.stringify(p).indexOf("𠮷");
    p.source = `${"出".repeat(PACK_CHUNK - 1 - at)}𠮷`;
    expect(JSON.stringify(p).indexOf("𠮷")).toBe(PACK_CHUNK - 1);
    const grid = packsToGrid([p]);
    for (const c of grid[2].slice(4)) expect(wellFormed(c as string)).toBe(true);

    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(PACK_SHEET);
    for (const row of grid) ws.addRow(row);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await book.xlsx.writeBuffer());
    expect(packsFromGrid(sheetRows(back.getWorksheet(PACK_SHEET)!))).toEqual({ packs: [p], errors: [] });
  });

  it("chunks are cut between code points, at most PACK_CHUNK units each", () => {
    const s = `${"a".repeat(PACK_CHUNK - 1)}𠮷${"b".repeat(PACK_CHUNK)}`;
    const chunks = chunksOf(s);
    expect(chunks.join("")).toBe(s);
    expect(chunks.map((c) => c.length)).toEqual([PACK_CHUNK - 1, PACK_CHUNK, 2]);
    expect(chunks.every(wellFormed)).toBe(true);
  });

  it("an edited cell is a Chinese error naming the pack's row; the other packs still load", () => {
    const grid = packsToGrid([examplePack(), bigPack()]);
    grid[2][4] = String(grid[2][4]).replace("150", "160");
    const r = packsFromGrid(grid);
    expect(r.packs.map((p) => p.id)).toEqual(["big"]);
    expect(r.errors).toEqual([
      `${PACK_SHEET}!A3:规划包“${fixture.name}”的数据已被改动(校验码不符),未载入;其他规划包不受影响。请移除后重新导入`,
    ]);
  });

  it("a cleared chunk and a changed count are errors too", () => {
    const grid = packsToGrid([bigPack(), examplePack()]);
    grid[2][5] = null;
    grid[3][3] = "x";
    const r = packsFromGrid(grid);
    expect(r.packs).toEqual([]);
    expect(r.errors[0]).toContain("的数据不完整(有单元格被清空)");
    expect(r.errors[1]).toContain("的片数(D列)已被改动");
  });

  it("an empty sheet holds no packs; a sheet without its header says it was changed", () => {
    expect(packsFromGrid([])).toEqual({ packs: [], errors: [] });
    const r = packsFromGrid([["随便写的"]]);
    expect(r.packs).toEqual([]);
    expect(r.errors[0]).toContain("工作表的格式已被改动");
  });
});

describe("the fingerprint of the packs formulas were computed with", () => {
  const cache = (): PackCache => ({ byJson: new Map(), sums: new WeakMap() });

  it("follows the packs' content, their order and the bundled data's version", () => {
    const a = examplePack();
    const b = bigPack();
    const f = packsFingerprint([a, b], "v1");
    expect(packsFingerprint([examplePack(), bigPack()], "v1")).toBe(f);
    expect(packsFingerprint([b, a], "v1")).not.toBe(f);
    expect(packsFingerprint([a, b], "v2")).not.toBe(f);
    const edited = bigPack();
    edited.plans[0].targets[7].value = 999;
    expect(packsFingerprint([a, edited], "v1")).not.toBe(f);
    expect(packsFingerprint([], "v1")).not.toBe(packsFingerprint([], "v2"));
  });

  it("is recorded in C1 beside the notice and read back; a store without one reads as none", () => {
    const f = packsFingerprint([examplePack()], "v1");
    expect(recordedFingerprint(packsToGrid([examplePack()], f))).toBe(f);
    expect(recordedFingerprint(packsToGrid([examplePack()]))).toBe("");
    expect(recordedFingerprint([])).toBe("");
  });

  it("the same from what was written as from what is read back (the stored JSON's checksums)", () => {
    const written = cache();
    const grid = packsToGrid([examplePack(), bigPack()], "x", written);
    const read = cache();
    const { packs } = packsFromGrid(grid, read);
    expect(packsFingerprint(packs, "v1", read)).toBe(
      packsFingerprint([examplePack(), bigPack()], "v1", written),
    );
  });

  it("a cached read parses nothing, keeps only what the store holds, and still refuses an edited cell", () => {
    const c = cache();
    const grid = packsToGrid([examplePack(), bigPack()], "x", c);
    const parse = jest.spyOn(JSON, "parse");
    const first = packsFromGrid(grid, c);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(first.packs.map((p) => p.id)).toEqual([examplePack().id, "big"]);
    packsFromGrid(grid.slice(0, 3), c); // the big pack removed
    expect(c.byJson.size).toBe(1);
    grid[2][2] = "00000000";
    expect(packsFromGrid(grid, c).errors[0]).toContain("校验码不符");
  });
});
