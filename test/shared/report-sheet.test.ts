// The pane's 上报 sheet: written through the Workbook interface (in memory with HyperFormula computing it, and on the
// Office.js adapter over office-addin-mock), its formulas follow the progress sheet, and nothing is overwritten.
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { buildProgressSheet, COL, SHEET } from "../../src/core/sheet/layout";
import { buildReportSheet, REPORT, reportSheetNameFor } from "../../src/core/sheet/report-layout";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { HostError } from "../../src/services/service";
import { FakeExcel } from "./excel-mock";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const PLAN = "yiyang-14th";
const HIGHTECH = "yy14.hightech_enterprises";
const layout = buildProgressSheet(catalog, PLAN, { year: 2023 });
const progressRow = SHEET.firstDataRow + layout.targetIds.indexOf(HIGHTECH);
const reportName = reportSheetNameFor(layout.sheetName);
/** Row of 高新技术企业 in the 上报 table, and its 实际值 / 状态 cells (columns F and J). */
const reportRow = REPORT.firstDataRow + layout.targetIds.indexOf(HIGHTECH);

describe("in memory", () => {
  async function setUp() {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2023, catalog: catalog });
    await service.generate(PLAN, 2023);
    wb.setCell(layout.sheetName, `${COL.actual}${progressRow}`, 470);
    wb.select(layout.sheetName, "B7");
    return { wb, service };
  }

  test("the 上报 sheet shows the progress sheet's figures and follows its edits", async () => {
    const { wb, service } = await setUp();
    expect(await service.writeReportSheet()).toEqual({
      sheetName: reportName,
      rows: layout.targetIds.length,
    });
    expect(wb.value(reportName, `B${reportRow}`)).toBe("高新技术企业");
    expect(wb.value(reportName, `E${reportRow}`)).toBe("600家以上");
    expect(wb.value(reportName, `F${reportRow}`)).toBe(470);
    expect(wb.value(reportName, `J${reportRow}`)).toBe("进度滞后");
    expect(wb.value(reportName, `F${reportRow + 1}`)).toBeNull(); // a blank actual stays blank, not 0
    wb.setCell(layout.sheetName, `${COL.actual}${progressRow}`, 650);
    expect(wb.value(reportName, `J${reportRow}`)).toBe("已完成");
    expect(wb.dump(reportName).print).toMatchObject({
      landscape: true,
      paper: "A4",
      titleRows: "3:3",
      footer: REPORT.footer,
    });
  });

  test("after the user inserted rows in the progress sheet, the formulas still read the right rows", async () => {
    const { wb, service } = await setUp();
    wb.insertRows(layout.sheetName, SHEET.firstDataRow - 1, 2);
    wb.select(layout.sheetName, "A1");
    await service.writeReportSheet();
    expect(wb.value(reportName, `F${reportRow}`)).toBe(470);
    expect(wb.value(reportName, `J${reportRow}`)).toBe("进度滞后");
  });

  test("an existing 上报 sheet is not overwritten; off a progress sheet nothing is written", async () => {
    const { wb, service } = await setUp();
    await service.writeReportSheet();
    wb.setCell(reportName, "B40", "填报人:张三");
    wb.select(layout.sheetName, "A1");
    const writes = wb.writes;
    await expect(service.writeReportSheet()).rejects.toMatchObject({ reason: { reason: "reportExists" } });
    expect(wb.value(reportName, "B40")).toBe("填报人:张三");
    wb.addSheet("其他");
    wb.select("其他", "A1");
    await expect(service.writeReportSheet()).rejects.toThrow(HostError);
    expect(wb.writes).toBe(writes);
  });
});

describe("Office.js adapter", () => {
  let fx: FakeExcel;
  beforeEach(() => {
    fx = new FakeExcel();
    fx.install();
  });
  afterEach(() => fx.uninstall());

  test("one new sheet: formulas referencing the progress sheet, A4 landscape, title row, footer", async () => {
    const service = serviceOver(new OfficeWorkbook({ supported: () => true }), { year: 2023, catalog });
    await service.generate(PLAN, 2023);
    fx.selection = { sheet: layout.sheetName, row: 6, col: 1 };
    await service.writeReportSheet();
    const s = fx.sheet(reportName)!;
    const ref = `'${layout.sheetName}'!${COL.actual}${progressRow}`;
    expect(s.cells.get(`${reportRow - 1},5`)).toBe(`=IF(ISBLANK(${ref}),"",${ref})`);
    expect(s.cells.get(`${reportRow - 1},4`)).toBe("600家以上");
    expect(s.page).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      "headersFooters.defaultForAllPages.centerFooter": REPORT.footer,
    });
    expect(s.printTitleRows).toBe("$3:$3");
    const text = [...s.cells.values()].join("\n");
    expect(text).toMatch(/填报单位[\s\S]*审核人/);
    expect(text).not.toMatch(/seeds\/|黄色|目标ID/);
    expect(text).not.toContain(catalog.version);
  });
});

// A label of the title rows is read whole: its text fits the width of its cell or merged cells (a CJK character
// takes two of Excel's width units, others one). "评估年份:" in the 8-wide H2, the year beside it, was cut.
test("every text of the 上报 title rows fits its cell or merge", () => {
  const report = buildReportSheet(catalog, layout);
  const col = (letter: string) => letter.charCodeAt(0) - 65;
  const spanOf = (r: number, c: number) => {
    const m = report.merges
      .map((a) => /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(a)!)
      .find((x) => Number(x[2]) === r + 1 && col(x[1]) <= c && c <= col(x[3]));
    return m ? [col(m[1]), col(m[3])] : [c, c];
  };
  const textWidth = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const cut: string[] = [];
  const r = 1; // row 2: 地区 and 规划期, 评估年份:
  report.rows[r].forEach((cell, c) => {
    if (typeof cell.value !== "string" || !cell.value) return;
    const [a, b] = spanOf(r, c);
    const width = report.columns.slice(a, b + 1).reduce((w, x) => w + x.width, 0);
    if (textWidth(cell.value) > width) cut.push(`${cell.value} (${textWidth(cell.value)} > ${width})`);
  });
  expect(cut).toEqual([]);
});
