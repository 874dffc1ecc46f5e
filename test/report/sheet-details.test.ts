// Sheet details an Excel user expects, on both write paths: an AutoFilter on the header row, print areas written
// absolute ($A$1:$R$18, as Excel itself stores them), and a footer without an evenFooter (which Excel reads only
// with differentOddEven). The ExcelJS file is read back as XML; the WritePlan is checked as the pane writes it
// (in memory and on the office-addin-mock fake: test/shared/office-workbook.test.ts).
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { buildProgressSheet, COL, SHEET } from "../../src/core/sheet/layout";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { planNewSheet } from "../../src/sheet/refresh";
import { reportWritePlan, reportFor } from "../../src/sheet/report-plan";
import { serviceOver } from "../shared/service-over";

const catalog = bundledCatalog();
const PLAN = "yiyang-14th";
const layout = buildProgressSheet(catalog, PLAN, { year: 2023 });
const last = SHEET.firstDataRow + layout.targetIds.length - 1;

async function xml(wb: ExcelJS.Workbook) {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const text = (path: string) => zip.file(path)!.async("string");
  return { workbook: await text("xl/workbook.xml"), sheet1: await text("xl/worksheets/sheet1.xml"), text };
}

describe("the .xlsx of plan report (ExcelJS)", () => {
  let files: Awaited<ReturnType<typeof xml>>;
  beforeAll(async () => {
    files = await xml(layoutToWorkbook([layout], new Map(), catalog, { reportSheets: true }));
  });

  test("an AutoFilter over the header row, every column, down to the last data row", () => {
    expect(layout.autoFilter).toMatch(new RegExp(`^A${SHEET.headerRow}:[A-Z]+${last}$`));
    expect(files.sheet1).toContain(`<autoFilter ref="${layout.autoFilter}"`);
  });

  test("print areas absolute: $A$1:$…$…, the progress sheet's and the 上报 sheet's", () => {
    const areas = [...files.workbook.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map(
      (m) => m[1],
    );
    expect(areas).toHaveLength(2);
    expect(areas[0]).toBe(`&apos;${layout.sheetName}&apos;!$A$1:$${COL.outlook}$${last}`);
    for (const a of areas) expect(a).toMatch(/!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
  });

  test("one footer for every page: no evenFooter without differentOddEven", async () => {
    for (const path of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const sheet = await files.text(path);
      expect(sheet).toContain("<oddFooter>");
      expect(sheet).not.toContain("<evenFooter>");
    }
  });
});

describe("the WritePlan the pane carries out", () => {
  test("a new sheet gets the layout's AutoFilter and an absolute print area", () => {
    const p = planNewSheet(catalog, PLAN, layout.sheetName, 2023);
    expect(p.write.autoFilter).toBe(layout.autoFilter);
    expect(p.write.print?.area).toBe(`$A$1:$${COL.outlook}$${last}`);
  });

  test("in memory: kept through a refresh, and moved with inserted columns as Excel moves it", async () => {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2023, catalog: catalog });
    const { sheetName } = await service.generate(PLAN, 2023);
    expect(wb.grid(sheetName).autoFilter).toBe(layout.autoFilter);
    await service.refresh(sheetName, { applyDataChanges: false });
    expect(wb.grid(sheetName).autoFilter).toBe(layout.autoFilter);
    expect(wb.grid(sheetName).print?.area).toBe(`$A$1:$${COL.outlook}$${last}`);
    wb.insertColumns(sheetName, "A", 1);
    expect(wb.grid(sheetName).autoFilter).toMatch(new RegExp(`^B${SHEET.headerRow}:`));
    expect(wb.grid(sheetName).print?.area).toMatch(/^\$B\$1:/);
  });

  test("the 上报 sheet's print area is absolute too", async () => {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2023, catalog: catalog });
    const { sheetName } = await service.generate(PLAN, 2023);
    const report = reportFor(catalog, wb.contentOf(sheetName));
    expect(reportWritePlan(report).print?.area).toMatch(/^\$A\$1:\$[A-Z]+\$\d+$/);
  });
});
