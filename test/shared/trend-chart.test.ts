// 为所选指标绘制趋势图 on the in-memory workbook: the chart data block is live formulas; its expected path equals
// the methodology's expected value (PLAN.EXPECTED) of every year, its actuals the typed yearly values.
import { bundledCatalog, progressInputFor } from "../../src/core/catalog/catalog";
import { TREND_CHART } from "../../src/core/sheet/charts";
import { COL, colLetter, historyTitle, planTargets, SHEET } from "../../src/core/sheet/layout";
import { assess } from "../../src/core/method/methodology";
import { bundledContext } from "../../src/core/functions/functions";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { locate } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();

async function sheetOf(planId: string, year: number) {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2026, catalog: catalog });
  const { sheetName } = await service.generate(planId, year);
  const header = wb.valuesOf(sheetName)[SHEET.headerRow - 1];
  const yearRef = (y: number, row: number) => `${colLetter(header.indexOf(historyTitle(y)))}${row}`;
  return {
    wb,
    service,
    name: sheetName,
    yearRef,
    rowOf: (id: string) => locate(wb.valuesOf(sheetName)).rowOf(id)! + 1,
  };
}

/** The block's rows as computed: 年份, 实际值, 预期值 (from the chart's source and categories). */
function block(wb: MemoryWorkbook, name: string) {
  const spec = wb.grid(name).charts.find((c) => c.name === TREND_CHART)!;
  const [from, to] = spec.categories.split(":");
  const col = (a: string) => /^[A-Z]+/.exec(a)![0];
  const cols: string[] = [];
  for (let c = colIndexOf(col(from)); c <= colIndexOf(col(to)); c++) cols.push(colLetter(c));
  const v = (ref: string) => wb.value(name, ref);
  return {
    spec,
    years: cols.map((c) => v(`${c}3`)),
    actual: cols.map((c) => v(`${c}4`)),
    expected: cols.map((c) => v(`${c}5`)),
  };
}
const colIndexOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const isNA = (v: unknown) => v === "#N/A" || (typeof v === "object" && v !== null);

test("益阳 高新技术企业: years 2020–2025, actuals as typed (gaps #N/A), the expected path = PLAN.EXPECTED per year", async () => {
  const { wb, service, name, yearRef, rowOf } = await sheetOf("yiyang-14th", 2023);
  const row = rowOf("yy14.hightech_enterprises");
  for (const [y, v] of [
    [2021, 380],
    [2022, 430],
    [2023, 470],
  ])
    wb.setCell(name, yearRef(y, row), v);
  wb.select(name, `${COL.indicator}${row}`);
  expect(await service.drawTrendChart()).toEqual({ sheetName: name, indicator: "高新技术企业" });
  const b = block(wb, name);
  expect(b.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  expect(b.actual.slice(0, 4)).toEqual([312, 380, 430, 470]);
  expect(b.actual.slice(4).every(isNA)).toBe(true);
  const ctx = bundledContext();
  const plan = ctx.catalog.targetById.get("yy14.hightech_enterprises")!;
  b.years.forEach((y, i) => {
    const e = assess(progressInputFor(plan, null, y as number)).expected!;
    expect([y, b.expected[i]]).toEqual([y, expect.closeTo(e, 9)]);
  });
  expect(b.expected[3]).toBeCloseTo(484.8, 9); // =PLAN.EXPECTED("益阳","高新技术企业",2025,2023)
  expect(b.spec).toMatchObject({ kind: "line", title: "高新技术企业(益阳,家):实际值与预期值" });
  // Live: a value typed afterwards moves the line.
  wb.setCell(name, yearRef(2024, row), 540);
  expect(block(wb, name).actual[4]).toBe(540);
});

test("every target of every plan: the expected path equals the methodology in every year (typed baseline where needed)", async () => {
  let compared = 0;
  for (const plan of catalog.plans) {
    const { wb, service, name, rowOf } = await sheetOf(plan.id, plan.baseYear + 1);
    for (const t of planTargets(catalog, plan.id)) {
      const row = rowOf(t.id);
      const typed = t.baselineObs === null ? Math.abs(t.threshold) * 0.6 + 1 : null;
      if (typed !== null && wb.cell(name, `${COL.baseline}${row}`).input)
        wb.setCell(name, `${COL.baseline}${row}`, typed);
      wb.select(name, `${COL.indicator}${row}`);
      await service.drawTrendChart();
      const b = block(wb, name);
      b.years.forEach((y, i) => {
        const base = wb.cell(name, `${COL.baseline}${row}`).input ? typed : null;
        const e = assess(progressInputFor(t, null, y as number, base)).expected;
        if (e === null) expect([t.id, y, isNA(b.expected[i])]).toEqual([t.id, y, true]);
        else expect([t.id, y, b.expected[i]]).toEqual([t.id, y, expect.closeTo(e, 9)]);
        compared++;
      });
      expect(wb.grid(name).charts.filter((c) => c.name === TREND_CHART)).toHaveLength(1);
    }
  }
  expect(compared).toBeGreaterThan(300);
});

test("the block never overwrites the user's cells: a note where it would go refuses the chart", async () => {
  const { wb, service, name, rowOf } = await sheetOf("yiyang-14th", 2023);
  const lastYearCol = wb.valuesOf(name)[SHEET.headerRow - 1].length - 1;
  wb.setCell(name, `${colLetter(lastYearCol + 4)}3`, "我的备注");
  wb.select(name, `${COL.indicator}${rowOf("yy14.hightech_enterprises")}`);
  await expect(service.drawTrendChart()).rejects.toMatchObject({ reason: { reason: "chartBlockOccupied" } });
  expect(wb.value(name, `${colLetter(lastYearCol + 4)}3`)).toBe("我的备注");
});
