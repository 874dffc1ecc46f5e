// 撤销: generate, refresh, 填表, 批量填写 and 转为数值, each undone on the in-memory workbook (HyperFormula) and on
// the Office.js adapter over office-addin-mock: every cell's content (formulas and constants), value and number
// format is back as before the write; a sheet the write created is gone; typing since the write refuses the undo.
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { createCatalogStore } from "../../src/core/catalog/store";
import { COL, planTargets, SHEET } from "../../src/core/sheet/layout";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { createFillService } from "../../src/services/fill-service";
import { createProgressService } from "../../src/services/progress-service";
import { HostError } from "../../src/services/service";
import { createBatchService } from "../../src/sheet/batch-actuals";
import type { FillOptions } from "../../src/sheet/fill-table";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { beforeStructure, UndoLog } from "../../src/workbook/undo";
import type { Workbook } from "../../src/workbook/workbook";
import { FakeExcel } from "./excel-mock";
import { catalogWith } from "./helpers";

const catalog = bundledCatalog();
const PLAN = "zhongshan-14th";
const YEAR = 2024;
const targets = planTargets(catalog, PLAN);
const row = (i: number) => SHEET.firstDataRow + i;
/** A new data version: a target's value changed, one removed, one added (a row inserted by the refresh). */
const newer = () =>
  catalogWith(
    { kind: "value", target: targets[0].id, value: targets[0].threshold + 10 },
    { kind: "remove", target: targets[1].id },
    { kind: "add", after: targets[2].id, id: `${targets[2].id}.new` },
  );
const HIGHTECH = '=PLAN.TARGET("益阳","高新技术企业",2025)';

/** A back end with the user's hands: type a cell, and the whole state undo must restore. */
interface Host {
  wb: Workbook;
  type(sheet: string, a1: string, v: string | number): void;
  state(): unknown;
  select(sheet: string, a1: string): void;
}

function memoryHost(): Host {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  return {
    wb,
    type: (sheet, a1, v) => wb.setCell(sheet, a1, v),
    state: () =>
      wb.sheetNames().map((n) => {
        const c = wb.contentOf(n);
        return [n, c.values, c.formulas, c.numberFormats];
      }),
    select: (sheet, a1) => wb.select(sheet, a1),
  };
}

let fx: FakeExcel;
function officeHost(): Host {
  fx = new FakeExcel();
  fx.install();
  fx.addSheet("Sheet1");
  return {
    wb: new OfficeWorkbook({ supported: () => true, comments: () => false, spills: () => true }),
    type: (sheet, a1, v) => fx.sheet(sheet)!.set(a1, v),
    state: () =>
      fx.sheets.map((s) => [
        s.name,
        [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
        // Excel's default format: a cell set to "General" is a cell never formatted.
        [...s.numFmt].filter(([, f]) => f !== "General").sort(([a], [b]) => a.localeCompare(b)),
      ]),
    select: (sheet, a1) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      fx.activeSheet = sheet;
      fx.selection = { sheet, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
    },
  };
}

beforeAll(() => registerPlanFunctions());
afterEach(() => fx?.uninstall());

describe.each([
  ["in memory", memoryHost],
  ["Office.js (office-addin-mock)", officeHost],
])("%s", (_, makeHost) => {
  async function progressSheet(h: Host) {
    const { sheetName } = await createProgressService(h.wb, createCatalogStore(catalog)).generate(PLAN, YEAR);
    h.type(sheetName, `${COL.actual}${row(0)}`, 11);
    h.type(sheetName, `${COL.note}${row(3)}`, "我的备注");
    return sheetName;
  }

  test("generate: undo deletes the new sheet, and only it", async () => {
    const h = makeHost();
    const undo = new UndoLog(h.wb);
    const before = h.state();
    const { sheetName } = await createProgressService(h.wb, createCatalogStore(), { undo }).generate(
      PLAN,
      YEAR,
    );
    expect(undo.current()).toBe(`生成 ${sheetName}`);
    expect(h.state()).not.toEqual(before);
    expect(await undo.undo()).toBe(`已撤销“生成 ${sheetName}”:已删除本次生成的工作表“${sheetName}”。`);
    expect(h.state()).toEqual(before);
    expect(undo.current()).toBeNull();
    await expect(undo.undo()).rejects.toMatchObject({ reason: { reason: "nothingToUndo" } });
  });

  test("refresh with data changes (a row inserted, one marked deleted): undo puts every cell back", async () => {
    const h = makeHost();
    const sheetName = await progressSheet(h);
    const before = h.state();
    const undo = new UndoLog(h.wb);
    const svc = createProgressService(h.wb, createCatalogStore(newer()), { undo });
    await svc.refresh(sheetName, { applyDataChanges: true, year: 2025 });
    expect(h.state()).not.toEqual(before);
    expect(undo.current()).toBe(`刷新 ${sheetName}`);
    expect(await undo.undo()).toMatch(new RegExp(`^已撤销“刷新 ${sheetName}”:\\d+ 个单元格`));
    expect(h.state()).toEqual(before);
  });

  test("typing after the refresh: undo refuses, names the cell, changes nothing", async () => {
    const h = makeHost();
    const sheetName = await progressSheet(h);
    const undo = new UndoLog(h.wb);
    await createProgressService(h.wb, createCatalogStore(newer()), { undo }).refresh(sheetName, {
      applyDataChanges: true,
    });
    h.type(sheetName, `${COL.actual}${row(5)}`, 42);
    const typed = h.state();
    const e = await undo.undo().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect((e as Error).message).toContain(`${COL.actual}${row(5)}`);
    expect((e as Error).message).toContain("未作更改");
    expect(h.state()).toEqual(typed);
    expect(undo.current()).toBe(`刷新 ${sheetName}`); // still offered: typing the cell back makes it possible
  });

  test("批量填写: undo restores the actuals and the statuses", async () => {
    const h = makeHost();
    const sheetName = await progressSheet(h);
    const before = h.state();
    const undo = new UndoLog(h.wb);
    const batch = createBatchService(h.wb, createCatalogStore(), undo);
    const p = await batch.preview(sheetName, `${targets[2].indicatorDef.name}\t470\n`);
    expect(p.issues).toEqual([]);
    await batch.apply(p, true);
    expect(h.state()).not.toEqual(before);
    expect(undo.current()).toBe(`批量填写 ${sheetName}`);
    await undo.undo();
    expect(h.state()).toEqual(before);
  });

  test("填表: undo restores the user's table, its empty cells empty again", async () => {
    const h = makeHost();
    const labels = ["1.高新技术企业数(家)", "研发经费投入强度(%)", "科普示范基地"];
    h.type("Sheet1", "B1", "指标");
    labels.forEach((l, i) => {
      h.type("Sheet1", `B${i + 2}`, l);
      h.type("Sheet1", `C${i + 2}`, 100 + i);
    });
    h.type("Sheet1", "E3", "旧值");
    const before = h.state();
    const undo = new UndoLog(h.wb);
    const fill = createFillService(h.wb, createCatalogStore(), undo);
    const { table, rows } = await fill.read("益阳", 2025, "B2:B4");
    const opts: FillOptions = {
      columns: ["target", "baseline", "expected"],
      mode: "formulas",
      firstCol: 3,
      actualCol: 2,
      asOfYear: 2023,
    };
    await fill.fill(table, rows, opts, true);
    expect(h.state()).not.toEqual(before);
    await undo.undo();
    expect(h.state()).toEqual(before);
  });

  test("转为数值: undo puts the formulas back", async () => {
    const h = makeHost();
    h.type("Sheet1", "A1", HIGHTECH);
    h.type("Sheet1", "A2", "=SUM(1,2)");
    h.type("Sheet1", "B3", '=PLAN.INFO("益阳","高新技术企业",2025,"单位")');
    fx?.sheet("Sheet1")?.shown.set("0,0", 600);
    fx?.sheet("Sheet1")?.shown.set("2,1", "家");
    h.select("Sheet1", "A1");
    const before = h.state();
    const undo = new UndoLog(h.wb);
    const svc = createProgressService(h.wb, createCatalogStore(), { undo });
    const r = await svc.freeze((await svc.previewFreeze("sheet")).cells);
    expect(r.converted).toHaveLength(2);
    expect(h.state()).not.toEqual(before);
    expect(undo.current()).toBe("转为数值(2 个单元格)");
    await undo.undo();
    expect(h.state()).toEqual(before);
  });
});

test("Office.js: a spill converted whole is cleared back to its formula; the restore is one sync", async () => {
  const h = officeHost();
  const s = fx.sheet("Sheet1")!;
  s.cells.set("0,0", '=PLAN.LIST("益阳")');
  s.spills.set("0,0", { r1: 0, c1: 0, r2: 2, c2: 1 });
  for (let r = 0; r < 3; r++) {
    s.shown.set(`${r},0`, `指标${r}`);
    s.shown.set(`${r},1`, r * 10);
  }
  s.numFmt.set("1,1", "0.0");
  fx.activeSheet = "Sheet1";
  const before = h.state();
  const undo = new UndoLog(h.wb);
  const svc = createProgressService(h.wb, createCatalogStore(), { undo });
  await svc.freeze((await svc.previewFreeze("sheet")).cells);
  expect(s.cells.get("2,1")).toBe(20);
  const syncs = fx.syncs;
  const writes = fx.writeSyncs;
  await undo.undo();
  expect(fx.syncs - syncs).toBe(2); // the check (a read), then the restore
  expect(fx.writeSyncs - writes).toBe(1);
  expect(h.state()).toEqual(before);
});

test("a cell after the structure edits, in the sheet before them", () => {
  const ops = [
    { kind: "insertRows" as const, at: 10, count: 2 },
    { kind: "insertRows" as const, at: 20, count: 1 },
  ];
  expect(beforeStructure(5, 3, ops)).toEqual({ row: 5, col: 3 });
  expect(beforeStructure(11, 3, ops)).toBeNull();
  expect(beforeStructure(15, 3, ops)).toEqual({ row: 13, col: 3 });
  expect(beforeStructure(20, 3, ops)).toBeNull();
  expect(beforeStructure(25, 3, ops)).toEqual({ row: 22, col: 3 });
  expect(beforeStructure(4, 6, [{ kind: "insertColumns", at: 2, count: 3 }])).toEqual({ row: 4, col: 3 });
});

test("a write that is not recorded (a formula inserted) ends the offer: the step before it is no longer the last", async () => {
  const h = memoryHost();
  const undo = new UndoLog(h.wb);
  const svc = createProgressService(h.wb, createCatalogStore(), { undo });
  await svc.generate(PLAN, YEAR);
  expect(undo.current()).not.toBeNull();
  h.select("Sheet1", "A1");
  await svc.insertFormula("=1+1");
  expect(undo.current()).toBeNull();
});

test("under 保护公式列: undo of a refresh unprotects, restores and protects the sheet again", async () => {
  const wb = new MemoryWorkbook();
  const { sheetName } = await createProgressService(wb, createCatalogStore(catalog)).generate(PLAN, YEAR);
  expect(wb.protectionOf(sheetName).protected).toBe(true);
  const before = wb.contentOf(sheetName).formulas;
  const undo = new UndoLog(wb);
  await createProgressService(wb, createCatalogStore(newer()), { undo }).refresh(sheetName, {
    applyDataChanges: true,
  });
  await undo.undo();
  expect(wb.contentOf(sheetName).formulas).toEqual(before);
  expect(wb.protectionOf(sheetName).protected).toBe(true);
});

test("a sheet protected with a password: undo refuses and changes nothing", async () => {
  const wb = new MemoryWorkbook();
  const { sheetName } = await createProgressService(wb, createCatalogStore(catalog)).generate(PLAN, YEAR);
  const undo = new UndoLog(wb);
  await createProgressService(wb, createCatalogStore(newer()), { undo }).refresh(sheetName, {
    applyDataChanges: true,
  });
  wb.protect(sheetName, true, "secret");
  const after = wb.contentOf(sheetName).formulas;
  await expect(undo.undo()).rejects.toMatchObject({ reason: { reason: "sheetProtected", password: true } });
  expect(wb.contentOf(sheetName).formulas).toEqual(after);
});
