// A number typed as a percent or a date: the sheet computes with the number stored (its formulas read no formats),
// and the pane names the cell after a refresh, from the formats it reads with the values.
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { COL, colLetter, historyTitle, SHEET, typedFormatMessage } from "../../src/core/sheet/layout";
import { INPUT_ERROR, STATUS } from "../../src/core/method/methodology";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { typedFormatOf } from "../../src/sheet/typed-formats";
import { locate } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const PLAN = "yiyang-14th";
const HIGHTECH = "yy14.hightech_enterprises"; // 312 (2020) → 600 (2025)

test.each([
  ["General", null],
  ["0.00%", "percent"],
  ["0%", "percent"],
  ['0.0"%"', null], // our own % unit format: a literal sign
  ["#,##0.00", null],
  ['0.00"倍"', null],
  ['0.0"个百分点"', null],
  ["yyyy-mm-dd", "date"],
  ["m/d/yyyy", "date"],
  ['[$-804]yyyy"年"m"月"d"日"', "date"],
  ["h:mm:ss", "date"],
  ["[Red]0.00", null],
  ["@", null],
] as const)("the number format %s was typed as: %s", (format, kind) => {
  expect(typedFormatOf(format)).toBe(kind);
});

async function fresh() {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2026, catalog: catalog });
  const { sheetName } = await service.generate(PLAN, 2023);
  return { wb, service, name: sheetName };
}
const cellOf = (wb: MemoryWorkbook, name: string, id: string, title: string) => {
  const values = wb.valuesOf(name);
  const row = locate(values).rowOf(id)!;
  return `${colLetter(values[SHEET.headerRow - 1].indexOf(title))}${row + 1}`;
};

test("2.1% typed into a % row's yearly cell: no 输入有误 in the sheet (0.021 is a number); the refresh names the cell", async () => {
  const { wb, service, name } = await fresh();
  const rd = catalog.targets.find((t) => t.plan.id === PLAN && t.unit === "%" && t.kind === "share")!;
  const at = cellOf(wb, name, rd.id, historyTitle(2023));
  wb.setCell(name, at, "2.1%");
  const row = at.replace(/^[A-Z]+/, "");
  expect(wb.value(name, at)).toBeCloseTo(0.021);
  expect(wb.value(name, `${COL.check}${row}`) ?? "").toBe("");
  expect(wb.value(name, `${COL.status}${row}`)).not.toBe(INPUT_ERROR);

  const r = await service.refresh(name, { applyDataChanges: false });
  const said = typedFormatMessage(rd, historyTitle(2023), "percent");
  expect(said).toContain("2023年实际值带百分号");
  expect(r.typedFormats).toEqual([expect.stringContaining(`${at}(`)]);
  expect(r.typedFormats[0]).toContain(said);
  // The refresh kept the cell's percent format: the next refresh says it again, until it is corrected.
  expect((await service.refresh(name, { applyDataChanges: false })).typedFormats).toHaveLength(1);
  wb.setCell(name, at, 2.1);
  expect((await service.refresh(name, { applyDataChanges: false })).typedFormats).toEqual([]);
});

test("a date typed into a count row's yearly cell: the sheet computes with its serial number; the refresh says 是日期", async () => {
  const { wb, service, name } = await fresh();
  const at = cellOf(wb, name, HIGHTECH, historyTitle(2022));
  wb.setCell(name, at, "01/03/2023");
  expect(typeof wb.value(name, at)).toBe("number");
  const r = await service.refresh(name, { applyDataChanges: false });
  expect(r.typedFormats).toHaveLength(1);
  expect(r.typedFormats[0]).toContain("2022年实际值是日期");
  // The sheet itself: the serial is a count in range, so 2023's status is not touched by it.
  const row = at.replace(/^[A-Z]+/, "");
  expect(wb.value(name, `${COL.status}${row}`)).toBe(STATUS.unassessable);
});

test("a new sheet has nothing typed: no message", async () => {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: 2026, catalog: catalog });
  expect((await service.generate(PLAN, 2023)).typedFormats).toEqual([]);
});
