// Refresh never replaces a value typed over a cell of ours without asking (issue 25, item 8): planRefresh lists
// each one (差额, 状态 typed over formulas), refresh writes nothing until overwriteTyped (memory workbook; the Office
// back end runs the same service code).
import { COL, SHEET } from "../../src/core/sheet/layout";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { serviceOver } from "./service-over";
import { HostError } from "../../src/services/service";

const PLAN = "zhongshan-14th";
const row = SHEET.firstDataRow;

async function typedOver() {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2024 });
  const { sheetName } = await service.generate(PLAN, 2024);
  wb.setCell(sheetName, `${COL.variance}${row}`, 12); // a number typed over the 差额 formula
  wb.setCell(sheetName, `${COL.status}${row + 1}`, "已完成"); // a word typed over the 状态 formula
  return { wb, service, sheetName };
}

test("planRefresh lists the typed 差额 and 状态 with their cell, column, indicator and what replaces them", async () => {
  const { service, sheetName, wb } = await typedOver();
  const plan = await service.planRefresh(sheetName);
  const indicator = (r: number) => String(wb.contentOf(sheetName).values[r - 1][1]);
  expect(plan.overwritten).toEqual([
    { cell: `${COL.variance}${row}`, column: "差额", indicator: indicator(row), old: 12, new: "公式" },
    {
      cell: `${COL.status}${row + 1}`,
      column: "状态",
      indicator: indicator(row + 1),
      old: "已完成",
      new: "公式",
    },
  ]);
});

test("an untouched sheet lists nothing", async () => {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2024 });
  const { sheetName } = await service.generate(PLAN, 2024);
  expect((await service.planRefresh(sheetName)).overwritten).toEqual([]);
});

test("refresh and generate refuse (typedCells) and write nothing; overwriteTyped replaces them", async () => {
  const { service, sheetName, wb } = await typedOver();
  const before = JSON.stringify(wb.contentOf(sheetName));
  const refused = service.refresh(sheetName, { applyDataChanges: false });
  await expect(refused).rejects.toThrow(HostError);
  await expect(service.refresh(sheetName, { applyDataChanges: false })).rejects.toMatchObject({
    code: "typedCells",
    message: expect.stringContaining(`${COL.variance}${row}(差额):12`),
  });
  await expect(service.generate(PLAN, 2024)).rejects.toMatchObject({ code: "typedCells" });
  expect(JSON.stringify(wb.contentOf(sheetName))).toBe(before);

  await service.refresh(sheetName, { applyDataChanges: false, overwriteTyped: true });
  const f = wb.contentOf(sheetName).formulas;
  expect(String(f[row - 1][13])).toMatch(/^=/);
  expect(String(f[row][15])).toMatch(/^=/);
  expect((await service.planRefresh(sheetName)).overwritten).toEqual([]);
});
