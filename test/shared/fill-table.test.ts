// 填充我的表格 on the in-memory workbook (HyperFormula with PLAN.*): a hand-made report table with decorated
// labels, merged and blank rows; the columns written beside it compute what the runner computes; nothing
// non-empty is overwritten without confirmation, and everything the user typed is kept.
import { createCatalogStore } from "../../src/core/catalog/store";
import fc from "fast-check";
import { run } from "../../src/core/functions/runner";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { createFillService } from "../../src/services/fill-service";
import { defaultFirstCol, labelsOf, optionsProblem, type FillOptions } from "../../src/sheet/fill-table";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { HostError } from "../../src/services/service";
import type { CellValue } from "../../src/workbook/workbook";

registerPlanFunctions();

/** 益阳's report as a statistician keeps it: title, header, numbered labels with units, a blank row. */
const TABLE: CellValue[][] = [
  ["益阳市科技创新主要指标完成情况"],
  ["序号", "指标", "2023年实际"],
  [1, "1.高新技术企业数(家)", 470],
  [2, "2.R&D经费投入强度(%)", 2.1],
  [null, null, null],
  [3, "（三）每万人口发明专利拥有量", 4.2],
  [4, "科普示范基地", 3], // unknown
  [5, "年均增速", 9], // ambiguous: 研发经费投入年均增速 or 高新技术产业增加值年均增速
];

function book(rows = TABLE) {
  const wb = new MemoryWorkbook();
  wb.addSheet("报表");
  rows.forEach((r, i) =>
    r.forEach((v, j) => v !== null && wb.setCell("报表", String.fromCharCode(65 + j) + (i + 1), v)),
  );
  wb.select("报表", "B3:B8");
  return wb;
}
const OPTS: FillOptions = {
  columns: ["target", "baseline", "expected", "completion", "status"],
  mode: "formulas",
  firstCol: 3,
  actualCol: 2,
  asOfYear: 2023,
};
const value = (wb: MemoryWorkbook, a1: string) => {
  const r = Number(a1.slice(1)) - 1;
  const c = a1.charCodeAt(0) - 65;
  return wb.valuesOf("报表")[r]?.[c] ?? null;
};
const expectRun = (got: CellValue, id: string, args: unknown[]) => {
  const o = run(id, args);
  if (!o.ok) throw new Error(`run failed: ${o.message}`);
  if (typeof o.value === "number") expect(got as number).toBeCloseTo(o.value, 9);
  else expect(got).toBe(o.value);
};

test("labels: one per row with text, numbers and blank rows passed over", () => {
  const wb = book();
  return wb.readTableRange().then((t) => {
    expect(labelsOf(t!).map((l) => l.label)).toEqual([
      "1.高新技术企业数(家)",
      "2.R&D经费投入强度(%)",
      "（三）每万人口发明专利拥有量",
      "科普示范基地",
      "年均增速",
    ]);
  });
});

test("decorated labels resolve; the unknown and the ambiguous are errors with suggestions", async () => {
  const fill = createFillService(book(), createCatalogStore());
  const { rows } = await fill.read("益阳", 2025);
  expect(rows.map((r) => r.kind)).toEqual(["found", "found", "found", "error", "error"]);
  const ambiguous = rows[4];
  if (ambiguous.kind !== "error") throw new Error("expected an error");
  expect(ambiguous.suggestions).toEqual(expect.arrayContaining(["研发经费投入年均增速"]));
});

test("the written formulas reference the label cells and compute what the runner computes", async () => {
  const wb = book();
  const fill = createFillService(wb, createCatalogStore());
  const { table, rows } = await fill.read("益阳", 2025);
  expect(defaultFirstCol(table)).toBe(3);
  const picked = fill.pick(rows[4], "益阳", 2025, "研发经费投入年均增速");
  expect(picked.kind).toBe("found");
  const n = await fill.fill(table, [...rows.slice(0, 4), picked], OPTS);
  expect(n).toBe(4);
  const f = wb.contentOf("报表").formulas;
  expect(f[2][3]).toBe('=PLAN.TARGET("益阳",$B3,2025)');
  expect(f[2][7]).toBe('=PLAN.STATUS("益阳",$B3,2025,$C3,2023)');
  expect(f[7][3]).toBe('=PLAN.TARGET("益阳","研发经费投入年均增速",2025)');
  expect(f[1].slice(3, 8)).toEqual(["目标值", "基期值", "预期值", "完成进度", "状态"]);
  expect(f[6][3] ?? null).toBeNull(); // the unknown row is not written
  expectRun(value(wb, "D3"), "TARGET", ["益阳", "高新技术企业", 2025]);
  expectRun(value(wb, "G3"), "PROGRESS", ["益阳", "高新技术企业", 2025, 470, 2023]);
  expectRun(value(wb, "H4"), "STATUS", ["益阳", "研发经费投入强度", 2025, 2.1, 2023]);
  expectRun(value(wb, "D8"), "TARGET", ["益阳", "研发经费投入年均增速", 2025]);
  expect(wb.contentOf("报表").values[4].every((v) => v === null)).toBe(true); // the blank row stays blank
  // The preview's grid shows it (number formats on some rows only left holes that once emptied the grid).
  expect(wb.grid("报表").rows[2].map((c) => c.text)).toContain("进度滞后");
});

test("values mode writes numbers and text, the same the formulas give", async () => {
  const wb = book();
  const fill = createFillService(wb, createCatalogStore());
  const { table, rows } = await fill.read("益阳", 2025);
  await fill.fill(table, rows, { ...OPTS, mode: "values" });
  const f = wb.contentOf("报表").formulas;
  expect(typeof f[2][3]).toBe("number");
  expectRun(value(wb, "D3"), "TARGET", ["益阳", "高新技术企业", 2025]);
  expectRun(value(wb, "H3"), "STATUS", ["益阳", "高新技术企业", 2025, 470, 2023]);
});

test("a non-empty cell in the way: refused, listed, nothing written; with confirmation it is overwritten", async () => {
  const wb = book();
  wb.setCell("报表", "E4", "我的备注");
  const fill = createFillService(wb, createCatalogStore());
  const { table, rows } = await fill.read("益阳", 2025);
  const writes = wb.writes;
  const err = await fill.fill(table, rows, OPTS).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).code).toBe("cellNotEmpty");
  expect((err as HostError).message).toContain("E4");
  expect(wb.writes).toBe(writes);
  expect(value(wb, "E4")).toBe("我的备注");
  await fill.fill(table, rows, OPTS, true);
  expect(wb.contentOf("报表").formulas[3][4]).toBe('=PLAN.BASELINE("益阳",$B4,2025)');
});

test("what the options lack is said before writing", () => {
  expect(optionsProblem({ ...OPTS, columns: [] })).toBe("请至少选择一列");
  expect(optionsProblem({ ...OPTS, asOfYear: null })).toContain("评估年份");
  expect(optionsProblem({ ...OPTS, actualCol: null })).toContain("实际值所在的列");
  expect(optionsProblem({ ...OPTS, columns: ["target"], actualCol: null, asOfYear: null })).toBeNull();
});

test("a typed address reads that range; a whole column is clipped to the used rows", async () => {
  const fill = createFillService(book(), createCatalogStore());
  const { table } = await fill.read("益阳", 2025, "B:B");
  expect([table.top, table.rows]).toEqual([0, TABLE.length]);
  await expect(fill.read("益阳", 2025, "不是地址")).rejects.toBeInstanceOf(HostError);
});

describe("property: no overwrite without confirmation, inputs preserved", () => {
  const LABELS = [
    "高新技术企业",
    "研发经费投入强度",
    "每万人口发明专利拥有量",
    "火星指标",
    "年均增速",
    "2.高企(家)",
  ];
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...LABELS),
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom("备注", "=1+1"),
  );
  test("any table, any columns, any first column", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 8 }),
        fc.subarray(["target", "baseline", "expected", "completion", "status"] as const, { minLength: 1 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (grid, columns, firstCol, overwrite) => {
          const wb = new MemoryWorkbook();
          wb.addSheet("S");
          grid.forEach((r, i) =>
            r.forEach((v, j) => v !== null && wb.setCell("S", String.fromCharCode(65 + j) + (i + 2), v)),
          );
          wb.select("S", `A2:A${grid.length + 1}`);
          const before = wb.contentOf("S").formulas.map((r) => [...r]);
          const fill = createFillService(wb, createCatalogStore());
          const { table, rows } = await fill.read("益阳", 2025);
          const opts: FillOptions = {
            columns: [...columns],
            mode: "formulas",
            firstCol,
            actualCol: 2,
            asOfYear: 2023,
          };
          const written = new Set<string>();
          let refused = false;
          try {
            await fill.fill(table, rows, opts, overwrite);
            for (const r of rows.filter((x) => x.kind === "found"))
              columns.forEach((_, i) => written.add(`${r.row},${firstCol + i}`));
            const top = rows.find((x) => x.kind === "found")!.row - 1;
            if (top >= 0) columns.forEach((_, i) => written.add(`${top},${firstCol + i}`));
          } catch (e) {
            if (!(e instanceof HostError)) throw e;
            refused = true;
          }
          const after = wb.contentOf("S").formulas;
          before.forEach((r, i) =>
            r.forEach((v, j) => {
              if (v === null || v === undefined) return;
              const mine = written.has(`${i},${j}`);
              // Without confirmation nothing non-empty is touched; with it, only the planned cells.
              if (refused || !overwrite || !mine) expect(after[i]?.[j]).toEqual(v);
            }),
          );
          if (refused) expect(after).toEqual(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
