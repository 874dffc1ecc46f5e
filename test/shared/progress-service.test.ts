// ProgressService over the memory workbook: generate, refresh with and without data changes, refusals,
// the formula and source helpers.
import { createCatalogStore } from "../../src/core/catalog/store";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import {
  COL,
  colLetter,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetNameFor,
} from "../../src/core/sheet/layout";
import { INPUT_ERROR, STATUS } from "../../src/core/method/methodology";
import { formatValue, MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { createProgressService } from "../../src/services/progress-service";
import { DELETED_LABEL } from "../../src/sheet/refresh";
import { HostError } from "../../src/services/service";
import { colIndex } from "../../src/workbook/workbook";
import type { Catalog } from "../../src/core/catalog/catalog";
import { catalogWith, locate } from "./helpers";
import { describeTarget } from "../../src/core/catalog/labels";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const YEAR = 2024;
const PLAN = "zhongshan-14th";
const targets = planTargets(catalog, PLAN);
/** A target whose plan gives no baseline (an input cell), apart from those the data-change tests change. */
const baselineTarget = targets.slice(3).find(needsBaselineInput)!;

function setup(c: Catalog = catalog) {
  const wb = new MemoryWorkbook();
  return { wb, service: serviceOver(wb, { year: YEAR, catalog: c }) };
}
const rowOf = (i: number) => SHEET.firstDataRow + i;

describe("generate on an existing sheet of the same plan", () => {
  test("never overwrites user values: inputs, year, user columns, rows and text outside the table", async () => {
    const { wb, service } = setup();
    const { sheetName: name } = await service.generate(PLAN, YEAR);
    // The statistician's work.
    const b = targets.indexOf(baselineTarget);
    wb.setCell(name, `${COL.actual}${rowOf(0)}`, 123.5);
    wb.setCell(name, `${COL.actual}${rowOf(1)}`, "=40+2"); // an actual given as a formula
    wb.setCell(name, `${COL.baseline}${rowOf(b)}`, 77);
    wb.setCell(name, `${COL.note}${rowOf(2)}`, "已核实");
    wb.setCell(name, SHEET.yearCell, 2022);
    wb.setCell(name, "E3", "右侧批注"); // a blank title-block cell
    wb.insertColumns(name, COL.actual, 1); // a user column before 实际值
    wb.setCell(name, `${COL.actual}${SHEET.headerRow}`, "核对人");
    wb.setCell(name, `${COL.actual}${rowOf(0)}`, "张三");
    const below = rowOf(targets.length) + 3;
    wb.setCell(name, `A${below}`, "合计");
    wb.setCell(name, `B${below}`, `=SUM(K${rowOf(0)}:K${rowOf(targets.length - 1)})`);
    wb.setCell(name, "Z2", "表外文字");
    const before = wb.contentOf(name);

    const result = await service.generate(PLAN, 2025, { sheetYear: "keep" });

    const after = wb.contentOf(name);
    expect(result.year).toBe(2022); // the sheet's own 评估年份 is kept
    expect(wb.sheetNames()).toEqual([name]); // no second sheet
    // Every cell the user typed is exactly as it was (values and formulas).
    const typed = [
      [rowOf(0) - 1, 10],
      [rowOf(1) - 1, 10],
      [rowOf(b) - 1, 5],
      [rowOf(2) - 1, 18],
      [SHEET.yearRow - 1, 2],
      [2, 4],
      [SHEET.headerRow - 1, 9],
      [rowOf(0) - 1, 9],
      [below - 1, 0],
      [below - 1, 1],
      [1, 25],
    ];
    for (const [r, c] of typed) {
      expect(after.formulas[r][c]).toEqual(before.formulas[r][c]);
      expect(after.formulas[r][c]).not.toBeNull();
    }
    expect(after.values[rowOf(1) - 1][10]).toBe(42);
    expect(after.values[below - 1][1]).toBe(123.5 + 42);
  });

  test("with another 评估年份 than the sheet's: refused until the caller chooses; keep or replace", async () => {
    const { wb, service } = setup();
    const { sheetName: name } = await service.generate(PLAN, 2022);
    wb.setCell(name, `${COL.actual}${rowOf(0)}`, 5);
    const writes = wb.writes;
    await expect(service.generate(PLAN, 2024)).rejects.toMatchObject({ code: "yearDiffers" });
    expect(wb.writes).toBe(writes);
    expect((await service.generate(PLAN, 2022)).year).toBe(2022); // the same year: no question
    expect((await service.generate(PLAN, 2024, { sheetYear: "keep" })).year).toBe(2022);
    expect(wb.value(name, SHEET.yearCell)).toBe(2022);
    expect((await service.generate(PLAN, 2024, { sheetYear: "replace" })).year).toBe(2024);
    expect(wb.value(name, SHEET.yearCell)).toBe(2024);
    expect(wb.value(name, `${COL.actual}${rowOf(0)}`)).toBe(5);
  });

  test("activeProgressSheet reads the active sheet's year and its COUNTIF row as the formulas compute them now", async () => {
    const { wb, service } = setup();
    const { sheetName: name } = await service.generate("yiyang-14th", 2023);
    const yy = planTargets(catalog, "yiyang-14th");
    const row = (id: string) => SHEET.firstDataRow + yy.findIndex((t) => t.id === id);
    wb.select(name, "A1");
    const first = await service.activeProgressSheet();
    expect(first).toMatchObject({ sheetName: name, planId: "yiyang-14th", year: 2023, rows: yy.length });
    expect(first!.counts[STATUS.unassessable]).toBe(yy.length);
    wb.setCell(name, `${COL.actual}${row("yy14.hightech_enterprises")}`, 470);
    wb.setCell(name, `${COL.actual}${row("yy14.rd_intensity")}`, "2.1个百分点");
    wb.setCell(name, SHEET.yearCell, 2024);
    const now = await service.activeProgressSheet();
    expect(now!.year).toBe(2024);
    expect(now!.counts[INPUT_ERROR]).toBe(1);
    expect(now!.counts[STATUS.onTrack] + now!.counts[STATUS.behind] + now!.counts[STATUS.ahead]).toBe(1);
    wb.addSheet("其他");
    wb.select("其他", "A1");
    expect(await service.activeProgressSheet()).toBeNull();
  });

  test("2.1% typed over a % row's 实际值 keeps the cell's own 0.00\"%\" format: it shows 0.02%, not a silent 2.1%", async () => {
    // 实际值 is shown as the target is (2.10%); a typed "2.1%" is stored 0.021 and, as in Excel, a cell that has a
    // number format keeps it, so the mismatch is on screen (the yearly cells, where actuals are typed, stay General
    // and the pane names a typed percent there: typed-formats.test.ts).
    const { wb, service } = setup();
    const { sheetName: name } = await service.generate("yiyang-14th", 2023);
    const yy = planTargets(catalog, "yiyang-14th");
    const r = SHEET.firstDataRow + yy.findIndex((t) => t.id === "yy14.rd_intensity");
    expect(wb.cell(name, `${COL.target}${r}`).numFmt).toBe(wb.cell(name, `${COL.actual}${r}`).numFmt);
    wb.setCell(name, `${COL.actual}${r}`, "2.1%");
    const result = await service.refresh(name, { applyDataChanges: false });
    expect(wb.value(name, `${COL.actual}${r}`)).toBeCloseTo(0.021);
    expect(formatValue(0.021, wb.cell(name, `${COL.actual}${r}`).numFmt)).toBe("0.02%");
    expect(wb.value(name, `${COL.status}${r}`)).not.toBe(INPUT_ERROR);
    // The pane's counts right after the refresh agree with the sheet's.
    const live = (await service.activeProgressSheet())!.counts;
    expect(live).toEqual(result.counts);
    expect(result.rows).toBe(yy.length);
  });

  test("a refresh of a sheet with the old counts row (label merged over A5:B5) unmerges it", async () => {
    const { wb, service } = setup();
    // A sheet of an older version: unprotected (保护公式列 came later), its counts label merged.
    const { sheetName: name } = await service.generate("yiyang-14th", 2023, { protect: false });
    await wb.write({ sheet: name, cells: [], merges: [`A${SHEET.headerRow - 1}:B${SHEET.headerRow - 1}`] });
    expect(wb.grid(name).merges).toContain(`A${SHEET.headerRow - 1}:B${SHEET.headerRow - 1}`);
    await service.refresh(name, { applyDataChanges: false });
    expect(wb.grid(name).merges).not.toContain(`A${SHEET.headerRow - 1}:B${SHEET.headerRow - 1}`);
    expect(wb.value(name, `B${SHEET.headerRow - 1}`)).toBe(STATUS.unassessable);
  });

  test("of another sheet by the same name that the add-in did not write: refused, nothing written", async () => {
    const { wb, service } = setup();
    const name = sheetNameFor(catalog.planById(PLAN)!);
    wb.addSheet(name);
    wb.setCell(name, "A1", "别人的表");
    const before = wb.dump(name);
    await expect(service.generate(PLAN, YEAR)).rejects.toThrow(HostError);
    await expect(service.generate(PLAN, YEAR)).rejects.toMatchObject({
      reason: { reason: "foreignSheetNamed" },
    });
    expect(wb.dump(name)).toEqual(before);
    expect(wb.writes).toBe(0);
  });

  test("of a sheet of another plan with the same name: that sheet untouched, this plan's under a unique name", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    const other = createProgressService(wb, createCatalogStore(catalog));
    const loc = locate(wb.contentOf(sheetName).values);
    wb.setCell(sheetName, `${COL.id}${SHEET.yearRow - 1}`, "yiyang-14th"); // plan id cell (row 2)
    expect(loc.header).toBe(SHEET.headerRow - 1);
    const before = wb.dump(sheetName);
    const made = await other.generate(PLAN, YEAR);
    expect(made.sheetName).toBe(`${sheetName}(2)`);
    expect(wb.dump(sheetName)).toEqual(before);
    expect((await other.generate(PLAN, YEAR)).sheetName).toBe(made.sheetName);
  });
});

describe("refresh", () => {
  test("a sheet protected with a password (a user's) is refused by refresh, nothing written", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    wb.protect(sheetName, true, "secret");
    const [writes, before] = [wb.writes, wb.dump(sheetName)];
    await service.planRefresh(sheetName); // read-only: allowed
    await expect(service.refresh(sheetName, { applyDataChanges: true })).rejects.toMatchObject({
      reason: { reason: "sheetProtected" },
    });
    await expect(service.refresh(sheetName, { applyDataChanges: true, protect: false })).rejects.toThrow(
      /受保护/,
    );
    expect(wb.writes).toBe(writes);
    expect(wb.dump(sheetName)).toEqual(before);
  });

  test("a sheet that is not ours, or missing, is refused", async () => {
    const { wb, service } = setup();
    wb.addSheet("Sheet1");
    await expect(service.refresh("Sheet1", { applyDataChanges: false })).rejects.toThrow(
      /不是本加载项生成的进度表/,
    );
    await expect(service.refresh("不存在", { applyDataChanges: false })).rejects.toMatchObject({
      reason: { reason: "sheetNotFound" },
    });
  });

  test("with a year writes the 评估年份; counts are the methodology's and the sheet's", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    // The first target is 年均增长10%: twice the rate in 2023 is ahead of it, not yet 已完成 (until 2025).
    wb.setCell(sheetName, `${COL.actual}${rowOf(0)}`, targets[0].threshold * 2);
    const r = await service.refresh(sheetName, { applyDataChanges: false, year: 2023 });
    expect(r.year).toBe(2023);
    expect(wb.value(sheetName, SHEET.yearCell)).toBe(2023);
    expect(r.counts[STATUS.ahead]).toBe(1);
    expect(r.counts[STATUS.unassessable]).toBe(targets.length - 1);
    expect(wb.value(sheetName, `${COL.status}${rowOf(0)}`)).toBe(STATUS.ahead);
  });

  test("a blank 评估年份 is filled with the current year (clamped into the plan period); text typed there is kept", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, 2021);
    wb.setCell(sheetName, SHEET.yearCell, null);
    expect((await service.refresh(sheetName, { applyDataChanges: false })).year).toBe(YEAR);
    wb.setCell(sheetName, SHEET.yearCell, "待定");
    await service.refresh(sheetName, { applyDataChanges: false });
    expect(wb.value(sheetName, SHEET.yearCell)).toBe("待定");
  });

  test("a deleted target row (same data version) is restored without confirmation; a deleted column of ours is re-inserted", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    wb.setCell(sheetName, `${COL.actual}${rowOf(0)}`, 5);
    wb.deleteRows(sheetName, rowOf(3));
    wb.deleteColumns(sheetName, COL.note); // the id column moves one left; a user column two right of it
    wb.setCell(sheetName, `${colLetter(colIndex(COL.id) + 1)}${SHEET.headerRow}`, "用户列");
    const plan = await service.planRefresh(sheetName);
    expect(plan.dataChanges).toEqual([]);
    await service.refresh(sheetName, { applyDataChanges: false });
    const loc = locate(wb.contentOf(sheetName).values);
    expect(loc.ids.map((x) => x.id).sort()).toEqual(targets.map((t) => t.id).sort());
    expect(loc.cell(loc.rowOf(targets[0].id)!, "actual")).toBe(5);
    expect(loc.col("note")).toBe(loc.col("id") - 1);
    expect(wb.contentOf(sheetName).values[SHEET.headerRow - 1][loc.col("id") + 2]).toBe("用户列");
  });

  test("a copied row repeating an id becomes the user's row: every id appears once", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    const last = rowOf(targets.length);
    wb.setCell(sheetName, `${COL.id}${last}`, targets[0].id);
    wb.setCell(sheetName, `${COL.actual}${last}`, 9);
    await service.refresh(sheetName, { applyDataChanges: false });
    const loc = locate(wb.contentOf(sheetName).values);
    expect(loc.ids.filter((x) => x.id === targets[0].id)).toHaveLength(1);
    expect(wb.value(sheetName, `${COL.actual}${last}`)).toBe(9);
  });
});

describe("bundled data changes", () => {
  const changed = targets[0];
  const removed = targets[1];
  const added = `${targets[2].id}.new`;
  const newer = () =>
    catalogWith(
      { kind: "value", target: changed.id, value: changed.threshold + 10 },
      { kind: "remove", target: removed.id },
      { kind: "add", after: targets[2].id, id: added },
      { kind: "baseline", target: baselineTarget.id, value: 50 },
    );

  async function sheetWithInputs() {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    const b = targets.indexOf(baselineTarget);
    wb.setCell(sheetName, `${COL.actual}${rowOf(1)}`, 11);
    wb.setCell(sheetName, `${COL.note}${rowOf(1)}`, "删除前的备注");
    wb.setCell(sheetName, `${COL.baseline}${rowOf(b)}`, 40);
    wb.setCell(sheetName, `A${rowOf(targets.length) + 2}`, "表下文字");
    return { wb, sheetName };
  }

  test("planRefresh lists them and writes nothing", async () => {
    const { wb, sheetName } = await sheetWithInputs();
    const [writes, before] = [wb.writes, wb.dump(sheetName)];
    const plan = await createProgressService(wb, createCatalogStore(newer())).planRefresh(sheetName);
    expect(wb.writes).toBe(writes);
    expect(wb.dump(sheetName)).toEqual(before);
    const summary = plan.dataChanges.map((c) => [c.targetId, c.field, c.old, c.new]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [changed.id, "目标值", changed.threshold, changed.threshold + 10],
        [removed.id, "删除目标", expect.any(String), null],
        [added, "新增目标", null, expect.any(String)],
        [baselineTarget.id, "基期值", 40, 50],
      ]),
    );
    expect(plan.preservedInputs).toBe(4);
    expect(plan.dataChanges.every((c) => c.quote.length > 0)).toBe(true);
  });

  test("refresh without confirmation keeps the old plan data, adds and removes nothing, keeps the inputs", async () => {
    const { wb, sheetName } = await sheetWithInputs();
    const oldVersion = wb.value(sheetName, SHEET.versionCell);
    const r = await createProgressService(wb, createCatalogStore(newer())).refresh(sheetName, {
      applyDataChanges: false,
      year: 2023,
    });
    const loc = locate(wb.contentOf(sheetName).values);
    expect(loc.cell(loc.rowOf(changed.id)!, "target")).toBe(changed.threshold);
    expect(loc.rowOf(removed.id)).toBeDefined();
    expect(loc.rowOf(added)).toBeUndefined();
    expect(loc.cell(loc.rowOf(removed.id)!, "actual")).toBe(11);
    expect(loc.cell(loc.rowOf(baselineTarget.id)!, "baseline")).toBe(40);
    expect(wb.value(sheetName, SHEET.versionCell)).toBe(oldVersion);
    expect(wb.value(sheetName, SHEET.yearCell)).toBe(2023); // the rest is refreshed
    expect(r.rows).toBe(targets.length);
  });

  test("refresh with confirmation applies them; the removed target's row and inputs are kept, marked 已删除目标", async () => {
    const { wb, sheetName } = await sheetWithInputs();
    const c = newer();
    const r = await createProgressService(wb, createCatalogStore(c)).refresh(sheetName, {
      applyDataChanges: true,
    });
    const values = wb.contentOf(sheetName).values;
    const loc = locate(values);
    expect(loc.cell(loc.rowOf(changed.id)!, "target")).toBe(changed.threshold + 10);
    expect(loc.rowOf(removed.id)).toBeUndefined();
    const del = loc.deletedRowOf(removed.id)!;
    expect(loc.cell(del, "actual")).toBe(11);
    expect(loc.cell(del, "note")).toBe("删除前的备注");
    expect(loc.cell(del, "status")).toBe(DELETED_LABEL);
    expect(loc.rowOf(added)).toBe(SHEET.firstDataRow - 1 + targets.length); // after the table
    // Typed at Excel row firstDataRow + n + 2; one row was inserted above it.
    expect(values[SHEET.firstDataRow - 1 + targets.length + 2][0]).toBeNull();
    expect(values[SHEET.firstDataRow - 1 + targets.length + 3][0]).toBe("表下文字");
    // The typed baseline, now given by the data, is kept in the note.
    const b = loc.rowOf(baselineTarget.id)!;
    expect(loc.cell(b, "baseline")).toBe(50);
    expect(loc.cell(b, "note")).toBe("原基期值:40");
    expect(wb.value(sheetName, SHEET.versionCell)).toBe(c.version);
    expect(r.rows).toBe(planTargets(c, PLAN).length);
    // Live ids: the new data's, once each.
    const live = loc.ids.filter((x) => !x.id.startsWith("已删除目标:")).map((x) => x.id);
    expect(live.sort()).toEqual(
      planTargets(c, PLAN)
        .map((t) => t.id)
        .sort(),
    );
    // The deleted row is not counted.
    expect(Object.values(r.counts).reduce((a, n) => a + n, 0)).toBe(planTargets(c, PLAN).length);
    // A second refresh finds nothing left to change.
    expect(
      (await createProgressService(wb, createCatalogStore(c)).planRefresh(sheetName)).dataChanges,
    ).toEqual([]);
  });
});

describe("insertFormula and sourceOfSelection", () => {
  test("insertFormula writes into an empty cell; over content only with overwrite; not into a protected sheet", async () => {
    const { wb, service } = setup();
    wb.addSheet("Sheet1");
    wb.select("Sheet1", "B2");
    await service.insertFormula("1+1");
    expect(wb.cell("Sheet1", "B2").formula).toBe("=1+1");
    await expect(service.insertFormula("=2+2")).rejects.toMatchObject({ reason: { reason: "cellNotEmpty" } });
    await expect(service.insertFormula("=2+2")).rejects.toMatchObject({ code: "cellNotEmpty" });
    await service.insertFormula("=2+2", { overwrite: true });
    expect(wb.value("Sheet1", "B2")).toBe(4);
    wb.protect("Sheet1");
    wb.select("Sheet1", "C3");
    await expect(service.insertFormula("=3")).rejects.toMatchObject({ reason: { reason: "sheetProtected" } });
  });

  test("sourceOfSelection: the row's target and citation; null off the table", async () => {
    const { wb, service } = setup();
    const { sheetName } = await service.generate(PLAN, YEAR);
    wb.select(sheetName, `B${rowOf(4)}`);
    const t = targets[4];
    expect(await service.sourceOfSelection()).toEqual({
      sheetName,
      targetId: t.id,
      indicator: t.indicatorDef.name,
      subject: t.entity ?? t.regionDef.name,
      planTitle: t.plan.title,
      file: `seeds/${t.plan.file}`,
      quote: t.quote,
      value: t.threshold,
      unit: t.unit,
      // As the plan states it, and the plan as cited (no seed path): what the 出处 tab shows.
      stated: describeTarget(t),
      citation: `《${t.plan.title}》(${t.plan.issuer},${t.plan.issued})`,
    });
    wb.select(sheetName, `B${SHEET.headerRow}`);
    expect(await service.sourceOfSelection()).toBeNull();
    wb.addSheet("Other");
    wb.select("Other", "A1");
    expect(await service.sourceOfSelection()).toBeNull();
  });

  test("listProgressSheets finds sheets by their marker, with the year, also when renamed", async () => {
    const { wb, service } = setup();
    await service.generate(PLAN, 2023);
    wb.addSheet("Other");
    expect(await service.listProgressSheets()).toEqual([
      { sheetName: sheetNameFor(catalog.planById(PLAN)!), planId: PLAN, year: 2023 },
    ]);
  });
});
