// Imported plans on the in-memory workbook: a 规划目标 table → the veryHidden store → PLAN.* (runner and
// HyperFormula cells typed before the import) → a progress sheet; loading the store at start-up; conflicts; a
// re-import that asks; a tampered store; files (JSON, .xlsx); appending extracted candidates to the table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Candidate } from "../../src/core/extract";
import { PACK_LIMITS, packFileTooBig, validatePack } from "../../src/core/packs/pack";
import { TABLE_HEADERS } from "../../src/core/packs/pack-table";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import {
  candidateRows,
  createPackService,
  reviewOf,
  TABLE_SHEET,
  type ImportOutcome,
} from "../../src/services/pack-service";
import { PACK_SHEET, packsToGrid } from "../../src/sheet/pack-store";
import { HostError } from "../../src/services/service";
import { a1 } from "../../src/workbook/workbook";
import { createFace } from "./face";
import { serviceOver } from "./service-over";

// One runtime, as the preview has: the services, PLAN.* in HyperFormula and the runner share its store.
const face = createFace();
const { importPacks } = face;
registerPlanFunctions(face.runner);

const SOURCE = "青山县“十五五”科技创新规划(青政发〔2026〕3号)";
const PLAN = "青山县“十五五”科技创新规划";
/** Two rows as a statistician types them: 150家 with 以上, a percent, a blank 比较. */
const ROWS: (string | number | null)[][] = [
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
  [
    "青山县",
    PLAN,
    "研发经费投入强度",
    "%",
    2025,
    "1.6",
    2030,
    "2.2%",
    null,
    "全社会研发经费投入强度达到2.2%",
    SOURCE,
  ],
];
const FORMULA = '=PLAN.TARGET("青山县","高新技术企业",2030)';

let wb: MemoryWorkbook;
beforeEach(() => {
  importPacks([]); // every test starts from the bundled plans alone
  wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.select("Sheet1", "A1");
});

/** Type rows into the table below its header, cell by cell, as the user does. */
function typeRows(rows: (string | number | null)[][], first = 1) {
  rows.forEach((row, i) =>
    row.forEach((v, c) => {
      if (v !== null) wb.setCell(TABLE_SHEET, a1(first + i, c), String(v));
    }),
  );
}

async function importTable(rows = ROWS) {
  const packs = createPackService(wb, face.store);
  await packs.insertTableTemplate();
  typeRows(rows);
  return { packs, outcome: await packs.importFromSheet() };
}

const value = (id: string, args: unknown[]) => {
  const o = face.run(id, args);
  return o.ok ? o.value : o.error;
};
const imported = (o: ImportOutcome) => {
  if (o.kind !== "imported") throw new Error(`expected imported, got ${JSON.stringify(o)}`);
  return o;
};

describe("round trip: table → store → functions → progress sheet", () => {
  test("the template: TABLE_HEADERS in row 1, activated, yellow rows to type into, year validation", async () => {
    const r = await createPackService(wb, face.store).insertTableTemplate();
    expect(r).toEqual({ sheetName: TABLE_SHEET, created: true });
    expect(wb.active).toBe(TABLE_SHEET);
    expect(wb.valuesOf(TABLE_SHEET)[0]).toEqual([...TABLE_HEADERS]);
    expect(wb.cell(TABLE_SHEET, "A2").input).toBe(true);
    wb.setCell(TABLE_SHEET, a1(1, TABLE_HEADERS.indexOf("目标年")), "30");
    expect(wb.validate(TABLE_SHEET, a1(1, TABLE_HEADERS.indexOf("目标年")))?.text).toMatch(/四位年份/);
    // Again: switches to it, writes nothing over what was typed.
    wb.setCell(TABLE_SHEET, "A2", "青山县");
    wb.select("Sheet1", "A1");
    expect(await createPackService(wb, face.store).insertTableTemplate()).toEqual({
      sheetName: TABLE_SHEET,
      created: false,
    });
    expect(wb.active).toBe(TABLE_SHEET);
    expect(wb.value(TABLE_SHEET, "A2")).toBe("青山县");
  });

  test("import from the active sheet: stored veryHidden, PLAN.TARGET and PLAN.INFO(出处) answer, an earlier cell recalculates", async () => {
    wb.setCell("Sheet1", "B2", FORMULA);
    expect(wb.value("Sheet1", "B2")).toBe("#N/A");
    const { outcome } = await importTable();
    const o = imported(outcome);
    expect(o.plans).toEqual([expect.objectContaining({ name: PLAN, source: SOURCE, targets: 2 })]);
    expect(o.conflicts).toEqual([]);
    expect(wb.sheetNames()).toContain(PACK_SHEET);
    expect(wb.visibilityOf(PACK_SHEET)).toBe("veryHidden");
    expect(wb.tabNames()).not.toContain(PACK_SHEET);
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(150);
    expect(value("TARGET", ["青山县", "研发经费投入强度", 2030])).toBe(2.2);
    expect(String(value("INFO", ["青山县", "高新技术企业", 2030, "出处"]))).toContain(SOURCE);
    expect(value("INFO", ["青山县", "高新技术企业", 2030, "原文"])).toBe(ROWS[0][9]);
    expect(value("BASELINE", ["青山县", "高新技术企业", 2030])).toBe(86);
    expect(wb.value("Sheet1", "B2")).toBe(150);
  });

  test("a progress sheet for the imported plan: its target values, and the quote with the user's 出处", async () => {
    const o = imported((await importTable()).outcome);
    const service = serviceOver(wb, { year: 2027, store: face.store });
    const r = await service.generate(o.plans[0].planId, 2027);
    expect(r.rows).toBe(2);
    const cells = wb.valuesOf(r.sheetName).flat();
    expect(cells).toContain(150);
    expect(cells).toContain(2.2);
    // The 出处 column: the plan as imported, with the user's 出处, and the verbatim quote.
    const cited = cells.filter((v) => typeof v === "string" && v.includes(String(ROWS[0][9])));
    expect(cited).toEqual([expect.stringContaining(SOURCE)]);
  });

  test("a colleague opens the workbook: loadStored imports the store, PLAN.* answer again", async () => {
    await importTable();
    importPacks([]); // a fresh runtime: bundled plans only
    wb.setCell("Sheet1", "C3", FORMULA);
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe("#N/A");
    // C3 answered before the load (without the packs): the load recalculates though the store is unchanged.
    const loaded = await createPackService(wb, face.store).loadStored({ answeredBefore: () => true });
    expect(loaded.errors).toEqual([]);
    expect(loaded.plans.map((p) => [p.name, p.targets])).toEqual([[PLAN, 2]]);
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(150);
    expect(wb.value("Sheet1", "C3")).toBe(150);
    expect(await createPackService(wb, face.store).listImported()).toEqual(loaded.plans);
  });

  test("a workbook without a store: loadStored changes nothing", async () => {
    const writes = wb.writes;
    expect(await createPackService(wb, face.store).loadStored()).toEqual({
      plans: [],
      conflicts: [],
      errors: [],
    });
    expect(wb.writes).toBe(writes);
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("nothing replaced silently", () => {
  /** A new plan's row for a target a bundled plan states: 益阳 高新技术企业 in 2025. */
  const YIYANG_2025 = [
    "益阳",
    "益阳新规划",
    "高新技术企业",
    "家",
    null,
    null,
    2025,
    900,
    null,
    "高新技术企业达到900家",
    "某文件",
  ];

  test("a target the bundled plans state (益阳 高新技术企业 2025) is reported and left out; the bundled value stands", async () => {
    const bundled = value("TARGET", ["益阳", "高新技术企业", 2025]);
    const rows = [YIYANG_2025, ROWS[0]];
    const o = imported((await importTable(rows)).outcome);
    expect(o.conflicts).toHaveLength(1);
    expect(o.conflicts[0]).toEqual(
      expect.objectContaining({ year: 2025, message: expect.stringMatching(/[\u4e00-\u9fff]/) }),
    );
    expect(value("TARGET", ["益阳", "高新技术企业", 2025])).toBe(bundled);
    expect(o.notes.join("\n")).toMatch(/益阳/); // taken as the bundled region, said so
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(150);
  });

  test("every target conflicting: failed, nothing stored", async () => {
    const rows = [YIYANG_2025];
    const { outcome } = await importTable(rows);
    expect(outcome.kind).toBe("failed");
    expect(wb.sheetNames()).not.toContain(PACK_SHEET);
  });

  test("importing the edited table again asks; cancelled nothing changes, confirmed it replaces", async () => {
    const { packs } = await importTable();
    wb.setCell(TABLE_SHEET, a1(1, TABLE_HEADERS.indexOf("目标值")), "160");
    const store = wb.valuesOf(PACK_SHEET);
    const again = await packs.importFromSheet();
    expect(again).toEqual({ kind: "exists", packs: [expect.objectContaining({ storedName: PLAN })] });
    expect(wb.valuesOf(PACK_SHEET)).toEqual(store);
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(150);
    imported(await packs.importFromSheet(undefined, { replace: true }));
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(160);
    expect(await packs.listImported()).toHaveLength(1);
  });

  test("a wrong cell: its address and what to type, nothing stored", async () => {
    const rows = [ROWS[0].map((v, c) => (TABLE_HEADERS[c] === "目标值" ? "约六百" : v))];
    const { outcome } = await importTable(rows);
    expect(outcome.kind).toBe("invalid");
    if (outcome.kind !== "invalid") return;
    expect(outcome.errors.join("\n")).toMatch(new RegExp(`${TABLE_SHEET}!H2.*约六百`));
    expect(wb.sheetNames()).not.toContain(PACK_SHEET);
  });

  /** The user's own table (General cells, not the template's Text ones), typed cell by cell. */
  function ownTable(rows: (string | number | null)[][]) {
    wb.addSheet("我的规划");
    TABLE_HEADERS.forEach((h, c) => wb.setCell("我的规划", a1(0, c), h));
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== null && wb.setCell("我的规划", a1(r + 1, c), String(v))),
    );
  }
  const withBaseline = (b: string) => ROWS.map((r, i) => (i === 1 ? r.map((v, c) => (c === 5 ? b : v)) : r));

  test("2.2% and 1.6% typed into General cells of the user's own table (Excel keeps 0.022, 0.016 in a percent format): read as typed", async () => {
    ownTable(withBaseline("1.6%"));
    expect(wb.value("我的规划", a1(2, TABLE_HEADERS.indexOf("目标值")))).toBeCloseTo(0.022, 12);
    expect(wb.value("我的规划", a1(2, TABLE_HEADERS.indexOf("基期值")))).toBeCloseTo(0.016, 12);
    imported(await createPackService(wb, face.store).importFromSheet("我的规划"));
    expect(value("TARGET", ["青山县", "研发经费投入强度", 2030])).toBe(2.2);
    expect(value("BASELINE", ["青山县", "研发经费投入强度", 2030])).toBe(1.6);
  });

  test("a host that gives no number formats: 2.2% read as 0.022 is refused, never imported as 0.022", async () => {
    ownTable(ROWS);
    // The same workbook, its reads without numberFormats (as a host that does not report them).
    const bare = Object.create(wb) as MemoryWorkbook;
    bare.read = async (names) => {
      const snap = await wb.read(names);
      for (const c of snap.sheets.values()) delete c.numberFormats;
      return snap;
    };
    const o = await createPackService(bare, face.store).importFromSheet("我的规划");
    expect(o.kind).toBe("invalid");
    expect(o.kind === "invalid" && o.errors.join()).toMatch(
      /读到的是 0\.022.*原文写的是 2\.2%.*请在目标值中填 2\.2/,
    );
    expect(wb.sheetNames()).not.toContain(PACK_SHEET);
    expect(value("TARGET", ["青山县", "研发经费投入强度", 2030])).toBe("#N/A");
  });

  test("a tampered store: the load says so in Chinese; an import asks before rewriting it", async () => {
    const { packs } = await importTable();
    const grid = wb.valuesOf(PACK_SHEET);
    const row = grid.findIndex((r) => typeof r[4] === "string" && String(r[4]).startsWith("{"));
    wb.setCell(PACK_SHEET, a1(row, 4), String(grid[row][4]).replace("150", "999"));
    importPacks([]);
    const loaded = await createPackService(wb, face.store).loadStored();
    expect(loaded.plans).toEqual([]);
    expect(loaded.errors.join("")).toMatch(/已被改动|校验码/);
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe("#N/A"); // never the edited 999
    const o = await packs.importFromSheet();
    expect(o.kind).toBe("storeDamaged");
    imported(await packs.importFromSheet(undefined, { discardDamaged: true }));
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe(150);
  });

  test("a protected store sheet: a Chinese HostError, nothing written", async () => {
    const { packs } = await importTable();
    wb.protect(PACK_SHEET);
    const writes = wb.writes;
    await expect(packs.removeImported((await packs.listImported())[0].packId)).rejects.toThrow(HostError);
    expect(wb.writes).toBe(writes);
  });

  test("remove: PLAN.* stop answering from it, the store keeps only the others", async () => {
    const { packs } = await importTable();
    wb.setCell("Sheet1", "B2", FORMULA);
    const [p] = await packs.listImported();
    const o = await packs.removeImported(p.packId);
    expect(o).toEqual(expect.objectContaining({ kind: "removed", pack: { id: p.packId, name: PLAN } }));
    expect(await packs.listImported()).toEqual([]);
    expect(value("TARGET", ["青山县", "高新技术企业", 2030])).toBe("#N/A");
    expect(wb.value("Sheet1", "B2")).toBe("#N/A");
    importPacks([]);
    expect((await createPackService(wb, face.store).loadStored()).plans).toEqual([]);
  });
});

describe("pack files", () => {
  const example = readFileSync(join(__dirname, "../fixtures/example-pack.json"));

  test("a pack .json (the repository's example, not bundled data)", async () => {
    const o = imported(
      await createPackService(wb, face.store).importFromFile("example-pack.json", new Uint8Array(example)),
    );
    expect(o.plans.length).toBeGreaterThan(0);
    expect(wb.visibilityOf(PACK_SHEET)).toBe("veryHidden");
  });

  test("not JSON, or not a pack: a Chinese error, nothing stored", async () => {
    const packs = createPackService(wb, face.store);
    const bad = await packs.importFromFile("x.json", new TextEncoder().encode("{ 不是 json"));
    expect(bad.kind === "invalid" && bad.errors[0]).toMatch(/不是有效的 JSON/);
    const wrong = await packs.importFromFile("y.json", new TextEncoder().encode('{"format":"plan-pack"}'));
    expect(wrong.kind).toBe("invalid");
    const utf16 = await packs.importFromFile("z.json", new Uint8Array([0xff, 0xfe, 0x7b, 0x00]));
    expect(utf16.kind === "invalid" && utf16.errors[0]).toMatch(/不是 UTF-8 编码的文本/);
    const docx = await packs.importFromFile("plan.docx", new Uint8Array([1, 2]));
    expect(docx.kind === "invalid" && docx.errors[0]).toMatch(/\.json 或 \.xlsx/);
    expect(wb.sheetNames()).not.toContain(PACK_SHEET);
  });

  test("a file over the size limit is refused before ExcelJS reads it", async () => {
    const big = new Uint8Array(PACK_LIMITS.fileBytes + 1); // zeros: read, it would be a damaged workbook
    const o = await createPackService(wb, createFace().store).importFromFile("huge.xlsx", big);
    expect(o).toEqual({
      kind: "invalid",
      errors: [packFileTooBig("huge.xlsx", big.byteLength)],
      warnings: [],
    });
    expect(wb.sheetNames()).not.toContain(PACK_SHEET);
  });

  test("a .xlsx with a 规划目标 table (read with ExcelJS)", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(TABLE_SHEET);
    ws.addRow([...TABLE_HEADERS]);
    for (const r of ROWS) ws.addRow(r);
    // As Excel saves "2.2%" typed into a General cell: the number 0.022 in a percent format.
    ws.getCell("H3").value = 0.022;
    ws.getCell("H3").numFmt = "0.0%";
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    imported(await createPackService(wb, face.store).importFromFile("青山县.xlsx", bytes));
    expect(value("TARGET", ["青山县", "研发经费投入强度", 2030])).toBe(2.2);
  });
});

test("a .xlsx that stores packs (as plan import --into writes it): its packs", async () => {
  const pack = validatePack(
    JSON.parse(readFileSync(join(__dirname, "../fixtures/example-pack.json"), "utf8")),
  );
  if (!pack.ok) throw new Error(pack.errors.join());
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet1");
  const ws = book.addWorksheet(PACK_SHEET);
  for (const row of packsToGrid([pack.pack])) ws.addRow(row);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const o = imported(await createPackService(wb, face.store).importFromFile("同事的工作簿.xlsx", bytes));
  expect(o.packs).toEqual([{ id: pack.pack.id, name: pack.pack.name }]);
});

describe("extraction candidates → the 规划目标 table", () => {
  const cand = (over: Partial<Candidate>): Candidate => ({
    indicator: "高新技术企业",
    value: 150,
    min: null,
    max: null,
    unit: "家",
    year: 2030,
    comparison: "at_least",
    comparisonWord: "以上",
    kind: "level",
    hedged: false,
    baseline: false,
    quote: "到2030年,全县高新技术企业达到150家以上",
    start: 0,
    end: 20,
    ...over,
  });
  const ctx = { region: "青山县", plan: PLAN, source: SOURCE };

  test("rows with the verbatim quote; a baseline of the same indicator fills 基期年/基期值; rejected ones left out", () => {
    const items = [
      reviewOf(cand({})),
      reviewOf(cand({ baseline: true, value: 86, year: 2025, quote: "2025年全县高新技术企业达到86家" })),
      { ...reviewOf(cand({ indicator: "专利", quote: "专利1000件" })), accepted: false },
      reviewOf(
        cand({
          indicator: "新型研发机构",
          value: null,
          min: 2,
          max: 3,
          unit: "家",
          comparison: "range",
          quote: "新型研发机构2-3家",
        }),
      ),
    ];
    const rows = candidateRows(items, ctx);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        指标: "高新技术企业",
        目标值: 150,
        基期年: 2025,
        基期值: 86,
        比较: "以上",
        原文: items[0].candidate.quote,
      }),
    );
    expect(rows[1]).toEqual(expect.objectContaining({ 目标值: "2-3", 比较: "区间", 基期值: null }));
  });

  test("a rank target (lower is better) is shown unticked and never becomes a row, even when ticked", () => {
    const rank = reviewOf(
      cand({ indicator: "全省排名", value: 40, unit: "位", kind: "rank", quote: "跃居全省前40位" }),
    );
    expect(rank.accepted).toBe(false);
    expect(candidateRows([{ ...rank, accepted: true }, reviewOf(cand({}))], ctx)).toHaveLength(1);
  });

  test("appended below the user's rows (creating the table first), never over them; then importable", async () => {
    const packs = createPackService(wb, face.store);
    const first = await packs.appendToTable(candidateRows([reviewOf(cand({}))], ctx));
    expect(first).toEqual({ sheetName: TABLE_SHEET, firstRow: 2, count: 1 });
    wb.setCell(TABLE_SHEET, "A3", "用户自己的行");
    const second = await packs.appendToTable(
      candidateRows(
        [
          reviewOf(
            cand({
              indicator: "研发经费投入强度",
              value: 2.2,
              unit: "%",
              comparison: "reach",
              quote: "全社会研发经费投入强度达到2.2%",
            }),
          ),
        ],
        ctx,
      ),
    );
    expect(second.firstRow).toBe(4);
    expect(wb.value(TABLE_SHEET, "A3")).toBe("用户自己的行");
    expect(wb.value(TABLE_SHEET, a1(3, TABLE_HEADERS.indexOf("原文")))).toBe(
      "全社会研发经费投入强度达到2.2%",
    );
    wb.deleteRows(TABLE_SHEET, 3);
    imported(await packs.importFromSheet(TABLE_SHEET));
    expect(value("TARGET", ["青山县", "研发经费投入强度", 2030])).toBe(2.2);
  });

  test("a table whose header cannot be found: refused, nothing written", async () => {
    wb.addSheet(TABLE_SHEET);
    wb.setCell(TABLE_SHEET, "A1", "别的内容");
    const writes = wb.writes;
    await expect(
      createPackService(wb, face.store).appendToTable(candidateRows([reviewOf(cand({}))], ctx)),
    ).rejects.toMatchObject({ reason: { reason: "tableHeaderNotFound" } });
    expect(wb.writes).toBe(writes);
  });
});

test("an import tells the store's listeners once, and a stopped listener hears nothing more", async () => {
  const heard = jest.fn();
  const stop = face.store.subscribe(heard);
  await importTable();
  expect(heard).toHaveBeenCalledTimes(1);
  stop();
  importPacks([]);
  expect(heard).toHaveBeenCalledTimes(1);
});

test("the store's catalog is the one importPacks installed (the pane's tabs read it)", async () => {
  await importTable();
  expect(face.catalog().plans.some((p) => p.title === PLAN)).toBe(true);
});

test("another runtime's store is untouched by this one's import", async () => {
  const other = createFace();
  await importTable();
  expect(other.catalog().plans.some((p) => p.title === PLAN)).toBe(false);
  expect(other.run("TARGET", ["青山县", "高新技术企业", 2030])).toMatchObject({ ok: false, error: "#N/A" });
});
