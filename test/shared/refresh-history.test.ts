// The history block (历年实际值) on the in-memory workbook: 实际值 picks the 评估年份's yearly cell, a refresh keeps
// every yearly value, and a sheet of the previous version (实际值 typed, no block) keeps its typed 实际值.
import { createCatalogStore } from "../../src/core/catalog/store";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { COL, colLetter, historyTitle, HISTORY_FIRST_COL, SHEET } from "../../src/core/sheet/layout";
import { STATUS } from "../../src/core/method/methodology";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { colIndex } from "../../src/workbook/workbook";
import { locate } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const PLAN = "yiyang-14th";
const HIGHTECH = "yy14.hightech_enterprises"; // 312 (2020) → 600 (2025)

async function fresh(year = 2023) {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2026, catalog: catalog });
  const { sheetName } = await service.generate(PLAN, year);
  const row = locate(wb.valuesOf(sheetName)).rowOf(HIGHTECH)! + 1;
  return { wb, service, name: sheetName, row };
}
/** A1 of a year's cell in the history block, as the header titles it. */
const yearRef = (wb: MemoryWorkbook, name: string, year: number, row: number) => {
  const header = wb.valuesOf(name)[SHEET.headerRow - 1];
  const c = header.indexOf(historyTitle(year));
  if (c < 0) throw new Error(`no column ${historyTitle(year)}`);
  return `${colLetter(c)}${row}`;
};

test("益阳's sheet has 2021年实际值 … 2025年实际值 right of the table, after the hidden columns", async () => {
  const { wb, name } = await fresh();
  const header = wb.valuesOf(name)[SHEET.headerRow - 1];
  expect(header.slice(HISTORY_FIRST_COL)).toEqual([2021, 2022, 2023, 2024, 2025].map(historyTitle));
});

test("实际值 is the 评估年份's yearly value; the derived columns follow it; another year picks another value", async () => {
  const { wb, service, name, row } = await fresh(2023);
  wb.setCell(name, yearRef(wb, name, 2022, row), 400);
  wb.setCell(name, yearRef(wb, name, 2023, row), 470);
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(470);
  expect(wb.value(name, `${COL.status}${row}`)).toBe(STATUS.behind); // PLAN.STATUS(…,470,2023): 进度滞后
  await service.refresh(name, { applyDataChanges: true, year: 2022 });
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(400);
  expect(wb.value(name, yearRef(wb, name, 2023, row))).toBe(470);
  await service.refresh(name, { applyDataChanges: true, year: 2024 });
  expect(wb.value(name, `${COL.actual}${row}`) ?? "").toBe(""); // 2024 not typed: blank, 无法评估
  expect(wb.value(name, `${COL.status}${row}`)).toBe(STATUS.unassessable);
});

test("a bad yearly value (470家, -5) is named in 输入检查 by its year; 状态 is 输入有误; 实际值 stays blank", async () => {
  const { wb, name, row } = await fresh(2023);
  for (const [v, words] of [
    ["470家", "2022年实际值应为数字"],
    [-5, "2022年实际值应不小于0"],
  ] as const) {
    wb.setCell(name, yearRef(wb, name, 2022, row), v);
    expect(String(wb.value(name, `${COL.check}${row}`))).toContain(words);
    expect(wb.value(name, `${COL.status}${row}`)).toBe("输入有误");
  }
  wb.setCell(name, yearRef(wb, name, 2023, row), "４７０");
  expect(wb.value(name, `${COL.actual}${row}`) ?? "").toBe("");
  expect(String(wb.value(name, `${COL.check}${row}`))).toContain("2023年实际值应为数字");
  expect(wb.validate(name, yearRef(wb, name, 2023, row))?.title).toBe("输入有误");
});

test("a sheet of the previous version (实际值 typed, no history block): refresh adds the block, keeps 470 and its status", async () => {
  const { wb, service, name, row } = await fresh(2023);
  // The previous version: no 历年实际值 columns, 实际值 an input cell holding the typed value.
  wb.deleteColumns(name, HISTORY_FIRST_COL, 5);
  wb.setCell(name, `${COL.actual}${row}`, 470);
  expect(wb.valuesOf(name)[SHEET.headerRow - 1].some((v) => String(v).endsWith("年实际值"))).toBe(false);
  const plan = await service.planRefresh(name);
  expect(plan.preservedInputs).toBeGreaterThanOrEqual(1);
  await service.refresh(name, { applyDataChanges: true });
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(470);
  expect(wb.value(name, `${COL.status}${row}`)).toBe(STATUS.behind);
  expect(wb.cell(name, `${COL.actual}${row}`).input).toBe(true); // shown as what it is: typed
  expect(wb.valuesOf(name)[SHEET.headerRow - 1].slice(HISTORY_FIRST_COL)).toEqual(
    [2021, 2022, 2023, 2024, 2025].map(historyTitle),
  );
  // A typed 实际值 wins over the year's cell (both kept); clearing it and refreshing restores the pick.
  wb.setCell(name, yearRef(wb, name, 2023, row), 480);
  await service.refresh(name, { applyDataChanges: true });
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(470);
  wb.setCell(name, `${COL.actual}${row}`, null);
  await service.refresh(name, { applyDataChanges: true });
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(480);
  expect(wb.value(name, yearRef(wb, name, 2023, row))).toBe(480);
});

test("a formula the user put into 实际值 is theirs: a refresh keeps it", async () => {
  const { wb, service, name, row } = await fresh(2023);
  wb.setCell(name, `Z${row + 40}`, 455);
  wb.setCell(name, `${COL.actual}${row}`, `=Z${row + 40}`);
  await service.refresh(name, { applyDataChanges: true });
  expect(wb.contentOf(name).formulas[row - 1][colIndex(COL.actual)]).toBe(`=Z${row + 40}`);
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(455);
});

test("the batch of actuals writes the 评估年份's yearly cell, which 实际值 then shows", async () => {
  const { createBatchService } = await import("../../src/sheet/batch-actuals");
  const { wb, name, row } = await fresh(2023);
  const batch = createBatchService(wb, createCatalogStore());
  await batch.apply(await batch.preview(name, "高新技术企业\t470\n"));
  expect(wb.value(name, yearRef(wb, name, 2023, row))).toBe(470);
  expect(wb.contentOf(name).formulas[row - 1][colIndex(COL.actual)]).toMatch(/^=IF\(ISNUMBER/);
  expect(wb.value(name, `${COL.actual}${row}`)).toBe(470);
});
