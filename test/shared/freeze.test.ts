// 转为数值: PLAN.* formulas become their values, each with a provenance note; other formulas, error cells and cells
// edited since the preview are left alone. On the in-memory workbook (HyperFormula computes PLAN.*) and on the
// Office.js adapter over office-addin-mock.
import { createCatalogStore } from "../../src/core/catalog/store";
import { bundledContext } from "../../src/core/functions/functions";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { isPlanFormula, maySpill, previewFreeze, provenanceNote } from "../../src/sheet/freeze";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { CELLS_PER_READ, OfficeWorkbook } from "../../src/workbook/office-workbook";
import { createProgressService } from "../../src/services/progress-service";
import { HostError } from "../../src/services/service";
import { FakeExcel } from "./excel-mock";

const HIGHTECH = '=PLAN.TARGET("益阳","高新技术企业",2025)';
const QUOTE = "高新技术企业数达到600家以上";

describe("which formulas, and their notes", () => {
  test.each([
    [HIGHTECH, true],
    ['=plan.target("益阳","高新技术企业",2025)*2', true],
    ['=IFERROR(PLAN.STATUS("益阳","高新技术企业",2025,470,2023),"")', true],
    ["=SUM(A1:A3)", false],
    ['=MYPLAN.X("a")', false],
    ['PLAN.TARGET("益阳","高新技术企业",2025)', false], // text, not a formula
  ])("%s → %s", (f, yes) => expect(isPlanFormula(f)).toBe(yes));

  test("a call naming one target cites its plan and words; an expression keeps the formula only", () => {
    const ctx = bundledContext();
    const one = provenanceNote(HIGHTECH, ctx);
    expect(one).toContain(`原公式:${HIGHTECH}`);
    expect(one).toContain(`出处:《益阳市“十四五”科技发展规划》:“${QUOTE}”`);
    expect(one).toContain("数据 2026-12 版,5 份规划");
    expect(one).not.toMatch(/seeds\/|\.txt/);
    const expr = provenanceNote(`${HIGHTECH}*2`, ctx);
    expect(expr).toContain("原公式");
    expect(expr).not.toContain("出处");
  });

  test("cells showing an error are listed, not converted", () => {
    const p = previewFreeze(
      [
        { sheet: "S", row: 0, col: 0, formula: HIGHTECH, value: 600 },
        { sheet: "S", row: 1, col: 0, formula: '=PLAN.TARGET("益阳","火星基地",2025)', value: "#N/A" },
        { sheet: "S", row: 2, col: 0, formula: "=1+1", value: 2 },
      ],
      bundledContext(),
    );
    expect(p.cells.map((c) => c.row)).toEqual([0]);
    expect(p.errors.map((c) => c.row)).toEqual([1]);
  });
});

describe("in-memory workbook", () => {
  beforeAll(() => registerPlanFunctions());

  function book() {
    const wb = new MemoryWorkbook();
    wb.addSheet("数据");
    wb.setCell("数据", "A1", HIGHTECH);
    wb.setCell("数据", "A2", "=SUM(1,2)");
    wb.setCell("数据", "A3", '=PLAN.TARGET("益阳","火星基地",2025)');
    wb.setCell("数据", "A4", `${HIGHTECH}*2`);
    wb.setCell("数据", "B1", 5);
    wb.addSheet("其他");
    wb.setCell("其他", "C2", '=PLAN.TARGET("益阳","研发经费投入强度",2025)');
    wb.select("数据", "A1");
    return { wb, service: createProgressService(wb, createCatalogStore()) };
  }

  test("sheet scope: PLAN.* values replace their formulas, with notes; the rest stays", async () => {
    const { wb, service } = book();
    const p = await service.previewFreeze("sheet");
    expect(p.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 600],
      [3, 0, 1200],
    ]);
    expect(p.errors.map((c) => c.formula)).toEqual(['=PLAN.TARGET("益阳","火星基地",2025)']);
    expect(wb.writes).toBe(0); // the preview changes nothing

    const r = await service.freeze(p.cells);
    expect(r.converted).toHaveLength(2);
    expect(r.notes).toBe(true);
    const c = wb.contentOf("数据");
    expect(c.formulas[0][0]).toBe(600);
    expect(c.formulas[3][0]).toBe(1200);
    expect(c.formulas[1][0]).toBe("=SUM(1,2)");
    expect(c.formulas[2][0]).toBe('=PLAN.TARGET("益阳","火星基地",2025)');
    expect(c.formulas[0][1]).toBe(5);
    expect(wb.noteOf("数据", "A1")).toContain(QUOTE);
    expect(wb.noteOf("数据", "A4")).toContain(`原公式:${HIGHTECH}*2`);
    expect(wb.contentOf("其他").formulas[1][2]).toMatch(/^=PLAN/); // another sheet: untouched
  });

  test("workbook scope reaches every sheet; selection scope only the selected range", async () => {
    const { wb, service } = book();
    expect((await service.previewFreeze("workbook")).cells.map((c) => c.sheet)).toEqual([
      "数据",
      "数据",
      "其他",
    ]);
    wb.select("数据", "A2:A4");
    expect((await service.previewFreeze("selection")).cells.map((c) => c.row)).toEqual([3]);
  });

  test("a cell edited after the preview is left alone and reported", async () => {
    const { wb, service } = book();
    const p = await service.previewFreeze("sheet");
    wb.setCell("数据", "A4", "我的数字");
    const r = await service.freeze(p.cells);
    expect(r.converted.map((c) => c.row)).toEqual([0]);
    expect(r.changed.map((c) => c.row)).toEqual([3]);
    expect(wb.contentOf("数据").formulas[3][0]).toBe("我的数字");
    expect(wb.noteOf("数据", "A4")).toBeNull();
  });

  test("a protected sheet: refused, nothing changed", async () => {
    const { wb, service } = book();
    const p = await service.previewFreeze("sheet");
    wb.protect("数据");
    await expect(service.freeze(p.cells)).rejects.toThrow(HostError);
    expect(wb.contentOf("数据").formulas[0][0]).toBe(HIGHTECH);
  });
});

describe("Office.js adapter (office-addin-mock)", () => {
  let fx: FakeExcel;
  beforeEach(() => {
    fx = new FakeExcel();
    fx.install();
    const s = fx.addSheet("数据");
    s.cells.set("0,0", HIGHTECH);
    s.shown.set("0,0", 600);
    s.cells.set("1,0", "=SUM(1,2)");
    s.shown.set("1,0", 3);
    s.cells.set("2,0", '=PLAN.TARGET("益阳","火星基地",2025)');
    s.shown.set("2,0", "#N/A");
    s.cells.set("3,1", '=PLAN.INFO("益阳","高新技术企业",2025,"单位")');
    s.shown.set("3,1", "家");
    fx.activeSheet = "数据";
  });
  afterEach(() => fx.uninstall());

  const service = (comments = true) =>
    createProgressService(
      new OfficeWorkbook({ supported: () => true, comments: () => comments }),
      createCatalogStore(),
    );

  test("two read syncs (the used range's size, then its cells); values written, comments added, the rest untouched", async () => {
    const svc = service();
    const p = await svc.previewFreeze("sheet");
    expect(fx.syncs).toBe(2);
    expect(p.cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 600],
      [3, 1, "家"],
    ]);
    expect(p.errors).toHaveLength(1);
    const r = await svc.freeze(p.cells);
    expect(r.notes).toBe(true);
    const s = fx.sheet("数据")!;
    expect(s.cells.get("0,0")).toBe(600);
    expect(s.cells.get("3,1")).toBe("家");
    expect(s.cells.get("1,0")).toBe("=SUM(1,2)");
    expect(s.cells.get("2,0")).toBe('=PLAN.TARGET("益阳","火星基地",2025)');
    expect(fx.comments.get("'数据'!A1")).toContain(QUOTE);
    expect(fx.comments.get("'数据'!B4")).toContain("原公式");
  });

  test("selection scope reads the selected range", async () => {
    fx.selection = { sheet: "数据", row: 1, col: 0, rows: 3, cols: 2 };
    const p = await service().previewFreeze("selection");
    expect(p.cells.map((c) => `${c.row},${c.col}`)).toEqual(["3,1"]);
  });

  test("without comments (before ExcelApi 1.10): values written, notes reported as not kept", async () => {
    const svc = service(false);
    const r = await svc.freeze((await svc.previewFreeze("workbook")).cells);
    expect(r.converted).toHaveLength(2);
    expect(r.notes).toBe(false);
    expect(fx.comments.size).toBe(0);
    expect(fx.sheet("数据")!.cells.get("0,0")).toBe(600);
  });

  test("a cell changed since the preview is not overwritten", async () => {
    const svc = service();
    const p = await svc.previewFreeze("sheet");
    fx.sheet("数据")!.cells.set("0,0", 123);
    const r = await svc.freeze(p.cells);
    expect(r.changed.map((c) => c.row)).toEqual([0]);
    expect(fx.sheet("数据")!.cells.get("0,0")).toBe(123);
    expect(fx.comments.has("'数据'!A1")).toBe(false);
  });
});

describe("a spilled array (PLAN.LIST, a PLAN.TARGET over a range): the whole grid becomes values", () => {
  const LIST = '=PLAN.LIST("益阳")';
  const OVER_RANGE = '=PLAN.TARGET("益阳",D1:D2,2025)';
  let fx: FakeExcel;
  beforeEach(() => {
    fx = new FakeExcel();
    fx.install();
    const s = fx.addSheet("数据");
    // A1 spills over A1:B3; C1 (a PLAN.TARGET over D1:D2) over C1:C2; A6 is one value.
    s.cells.set("0,0", LIST);
    s.spills.set("0,0", { r1: 0, c1: 0, r2: 2, c2: 1 });
    [
      ["高新技术企业", 600],
      ["研发经费投入强度", 2.5],
      ["技术合同成交额", 30],
    ].forEach(([name, v], r) => {
      s.shown.set(`${r},0`, name);
      s.shown.set(`${r},1`, v);
    });
    s.cells.set("0,2", OVER_RANGE);
    s.spills.set("0,2", { r1: 0, c1: 2, r2: 1, c2: 2 });
    s.shown.set("0,2", 600);
    s.shown.set("1,2", 2.5);
    s.cells.set("5,0", HIGHTECH);
    s.shown.set("5,0", 600);
    fx.activeSheet = "数据";
  });
  afterEach(() => fx.uninstall());

  const service = (spills: boolean) =>
    createProgressService(
      new OfficeWorkbook({ supported: () => true, comments: () => false, spills: () => spills }),
      createCatalogStore(),
    );

  test("with ExcelApi 1.12: each spill's range written in one assignment, every cell a value", async () => {
    const svc = service(true);
    const p = await svc.previewFreeze("sheet");
    expect(p.cells.map((c) => c.formula)).toEqual([LIST, OVER_RANGE, HIGHTECH]);
    fx.applied.length = 0;
    const r = await svc.freeze(p.cells);
    expect(r.converted).toHaveLength(3);
    expect(r.spillsRefused).toEqual([]);
    const s = fx.sheet("数据")!;
    expect([0, 1, 2].map((row) => [s.cells.get(`${row},0`), s.cells.get(`${row},1`)])).toEqual([
      ["高新技术企业", 600],
      ["研发经费投入强度", 2.5],
      ["技术合同成交额", 30],
    ]);
    expect([s.cells.get("0,2"), s.cells.get("1,2")]).toEqual([600, 2.5]);
    expect(s.cells.get("5,0")).toBe(600);
    expect(fx.applied).toEqual(["set A1:B3 values", "set C1:C2 values", "set A6 values"]);
  });

  test("without ExcelApi 1.12: formulas that may spill are left as they are and reported; the others converted", async () => {
    const svc = service(false);
    const p = await svc.previewFreeze("sheet");
    const r = await svc.freeze(p.cells);
    expect(r.spillsRefused.map((c) => c.formula)).toEqual([LIST, OVER_RANGE]);
    expect(r.converted.map((c) => c.formula)).toEqual([HIGHTECH]);
    const s = fx.sheet("数据")!;
    expect(s.cells.get("0,0")).toBe(LIST);
    expect(s.cells.get("0,2")).toBe(OVER_RANGE);
    expect(s.cells.has("1,0")).toBe(false);
    expect(s.cells.get("5,0")).toBe(600);
  });

  test("in memory (HyperFormula spills PLAN.LIST): the whole list becomes values", async () => {
    registerPlanFunctions();
    const wb = new MemoryWorkbook();
    wb.addSheet("数据");
    wb.setCell("数据", "A1", LIST);
    wb.select("数据", "A1");
    const before = wb.valuesOf("数据");
    expect(before.length).toBeGreaterThan(2);
    const svc = createProgressService(wb, createCatalogStore());
    const r = await svc.freeze((await svc.previewFreeze("sheet")).cells);
    expect(r.converted).toHaveLength(1);
    const after = wb.contentOf("数据");
    expect(after.formulas.flat().some((f) => typeof f === "string" && f.startsWith("="))).toBe(false);
    expect(after.values).toEqual(before);
  });
});

test.each([
  ['=PLAN.LIST("益阳")', true],
  ['=plan.search("研发")', true],
  ['=PLAN.TARGET("益阳",B5:B20,2025)', true],
  ['=PLAN.TARGET("益阳",$B$5:$B$20,2025)', true],
  ['=PLAN.TARGET("益阳",B:B,2025)', true],
  ['=PLAN.TARGET("益阳","高新技术企业",2025)', false],
  ['=PLAN.TARGET("益阳","A1:B2",2025)', false], // text, not a range
  ['=PLAN.STATUS("益阳",B5,2025,C5,$C$3)', false],
])("may %s spill? %s", (f, yes) => {
  expect(maySpill(f)).toBe(yes);
});

describe("reading a large sheet's formulas in blocks (Excel on the web: about 5 MB per request)", () => {
  let fx: FakeExcel;
  beforeEach(() => {
    fx = new FakeExcel();
    fx.install();
    for (const name of ["大表", "小表"]) {
      const s = fx.addSheet(name);
      // 2,500 rows × 8 columns, a formula in every third cell, from B3 (the used range is not at A1).
      for (let r = 2; r < 2502; r++)
        for (let c = 1; c < 9; c++)
          if ((r + c) % 3 === 0) {
            s.cells.set(`${r},${c}`, `=PLAN.TARGET("益阳","高新技术企业",${2000 + r})`);
            s.shown.set(`${r},${c}`, r * c);
          } else s.cells.set(`${r},${c}`, r);
      if (name === "小表") {
        s.cells.clear();
        s.cells.set("0,0", "=1+1");
      }
    }
    fx.activeSheet = "大表";
  });
  afterEach(() => fx.uninstall());

  const read = async (scope: "sheet" | "workbook", cellsPerRead?: number) => {
    const before = fx.syncs;
    const cells = await new OfficeWorkbook({ supported: () => true, cellsPerRead }).readFormulas(scope);
    return { cells, syncs: fx.syncs - before };
  };

  test("the active sheet: its size, then 20,000 cells in 3 syncs of at most 8,000; the same cells as one read", async () => {
    const oneShot = await read("sheet", Number.POSITIVE_INFINITY);
    expect(oneShot.syncs).toBe(2);
    const chunked = await read("sheet", 8_000);
    expect(chunked.syncs).toBe(1 + 3);
    expect(chunked.cells).toEqual(oneShot.cells);
    expect(chunked.cells).toHaveLength(6_667);
    expect(chunked.cells[0]).toEqual({
      sheet: "大表",
      row: 2,
      col: 1,
      formula: '=PLAN.TARGET("益阳","高新技术企业",2002)',
      value: 2,
    });
  });

  test("the workbook: names, sizes, then blocks across both sheets; the same cells as one read", async () => {
    const oneShot = await read("workbook", Number.POSITIVE_INFINITY);
    const chunked = await read("workbook", 8_000);
    expect(chunked.syncs).toBe(2 + 3);
    expect(chunked.cells).toEqual(oneShot.cells);
    expect(chunked.cells.at(-1)).toEqual({ sheet: "小表", row: 0, col: 0, formula: "=1+1", value: null });
  });

  test("the default block stays within CELLS_PER_READ", async () => {
    const r = await read("sheet");
    expect(r.syncs).toBe(1 + Math.ceil(20_000 / CELLS_PER_READ));
  });
});

describe("1,000 formula cells are converted in a few ranges, not one per cell", () => {
  let fx: FakeExcel;
  const formula = (r: number, c: number) => `=PLAN.TARGET("益阳","高新技术企业",${2000 + r + c})`;
  beforeEach(() => {
    fx = new FakeExcel();
    fx.install();
    const s = fx.addSheet("数据");
    // Columns B:E, rows 2–251 (1,000 PLAN.* cells), a =SUM in row 100 of column C (left alone), a text column A.
    for (let r = 1; r <= 250; r++) {
      s.cells.set(`${r},0`, `指标${r}`);
      for (let c = 1; c <= 4; c++) {
        s.cells.set(`${r},${c}`, formula(r, c));
        s.shown.set(`${r},${c}`, r * 10 + c);
      }
    }
    s.cells.set("100,2", "=SUM(1,2)");
    s.shown.set("100,2", 3);
    fx.activeSheet = "数据";
  });
  afterEach(() => fx.uninstall());

  test("each PLAN.* cell gets its shown value; the ranges made and the value writes are bounded", async () => {
    const svc = createProgressService(
      new OfficeWorkbook({ supported: () => true, comments: () => false, spills: () => true }),
      createCatalogStore(),
    );
    const p = await svc.previewFreeze("sheet");
    expect(p.cells).toHaveLength(999);
    const [ranges, syncs] = [fx.ranges, fx.syncs];
    fx.applied.length = 0;
    const r = await svc.freeze(p.cells);
    expect(r.converted).toHaveLength(999);
    // Column C is cut by the =SUM: B, D:E… as rectangles — 4 at most — read once and written once.
    expect(fx.ranges - ranges).toBeLessThanOrEqual(8);
    expect(fx.syncs - syncs).toBe(2);
    const writes = fx.applied.filter((a) => a.endsWith(" values"));
    expect(writes.length).toBeLessThanOrEqual(4);
    expect(writes).toEqual(fx.applied);
    const s = fx.sheet("数据")!;
    for (let row = 1; row <= 250; row++)
      for (let c = 1; c <= 4; c++)
        expect(s.cells.get(`${row},${c}`)).toBe(row === 100 && c === 2 ? "=SUM(1,2)" : row * 10 + c);
    expect(s.cells.get("5,0")).toBe("指标5");
  });

  test("a cell typed over since the preview keeps what was typed; its neighbours are converted", async () => {
    const svc = createProgressService(
      new OfficeWorkbook({ supported: () => true, comments: () => false }),
      createCatalogStore(),
    );
    const p = await svc.previewFreeze("sheet");
    fx.sheet("数据")!.cells.set("50,3", "我填的");
    const r = await svc.freeze(p.cells);
    expect(r.changed.map((c) => `${c.row},${c.col}`)).toEqual(["50,3"]);
    const s = fx.sheet("数据")!;
    expect([s.cells.get("49,3"), s.cells.get("50,3"), s.cells.get("51,3")]).toEqual([493, "我填的", 513]);
  });
});
