// Imported plans through the Office.js adapter (office-addin-mock): the table read from the active sheet, the
// store written as a veryHidden sheet in one write batch, Excel's full recalculation, the store read back at
// start-up, a progress sheet written for the imported plan; refusals write nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TABLE_HEADERS } from "../../src/core/packs/pack-table";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { createPackService, TABLE_SHEET } from "../../src/services/pack-service";
import { PACK_SHEET } from "../../src/sheet/pack-store";
import { a1 } from "../../src/workbook/workbook";
import { FakeExcel, type FakeSheet } from "./excel-mock";
import { createFace } from "./face";
import { serviceOver } from "./service-over";

const SOURCE = "青山县“十五五”科技创新规划(青政发〔2026〕3号)";
const PLAN = "青山县“十五五”科技创新规划";
const ROWS: (string | number)[][] = [
  [
    "青山县",
    PLAN,
    "高新技术企业",
    "家",
    2025,
    86,
    2030,
    150,
    "以上",
    "到2030年,全县高新技术企业达到150家以上",
    SOURCE,
  ],
  ["青山县", PLAN, "技术合同交易额", "亿元", 2025, "3.5", 2030, "8", "", "技术合同交易额达到8亿元", SOURCE],
];

const face = createFace();
const { importPacks } = face;

let fx: FakeExcel;
let table: FakeSheet;
beforeEach(() => {
  importPacks([]);
  fx = new FakeExcel();
  fx.addSheet("Sheet1");
  table = fx.addSheet(TABLE_SHEET);
  TABLE_HEADERS.forEach((h, c) => table.set(a1(0, c), h));
  ROWS.forEach((row, r) => row.forEach((v, c) => v !== "" && table.set(a1(r + 1, c), v)));
  fx.activeSheet = TABLE_SHEET;
  fx.selection = { sheet: TABLE_SHEET, row: 0, col: 0 };
  fx.install();
});
afterEach(() => fx.uninstall());

const value = (id: string, args: unknown[]) => {
  const o = face.run(id, args);
  return o.ok ? o.value : o.error;
};

test("import from the active sheet: one write batch adds the store veryHidden, then a full recalculation; PLAN.* answer", async () => {
  const syncs = fx.syncs;
  const o = await createPackService(new OfficeWorkbook(), face.store).importFromSheet();
  expect(o.kind).toBe("imported");
  // selection, read (table + store), write, calculate
  expect(fx.syncs - syncs).toBe(4);
  expect(fx.writeSyncs).toBe(2);
  const store = fx.sheet(PACK_SHEET)!;
  expect(store.visibility).toBe("VeryHidden");
  expect(fx.sheet("Sheet1")!.visibility).toBe("Visible");
  expect(fx.calculations).toEqual(["Full"]);
  expect(table.get("H2")).toBe(150); // the user's table is not written
  expect(fx.applied.filter((a) => a.includes(TABLE_SHEET))).toEqual([]);
  expect(value("TARGET", ["青山县", "技术合同交易额", 2030])).toBe(8);
  expect(String(value("INFO", ["青山县", "技术合同交易额", 2030, "出处"]))).toContain(SOURCE);
});

test("start-up: the store Excel holds (text cells as Office.js returns them) imports again; unchanged, no calculation", async () => {
  await createPackService(new OfficeWorkbook(), face.store).importFromSheet();
  importPacks([]);
  expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe("#N/A");
  fx.calculations = [];
  const loaded = await createPackService(new OfficeWorkbook(), face.store).loadStored();
  expect(loaded.errors).toEqual([]);
  expect(loaded.plans.map((p) => p.targets)).toEqual([2]);
  expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(150);
  expect(fx.calculations).toEqual([]); // computed with these packs at the import
});

test("a progress sheet for the imported plan through Office.js: its target values", async () => {
  const o = await createPackService(new OfficeWorkbook(), face.store).importFromSheet();
  if (o.kind !== "imported") throw new Error(o.kind);
  const r = await serviceOver(new OfficeWorkbook(), { year: 2027, store: face.store }).generate(
    o.plans[0].planId,
    2027,
  );
  expect(r.rows).toBe(2);
  const cells = [...fx.sheet(r.sheetName)!.cells.values()];
  expect(cells).toContain(150);
  expect(cells).toContain(8);
  expect(cells.some((v) => typeof v === "string" && v.includes(SOURCE))).toBe(true);
});

test("a protected workbook structure: a Chinese HostError, the catalog back to the bundled plans", async () => {
  fx.structureProtected = true;
  await expect(createPackService(new OfficeWorkbook(), face.store).importFromSheet()).rejects.toThrow(
    /工作簿结构受保护/,
  );
  expect(fx.sheet(PACK_SHEET)).toBeUndefined();
  expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe("#N/A");
});

test("the template through Office.js: header, Text cells (what is typed is read), year validation", async () => {
  fx.sheets = fx.sheets.filter((s) => s.name !== TABLE_SHEET);
  const r = await createPackService(new OfficeWorkbook(), face.store).insertTableTemplate();
  expect(r.created).toBe(true);
  const s = fx.sheet(TABLE_SHEET)!;
  expect(TABLE_HEADERS.map((_, c) => s.get(a1(0, c)))).toEqual([...TABLE_HEADERS]);
  expect(s.numFmt.get(`1,${TABLE_HEADERS.indexOf("目标值")}`)).toBe("@");
  expect(s.numFmt.get(`1,${TABLE_HEADERS.indexOf("目标年")}`)).toBe("General");
  expect(s.validation.get(`1,${TABLE_HEADERS.indexOf("目标年")}`)).toEqual(
    expect.objectContaining({
      rule: { wholeNumber: expect.objectContaining({ formula1: 1990, formula2: 2100 }) },
    }),
  );
  expect(fx.activeSheet).toBe(TABLE_SHEET);
});

test("a pack over 30,000 characters: split over cells of the store, read back whole at start-up", async () => {
  const pack = JSON.parse(readFileSync(join(__dirname, "../fixtures/example-pack.json"), "utf8"));
  for (const t of pack.plans[0].targets) t.quote = `${t.quote}。${"（规划原文的上下文）".repeat(1500)}`;
  const bytes = new TextEncoder().encode(JSON.stringify(pack));
  expect(bytes.length).toBeGreaterThan(60_000);
  const o = await createPackService(new OfficeWorkbook(), face.store).importFromFile("big.json", bytes);
  expect(o.kind).toBe("imported");
  const cells = [...fx.sheet(PACK_SHEET)!.cells.values()].filter((v) => typeof v === "string");
  expect(cells.filter((v) => String(v).length > 1000).length).toBeGreaterThan(1);
  expect(Math.max(...cells.map((v) => String(v).length))).toBeLessThanOrEqual(30_000);
  importPacks([]);
  const loaded = await createPackService(new OfficeWorkbook(), face.store).loadStored();
  expect(loaded.errors).toEqual([]);
  expect(loaded.plans.map((p) => p.name)).toEqual([pack.plans[0].title]);
});

test("a percent typed into a General cell (Excel keeps 0.022 formatted 0.0%): read through Range.numberFormat as 2.2", async () => {
  const row = [
    "青山县",
    PLAN,
    "研发经费投入强度",
    "%",
    2025,
    0.016,
    2030,
    0.022,
    "",
    "研发经费投入强度达到2.2%",
    SOURCE,
  ];
  row.forEach((v, c) => table.set(a1(3, c), v));
  table.numFmt.set("3,5", "0.0%"); // 基期值 (row 4, column F)
  table.numFmt.set("3,7", "0.0%"); // 目标值 (column H)
  expect((await createPackService(new OfficeWorkbook(), face.store).importFromSheet()).kind).toBe("imported");
  expect(value("TARGET", ["青山县", "研发经费投入强度", 2030])).toBe(2.2);
  expect(value("BASELINE", ["青山县", "研发经费投入强度", 2030])).toBe(1.6);
});
