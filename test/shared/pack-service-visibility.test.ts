// The storage the plan packs need from both workbooks: a veryHidden sheet (WritePlan.visibility), refused with a
// Chinese message in a protected workbook or on a protected sheet, and a full recalculation.
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { HostError } from "../../src/services/service";
import type { WritePlan } from "../../src/workbook/workbook";
import { FakeExcel } from "./excel-mock";

const store = (create: boolean): WritePlan => ({
  sheet: "Store",
  create,
  cells: [{ row: 0, col: 0, content: "do not edit" }],
  ...(create ? { visibility: "veryHidden" as const } : {}),
});

describe("memory workbook", () => {
  let wb: MemoryWorkbook;
  beforeEach(() => {
    wb = new MemoryWorkbook();
    wb.addSheet("Sheet1");
    wb.select("Sheet1", "A1");
  });

  test("a veryHidden sheet has no tab, but read() and sheetNames() see it as Excel's worksheets do", async () => {
    await wb.write(store(true));
    expect(wb.tabNames()).toEqual(["Sheet1"]);
    expect(wb.sheetNames()).toEqual(["Sheet1", "Store"]);
    expect(wb.visibilityOf("Store")).toBe("veryHidden");
    const snap = await wb.read(["Store"]);
    expect(snap.sheets.get("Store")?.values).toEqual([["do not edit"]]);
    expect(wb.active).toBe("Sheet1");
  });

  test("hiding the first sheet of a workbook leaves no hidden sheet active", async () => {
    const empty = new MemoryWorkbook();
    await empty.write(store(true));
    expect(empty.active).toBeNull();
    empty.addSheet("Sheet1");
    expect(empty.tabNames()).toEqual(["Sheet1"]);
  });

  test("a protected workbook structure: no sheet added, a Chinese HostError, nothing written", async () => {
    wb.protectStructure();
    await expect(wb.write(store(true))).rejects.toThrow(HostError);
    await expect(wb.write(store(true))).rejects.toMatchObject({ reason: { reason: "structureProtected" } });
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
    expect(wb.writes).toBe(0);
  });

  test("recalculate re-evaluates every formula", async () => {
    wb.setCell("Sheet1", "A1", "=1+1");
    await wb.recalculate();
    expect(wb.value("Sheet1", "A1")).toBe(2);
  });
});

describe("Office.js workbook (office-addin-mock)", () => {
  let fx: FakeExcel;
  beforeEach(() => {
    fx = new FakeExcel();
    fx.addSheet("Sheet1");
    fx.install();
  });
  afterEach(() => fx.uninstall());

  test("a new sheet with visibility veryHidden: added, written, then Excel.SheetVisibility.veryHidden, in one sync", async () => {
    const syncs = fx.syncs;
    await new OfficeWorkbook().write(store(true));
    expect(fx.syncs - syncs).toBe(1);
    expect(fx.sheet("Store")?.visibility).toBe("VeryHidden");
    expect(fx.sheet("Store")?.get("A1")).toBe("do not edit");
    expect(fx.sheet("Sheet1")?.visibility).toBe("Visible");
    expect(fx.applied.at(-1)).toBe("visibility VeryHidden");
  });

  test("a write without visibility leaves the sheet's as it is", async () => {
    fx.addSheet("Store").visibility = "VeryHidden";
    await new OfficeWorkbook().write(store(false));
    expect(fx.sheet("Store")?.visibility).toBe("VeryHidden");
    expect(fx.applied.some((a) => a.startsWith("visibility"))).toBe(false);
  });

  test("a protected workbook structure: AccessDenied becomes a Chinese HostError that says what to do", async () => {
    fx.structureProtected = true;
    const e = await new OfficeWorkbook().write(store(true)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as Error).message).toMatch(/工作簿结构受保护.*保护工作簿.*工作簿未作更改/);
    expect(fx.sheet("Store")).toBeUndefined();
  });

  test("a protected store sheet: AccessDenied becomes the sheet-protection HostError", async () => {
    fx.addSheet("Store").protected = true;
    await expect(new OfficeWorkbook().write(store(false))).rejects.toMatchObject({
      reason: { reason: "sheetProtected", sheet: "Store" },
    });
  });

  test("recalculate: one batch, application.calculate(Full)", async () => {
    await new OfficeWorkbook().recalculate();
    expect(fx.calculations).toEqual(["Full"]);
  });
});
