// 保护公式列 (issue 22): derived cells locked, inputs unlocked, the sheet protected without a password, filtering and
// formatting allowed — the same on every write path: in memory, on the office-addin-mock fake, and in the .xlsx
// of plan report (read back with ExcelJS). Refresh unprotects and protects again; a password refuses it.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { buildProgressSheet, COL, SHEET } from "../../src/core/sheet/layout";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { planNewSheet } from "../../src/sheet/refresh";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { colIndex, isLocked, PROTECTION } from "../../src/workbook/workbook";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { FakeExcel } from "./excel-mock";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const PLAN = "yiyang-14th";
const YEAR = 2023;
const layout = buildProgressSheet(catalog, PLAN, { year: YEAR });
/** Every styled cell the plan writes, and whether the rule locks it. */
const styled = planNewSheet(catalog, PLAN, layout.sheetName, YEAR).write.cells.flatMap((c) =>
  c.style ? [{ row: c.row, col: c.col, locked: isLocked(c.style) }] : [],
);
const memoryService = (wb: MemoryWorkbook) => serviceOver(wb, { year: YEAR, catalog });

async function xlsxReadBack(protect: boolean) {
  const buf = await layoutToWorkbook([layout], new Map(), catalog, { protect }).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const zip = await JSZip.loadAsync(Buffer.from(buf));
  return { ws: wb.worksheets[0], xml: await zip.file("xl/worksheets/sheet1.xml")!.async("string") };
}

test("the rule: inputs unlocked, derived and plan cells locked", () => {
  const at = (a1: string) => {
    const r = Number(/\d+/.exec(a1)![0]) - 1;
    const col = a1.charCodeAt(0) - 65;
    return styled.find((c) => c.row === r && c.col === col)?.locked;
  };
  expect(at(`${COL.status}${SHEET.firstDataRow}`)).toBe(true);
  expect(at(`${COL.completion}${SHEET.firstDataRow}`)).toBe(true);
  expect(at(`${COL.note}${SHEET.firstDataRow}`)).toBe(false);
  expect(at(SHEET.yearCell)).toBe(false);
  expect(styled.filter((c) => !c.locked).length).toBeGreaterThan(layout.targetIds.length);
});

describe("the same flags on both write paths", () => {
  test("memory (the pane's WritePlan) and the .xlsx read back: locked per cell", async () => {
    const wb = new MemoryWorkbook();
    const { sheetName } = await memoryService(wb).generate(PLAN, YEAR);
    const { ws } = await xlsxReadBack(true);
    const mem = wb.protectionOf(sheetName);
    for (const c of styled) {
      const xlsxLocked = ws.getCell(c.row + 1, c.col + 1).protection?.locked ?? true;
      expect([c.row, c.col, mem.locked(c.row, c.col), xlsxLocked]).toEqual([
        c.row,
        c.col,
        c.locked,
        c.locked,
      ]);
    }
  });

  test("sheet protection: no password, AutoFilter and formatting allowed, editing locked cells not", async () => {
    const wb = new MemoryWorkbook();
    const { sheetName } = await memoryService(wb).generate(PLAN, YEAR);
    expect(wb.protectionOf(sheetName)).toMatchObject({ protected: true, allows: PROTECTION });
    const { ws, xml } = await xlsxReadBack(true);
    const tag = /<sheetProtection [^>]*\/>/.exec(xml)![0];
    expect(tag).not.toMatch(/hashValue|password/);
    // OOXML: an attribute "0" lifts that restriction (autoFilter="0": filtering allowed).
    for (const a of ["autoFilter", "formatCells", "formatColumns", "formatRows"])
      expect(tag).toContain(`${a}="0"`);
    expect(tag).toContain('sheet="1"');
    expect(ws.getCell(`${COL.status}${SHEET.firstDataRow}`).protection?.locked ?? true).toBe(true);
  });

  test("the office-addin-mock fake: the same locks and options", async () => {
    const fx = new FakeExcel();
    fx.install();
    try {
      const service = serviceOver(new OfficeWorkbook(), { year: YEAR, catalog });
      const { sheetName } = await service.generate(PLAN, YEAR);
      const s = fx.sheet(sheetName)!;
      expect([s.protected, s.protectionOptions]).toEqual([true, PROTECTION]);
      for (const c of styled)
        expect([c.row, c.col, s.format.get(`${c.row},${c.col}`)?.["protection.locked"]]).toEqual([
          c.row,
          c.col,
          c.locked,
        ]);
    } finally {
      fx.uninstall();
    }
  });

  test("turned off (--no-protect, the pane's switch): no protection on either path", async () => {
    const wb = new MemoryWorkbook();
    const { sheetName } = await memoryService(wb).generate(PLAN, YEAR, { protect: false });
    expect(wb.protectionOf(sheetName).protected).toBe(false);
    const { xml } = await xlsxReadBack(false);
    expect(xml).not.toContain("<sheetProtection");
  });
});

describe("refresh on a sheet protected by 保护公式列", () => {
  test("in memory: unprotected, refreshed, protected again; what was typed kept", async () => {
    const wb = new MemoryWorkbook();
    const service = memoryService(wb);
    const { sheetName } = await service.generate(PLAN, YEAR);
    wb.protect(sheetName, false); // typing into an unlocked cell, as Excel allows on the protected sheet
    wb.setCell(sheetName, `${COL.note}${SHEET.firstDataRow}`, "已核");
    wb.protect(sheetName, true);
    await service.refresh(sheetName, { applyDataChanges: true, year: YEAR + 1 });
    expect(wb.value(sheetName, SHEET.yearCell)).toBe(YEAR + 1);
    expect(wb.value(sheetName, `${COL.note}${SHEET.firstDataRow}`)).toBe("已核");
    expect(wb.protectionOf(sheetName)).toMatchObject({ protected: true, allows: PROTECTION });
  });

  test("on the office-addin-mock fake: unprotect first, protect last, in the one write batch", async () => {
    const fx = new FakeExcel();
    fx.install();
    try {
      const service = serviceOver(new OfficeWorkbook(), { year: YEAR, catalog });
      const { sheetName } = await service.generate(PLAN, YEAR);
      const before = fx.applied.length;
      const w0 = fx.writeSyncs;
      await service.refresh(sheetName, { applyDataChanges: true, year: YEAR + 1 });
      // Application-wide commands (suspending calculation) aside, the first and the last change the sheet's protection.
      const ran = fx.applied.slice(before).filter((c) => !c.startsWith("suspend"));
      expect(ran[0]).toBe(`unprotect ${sheetName}`);
      expect(ran[ran.length - 1]).toBe(`protect ${sheetName}`);
      expect(fx.writeSyncs - w0).toBe(1);
      expect(fx.sheet(sheetName)!.protected).toBe(true);
      expect(fx.sheet(sheetName)!.get(SHEET.yearCell)).toBe(YEAR + 1);
    } finally {
      fx.uninstall();
    }
  });
});

describe("转为数值 on a sheet under 保护公式列", () => {
  const HIGHTECH = '=PLAN.TARGET("益阳","高新技术企业",2025)';
  const at = `${COL.note}${SHEET.firstDataRow}`; // an input cell, where a user may type a formula

  test("in memory: converted, and the sheet still protected", async () => {
    registerPlanFunctions();
    const wb = new MemoryWorkbook();
    const service = memoryService(wb);
    const { sheetName } = await service.generate(PLAN, YEAR);
    wb.setCell(sheetName, at, HIGHTECH);
    wb.select(sheetName, at);
    const preview = await service.previewFreeze("sheet");
    const r = await service.freeze(preview.cells);
    expect(r.converted.map((c) => c.formula)).toEqual([HIGHTECH]);
    expect(wb.contentOf(sheetName).formulas[SHEET.firstDataRow - 1][colIndex(COL.note)]).toBe(600);
    expect(wb.protectionOf(sheetName).protected).toBe(true);
  });

  test("on the office-addin-mock fake: unprotected for the conversion and its notes, protected again last", async () => {
    const fx = new FakeExcel();
    fx.install();
    try {
      const service = serviceOver(new OfficeWorkbook(), { year: YEAR, catalog });
      const { sheetName } = await service.generate(PLAN, YEAR);
      const ws = fx.sheet(sheetName)!;
      ws.set(at, HIGHTECH);
      ws.shown.set(`${SHEET.firstDataRow - 1},${colIndex(COL.note)}`, 600);
      fx.selection = { sheet: sheetName, row: SHEET.firstDataRow - 1, col: colIndex(COL.note) };
      const before = fx.applied.length;
      const r = await service.freeze((await service.previewFreeze("sheet")).cells);
      expect(r.converted).toHaveLength(1);
      const ran = fx.applied.slice(before).filter((c) => !c.startsWith("suspend"));
      expect(ran[0]).toBe(`unprotect ${sheetName}`);
      expect(ran[ran.length - 1]).toBe(`protect ${sheetName}`);
      expect(ws.protected).toBe(true);
    } finally {
      fx.uninstall();
    }
  });
});
