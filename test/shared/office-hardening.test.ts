// The Office.js adapter's edges, on the office-addin-mock fake: a failed generate deletes only a sheet that carries
// its marker; the print zoom agrees with the ExcelJS file and is read back (office-js#1860); the merged 说明 row
// gets the ExcelJS file's height; an old Excel is told which versions work.
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { buildProgressSheet, SHEET, sheetNameFor } from "../../src/core/sheet/layout";
import { MANUAL_CALCULATION, OfficeWorkbook } from "../../src/workbook/office-workbook";
import { Notices } from "../../src/taskpane/notices";
import { HostError } from "../../src/services/service";
import { LINE_HEIGHT } from "../../src/workbook/text-fit";
import type { WritePlan } from "../../src/workbook/workbook";
import { planNewSheet } from "../../src/sheet/refresh";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { FakeExcel } from "./excel-mock";
import { largestPlan } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const LARGEST = largestPlan(catalog);
const YEAR = 2024;
const SHEET_NAME = sheetNameFor(catalog.plans.find((p) => p.id === LARGEST)!);

let fx: FakeExcel;
let warnings: string[];
beforeEach(() => {
  fx = new FakeExcel();
  fx.addSheet("Sheet1");
  fx.install();
  warnings = [];
});
afterEach(() => fx.uninstall());

const onWarning = (m: string) => warnings.push(m);
const service = (wb = new OfficeWorkbook({ onWarning })) => serviceOver(wb, { year: YEAR, catalog: catalog });

/** A workbook where the user adds a sheet of the plan's name between the add-in's read and its write. */
class UserRacesTheWrite extends OfficeWorkbook {
  override async write(plan: WritePlan): Promise<void> {
    if (plan.create) fx.addSheet(plan.sheet).set("A1", "统计员自己的表");
    return super.write(plan);
  }
}

async function generateError(wb = new OfficeWorkbook({ onWarning })): Promise<HostError> {
  const e = await service(wb)
    .generate(LARGEST, YEAR)
    .then(
      () => null,
      (x: unknown) => x,
    );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

describe("a failed generate deletes only its own sheet", () => {
  test("a sheet of the same name created between the read and the write is left as it is", async () => {
    const e = await generateError(new UserRacesTheWrite({ onWarning }));
    expect(e.reason).toMatchObject({ reason: "newSheetFailed", undo: "untouched" });
    expect(fx.sheet(SHEET_NAME)?.get("A1")).toBe("统计员自己的表");
    expect(fx.applied.filter((c) => c.startsWith("delete sheet"))).toEqual([]);
  });

  test("…also when Excel reports another error than the name clash: no marker, no delete", async () => {
    fx.failAt = 0; // the add fails with a general exception; the user's sheet stays
    const e = await generateError(new UserRacesTheWrite({ onWarning }));
    expect(e.reason).toMatchObject({ reason: "newSheetFailed", undo: "notOurs" });
    expect(fx.sheet(SHEET_NAME)?.get("A1")).toBe("统计员自己的表");
    expect(fx.applied.filter((c) => c.startsWith("delete sheet"))).toEqual([]);
  });

  // The batch opens with the two calls that suspend calculation and screen updating (nothing written).
  const SUSPEND = 2;

  test("the marker is the first thing written to the new sheet", async () => {
    await service().generate(LARGEST, YEAR);
    expect(fx.applied.slice(SUSPEND, SUSPEND + 2)).toEqual([
      `add sheet ${SHEET_NAME}`,
      `set ${SHEET.markerCell} values`,
    ]);
  });

  test("a failure after the marker: the half-written sheet is deleted", async () => {
    fx.failAt = SUSPEND + 2;
    const e = await generateError();
    expect(e.reason).toMatchObject({ reason: "newSheetFailed", undo: "removed" });
    expect(fx.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a failure between the add and the marker: the empty sheet is left, and the message says so", async () => {
    fx.failAt = SUSPEND + 1;
    const e = await generateError();
    expect(e.reason).toMatchObject({ reason: "newSheetFailed", undo: "notOurs" });
    expect(fx.sheet(SHEET_NAME)?.used()).toBeNull();
  });
});

describe("print setup", () => {
  test("one page wide, as many tall as needed — the same as the ExcelJS file — read back without a warning", async () => {
    await service().generate(LARGEST, YEAR);
    const xlsx = layoutToWorkbook([buildProgressSheet(catalog, LARGEST, { year: YEAR })]).worksheets[0]
      .pageSetup;
    expect(fx.sheet(SHEET_NAME)!.page.zoom).toEqual({
      horizontalFitToPages: xlsx.fitToWidth,
      verticalFitToPages: xlsx.fitToHeight,
    });
    expect([xlsx.fitToWidth, xlsx.fitToHeight]).toEqual([1, 0]);
    expect(warnings).toEqual([]);
  });

  test("Excel dropping the zoom (office-js#1860) is noticed by the read-back: one warning, the sheet written, 2 syncs", async () => {
    fx.ignorePageZoom = true;
    const before = fx.syncs;
    const r = await service().generate(LARGEST, YEAR);
    expect(fx.syncs - before).toBe(2);
    expect(fx.sheet(r.sheetName)!.get(SHEET.markerCell)).toBe(SHEET.marker);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("调整为 1 页宽");
    expect(warnings[0]).toContain(r.sheetName);
  });
});

describe("rows of merged notes get the ExcelJS file's height", () => {
  /** Rows 2 and 4 (plan title, 说明): text merged across the sheet. */
  const NOTE_ROWS = [2, 4];
  const officeHeight = (sheet: string, row: number) =>
    fx.sheet(sheet)!.fmt(`E${row}`).rowHeight as number | undefined;

  test.each(catalog.plans.map((p) => p.id))("%s: as bundled", async (planId) => {
    const r = await service().generate(planId, YEAR);
    const ws = layoutToWorkbook([buildProgressSheet(catalog, planId, { year: YEAR })]).worksheets[0];
    for (const row of NOTE_ROWS)
      expect([row, officeHeight(r.sheetName, row)]).toEqual([row, ws.getRow(row).height]);
  });

  test("a 说明 three times as long: several lines, the same height in both", async () => {
    const layout = buildProgressSheet(catalog, LARGEST, { year: YEAR });
    const note = layout.rows[3][4];
    expect(layout.rows[3][3].value).toBe("说明");
    const long = `${note.value}${note.value}${note.value}`;
    layout.rows[3][4] = { ...note, value: long };
    const expected = layoutToWorkbook([layout]).worksheets[0].getRow(4).height;
    expect(expected).toBeGreaterThanOrEqual(3 * LINE_HEIGHT);

    const { write } = planNewSheet(catalog, LARGEST, SHEET_NAME, YEAR);
    const cell = write.cells.find((c) => c.row === 3 && c.col === 4)!;
    expect(cell.content).toBe(note.value);
    cell.content = long;
    await new OfficeWorkbook({ onWarning }).write(write);
    expect(officeHeight(SHEET_NAME, 4)).toBe(expected);
    expect(fx.applied).toContain(`format ${layout.merges.find((m) => m.startsWith("E4"))} rowHeight`);
  });
});

test("an Excel without the API sets is told Microsoft 365 or Excel 2021", async () => {
  const e = await generateError(new OfficeWorkbook({ supported: () => false, onWarning }));
  expect(e.message).toContain("Microsoft 365 或 Excel 2021 及以上");
  expect(e.message).not.toContain("2019");
  expect(fx.writeSyncs).toBe(0);
});

describe("calculation and screen updating around a write", () => {
  test("suspended until the write's sync (first in the batch), which stays one sync", async () => {
    const before = fx.writeSyncs;
    await service().generate(LARGEST, YEAR);
    expect(fx.writeSyncs - before).toBe(1);
    expect(fx.applied.slice(0, 3)).toEqual([
      "suspendApiCalculationUntilNextSync",
      "suspendScreenUpdatingUntilNextSync",
      expect.stringMatching(/^add sheet /),
    ]);
    expect(warnings).toEqual([]);
  });

  test("manual calculation: the write succeeds and the pane is told to press F9", async () => {
    fx.calculationMode = "Manual";
    await service().generate(LARGEST, YEAR);
    expect(warnings).toEqual([MANUAL_CALCULATION]);
  });

  test("manual calculation: a write of values only (the plan-pack store, its fingerprint) says nothing of F9", async () => {
    fx.calculationMode = "Manual";
    const wb = new OfficeWorkbook({ onWarning });
    await wb.write({ sheet: "值", create: true, cells: [{ row: 0, col: 0, content: "规划包" }] });
    expect(warnings).toEqual([]);
    await wb.write({ sheet: "公式", create: true, cells: [{ row: 0, col: 0, content: { formula: "=1+1" } }] });
    expect(warnings).toEqual([MANUAL_CALCULATION]);
  });

  test("manual calculation reaches the pane's notices once, however many writes; automatic adds none", async () => {
    const notices = new Notices();
    const svc = service(new OfficeWorkbook({ onWarning: notices.push }));
    await svc.generate(LARGEST, YEAR);
    expect(notices.current()).toEqual([]);
    fx.calculationMode = "Manual";
    const { sheetName } = await svc.generate(LARGEST, YEAR);
    await svc.refresh(sheetName, { applyDataChanges: false });
    expect(notices.current()).toEqual([MANUAL_CALCULATION]);
    expect(MANUAL_CALCULATION).toMatch(/公式 › 计算选项.*自动.*F9/);
  });
});
