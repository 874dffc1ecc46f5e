// The Office.js adapter against an office-addin-mock fake of Excel: what it writes, how many context.sync calls it
// takes, and what a refused or failed operation leaves.

import { createCatalogStore } from "../../src/core/catalog/store";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import {
  buildProgressSheet,
  COL,
  colLetter,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetNameFor,
  OUTLOOK_COLORS,
  STATUS_COLORS,
  THRESHOLD_CELLS,
  thresholdCell,
} from "../../src/core/sheet/layout";
import { OUTLOOK, STATUS } from "../../src/core/method/methodology";
import { OfficeWorkbook } from "../../src/workbook/office-workbook";
import { createProgressService } from "../../src/services/progress-service";
import { HostError } from "../../src/services/service";
import { absoluteA1, colIndex, parseRange, STYLES } from "../../src/workbook/workbook";
import { FakeExcel, type FakeSheet } from "./excel-mock";
import { catalogWith, largestPlan } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const LARGEST = largestPlan(catalog);
const YEAR = 2024;

let fx: FakeExcel;
beforeEach(() => {
  fx = new FakeExcel();
  fx.addSheet("Sheet1");
  fx.install();
});
afterEach(() => fx.uninstall());

const service = (c = catalog) => serviceOver(new OfficeWorkbook(), { year: YEAR, catalog: c });
const at = (s: FakeSheet, row0: number, col0: number) => s.cells.get(`${row0},${col0}`) ?? null;

/** Count the syncs of one operation. */
async function syncsOf<T>(f: () => Promise<T>): Promise<{ result: T; syncs: number; writeSyncs: number }> {
  const [s0, w0] = [fx.syncs, fx.writeSyncs];
  const result = await f();
  return { result, syncs: fx.syncs - s0, writeSyncs: fx.writeSyncs - w0 };
}

describe("generate on the largest plan", () => {
  test("the largest plan is the one with most targets", () => {
    const sizes = catalog.plans.map((p) => planTargets(catalog, p.id).length);
    expect(planTargets(catalog, LARGEST).length).toBe(Math.max(...sizes));
    expect(planTargets(catalog, LARGEST).length).toBeGreaterThanOrEqual(20);
  });

  test("takes 2 context.sync calls: one read, one write", async () => {
    const { result, syncs, writeSyncs } = await syncsOf(() => service().generate(LARGEST, YEAR));
    expect(result.rows).toBe(planTargets(catalog, LARGEST).length);
    expect(syncs).toBeLessThanOrEqual(2);
    expect(writeSyncs).toBe(1);
  });

  test("writes the layout's values, formulas and number formats at their places", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    const s = fx.sheet(sheetName)!;
    const layout = buildProgressSheet(catalog, LARGEST, { year: YEAR });
    let formulas = 0;
    layout.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.formula) {
          formulas++;
          expect(at(s, r, c)).toBe(cell.formula);
        } else if (cell.value !== undefined && cell.value !== null) expect(at(s, r, c)).toBe(cell.value);
        if (cell.numFmt) expect(s.numFmt.get(`${r},${c}`)).toBe(cell.numFmt);
      }),
    );
    expect(formulas).toBeGreaterThan(planTargets(catalog, LARGEST).length * 5);
    // Spot checks by address.
    expect(s.get(SHEET.markerCell)).toBe(SHEET.marker);
    expect(s.get(SHEET.planIdCell)).toBe(LARGEST);
    expect(s.get(SHEET.versionCell)).toBe(catalog.version);
    expect(s.get(SHEET.yearCell)).toBe(YEAR);
    expect(s.get(`${COL.status}${SHEET.firstDataRow}`)).toMatch(/^=IF\(/);
  });

  test("writes styles, merges, column widths, the hidden id column, conditional formats, freeze panes and print setup", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    const s = fx.sheet(sheetName)!;
    const layout = buildProgressSheet(catalog, LARGEST, { year: YEAR });
    const last = SHEET.firstDataRow + layout.targetIds.length - 1;
    expect(s.fmt(`${colLetter(HISTORY_FIRST_COL)}${SHEET.firstDataRow}`)["fill.color"]).toBe(
      `#${STYLES.input.fill}`,
    );
    expect(s.fmt(`${COL.actual}${SHEET.firstDataRow}`)["fill.color"]).toBeNull(); // picks the year's value
    expect(s.fmt(SHEET.yearCell)["fill.color"]).toBe(`#${STYLES.metaInput.fill}`);
    expect(s.fmt(`A${SHEET.headerRow}`)["fill.color"]).toBe(`#${STYLES.header.fill}`);
    expect(s.fmt(`${COL.status}${SHEET.firstDataRow}`)["fill.color"]).toBeNull(); // derived: no fill
    expect(s.merges.length).toBe(layout.merges.length);
    expect(s.columnWidth.size).toBe(layout.columns.length);
    expect(s.hiddenColumns).toEqual(new Set([colIndex(COL.id), colIndex(COL.seed)]));
    const statusRange = `${COL.status}${SHEET.firstDataRow}:${COL.status}${last}`;
    const outlookRange = `${COL.outlook}${SHEET.firstDataRow}:${COL.outlook}${last}`;
    const textRules = (range: string) =>
      s.cfs
        .filter((cf) => cf.type === "CellValue" && cf.range === range)
        .map((cf) => (cf.props["cellValue.rule"] as { formula1: string }).formula1)
        .sort();
    const quoted = (labels: string[]) => labels.map((t) => `="${t}"`).sort();
    expect(textRules(statusRange)).toEqual(quoted(Object.keys(STATUS_COLORS)));
    const equalOutlooks = Object.keys(OUTLOOK_COLORS).filter((t) => t !== OUTLOOK.unassessable);
    expect(textRules(outlookRange)).toEqual(quoted([...equalOutlooks, "输入有误"]));
    // 无法评估 is followed by its reasons, "无法评估(缺实际值)": a begins-with rule colours it.
    const begins = s.cfs.filter((cf) => cf.type === "ContainsText");
    expect(begins.map((cf) => [cf.range, cf.props["textComparison.rule"]])).toEqual([
      [outlookRange, { operator: "BeginsWith", text: OUTLOOK.unassessable }],
    ]);
    expect(begins[0].props["textComparison.format.fill.color"]).toBe(
      `#${OUTLOOK_COLORS[OUTLOOK.unassessable].fill}`,
    );
    expect(s.cfs.filter((cf) => cf.type === "CellValue").length).toBe(
      Object.keys(STATUS_COLORS).length + equalOutlooks.length + 1,
    );
    expect(s.cfs.filter((cf) => cf.type === "DataBar").map((cf) => cf.range)).toEqual([
      `${COL.elapsed}${SHEET.firstDataRow}:${COL.elapsed}${last}`,
      `${COL.completion}${SHEET.firstDataRow}:${COL.completion}${last}`,
    ]);
    expect(s.frozen).toBe(`A1:B${SHEET.headerRow}`);
    expect(s.printArea).toBe(absoluteA1(layout.print.area));
    expect(s.autoFilter).toBe(layout.autoFilter);
    expect(s.printTitleRows).toBe(`$${SHEET.headerRow}:$${SHEET.headerRow}`);
    expect(s.page.orientation).toBe("Landscape");
    expect(fx.activeSheet).toBe(sheetName);
  });

  test("every input cell gets data validation with a Chinese input message and a stop alert, in the same batch", async () => {
    const { result, writeSyncs } = await syncsOf(() => service().generate("yiyang-14th", 2023));
    expect(writeSyncs).toBe(1);
    const s = fx.sheet(result.sheetName)!;
    const targets = planTargets(catalog, "yiyang-14th");
    const row = (id: string) => SHEET.firstDataRow + targets.findIndex((t) => t.id === id);
    const dv = (a1: string) => s.validation.get(`${parseRange(a1).r1},${parseRange(a1).c1}`);
    const share = dv(`${COL.actual}${row("yy14.rd_intensity")}`)!;
    expect(share.rule).toEqual({ decimal: { formula1: 0, formula2: 100, operator: "Between" } });
    expect(share.ignoreBlanks).toBe(true);
    expect(share.prompt).toMatchObject({
      showPrompt: true,
      message: expect.stringContaining("2.1 表示 2.1%"),
    });
    expect(share.errorAlert).toMatchObject({ showAlert: true, style: "Stop", title: "输入有误" });
    const count = dv(`${COL.actual}${row("yy14.hightech_enterprises")}`)!;
    expect(count.rule).toEqual({ decimal: { formula1: 0, formula2: 1e15, operator: "Between" } });
    expect(dv(SHEET.yearCell)!.rule).toEqual({
      wholeNumber: { formula1: 2020, formula2: 2025, operator: "Between" },
    });
    // Each 进度比分档下限: a decimal in [0, 2] with its status named in the prompt.
    for (const c of THRESHOLD_CELLS) {
      const th = dv(thresholdCell(c.key))!;
      expect(th.rule).toEqual({ decimal: { formula1: 0, formula2: 2, operator: "Between" } });
      expect(th.prompt).toMatchObject({ showPrompt: true, message: expect.stringContaining(STATUS[c.key]) });
      expect(th.errorAlert).toMatchObject({ showAlert: true, style: "Stop", title: "输入有误" });
    }
    // Inputs only: no rule on a derived cell or a plan figure.
    expect(dv(`${COL.status}${row("yy14.rd_intensity")}`)).toBeUndefined();
    expect(dv(`${COL.target}${row("yy14.rd_intensity")}`)).toBeUndefined();
    // Per row: 实际值 (something may be typed over its formula) and each year of the history block.
    const years = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 }).historyYears.length;
    const inputs =
      targets.length * (1 + years) + targets.filter(needsBaselineInput).length + 1 + THRESHOLD_CELLS.length;
    expect(s.validation.size).toBe(inputs);
  });
});

describe("charts", () => {
  test("generate adds a bar chart of 完成进度 against 序时进度 over every indicator, right of the table, in the write batch", async () => {
    const { result, writeSyncs } = await syncsOf(() => service().generate(LARGEST, YEAR));
    expect(writeSyncs).toBe(1);
    const s = fx.sheet(result.sheetName)!;
    const n = planTargets(catalog, LARGEST).length;
    const [first, last] = [SHEET.firstDataRow, SHEET.firstDataRow + n - 1];
    expect(s.charts).toHaveLength(1);
    const [chart] = s.charts;
    // The series are the two columns under their headers 序时进度 and 完成进度; categories the 指标 column.
    expect(chart).toMatchObject({ type: "BarClustered", seriesBy: "Columns" });
    expect(chart.source).toBe(`${COL.elapsed}${SHEET.headerRow}:${COL.completion}${last}`);
    expect([
      at(s, SHEET.headerRow - 1, colIndex(COL.elapsed)),
      at(s, SHEET.headerRow - 1, colIndex(COL.completion)),
    ]).toEqual(["序时进度", "完成进度"]);
    expect([...chart.xAxis]).toEqual([
      [0, `${COL.indicator}${first}:${COL.indicator}${last}`],
      [1, `${COL.indicator}${first}:${COL.indicator}${last}`],
    ]);
    expect(chart.props).toMatchObject({
      name: "PLAN_完成进度对比",
      "title.text": "完成进度与序时进度",
      "axes.valueAxis.numberFormat": "0%",
    });
    // Beside the table: its top-left corner right of the history block (历年实际值), at the header row.
    const [from, to] = chart.position!;
    const lastCol = buildProgressSheet(catalog, LARGEST, { year: YEAR }).columns.length - 1;
    expect(parseRange(from)).toMatchObject({ r1: SHEET.headerRow - 1, c1: lastCol + 2 });
    expect(parseRange(to).r1 - parseRange(from).r1).toBeGreaterThanOrEqual(Math.ceil(n * 1.5));
  });

  test("为所选指标绘制趋势图: a line chart of the row's block (实际值, 预期值 by year), replaced on a redraw", async () => {
    const { sheetName } = await service().generate("yiyang-14th", 2023);
    const s = fx.sheet(sheetName)!;
    const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
    const row = SHEET.firstDataRow + layout.targetIds.indexOf("yy14.hightech_enterprises") - 1;
    fx.selection = { sheet: sheetName, row, col: colIndex(COL.indicator) };
    const { result, writeSyncs } = await syncsOf(() => service().drawTrendChart());
    expect(result).toEqual({ sheetName, indicator: "高新技术企业" });
    expect(writeSyncs).toBe(1);
    const line = s.charts.find((c) => c.type === "Line")!;
    // Block right of the history block, rows 2–5: 年份 2020…2025, 实际值, 预期值; the series are its rows.
    const b = colLetter(layout.columns.length + 1);
    const [c1, c6] = [colLetter(layout.columns.length + 2), colLetter(layout.columns.length + 7)];
    expect(line).toMatchObject({ seriesBy: "Rows", source: `${b}4:${c6}5` });
    expect([...line.xAxis]).toEqual([
      [0, `${c1}3:${c6}3`],
      [1, `${c1}3:${c6}3`],
    ]);
    expect(line.props).toMatchObject({
      name: "PLAN_趋势图",
      "title.text": "高新技术企业(益阳,家):实际值与预期值",
    });
    expect(s.get(`${b}3`)).toBe("年份");
    expect(
      [2020, 2021, 2025].map((y) => s.get(`${colLetter(layout.columns.length + 2 + y - 2020)}3`)),
    ).toEqual([2020, 2021, 2025]);
    const r = row + 1;
    expect(s.get(`${c1}4`)).toBe(`=IF(ISNUMBER($${COL.baseline}$${r}),$${COL.baseline}$${r},NA())`);
    expect(s.get(`${colLetter(layout.columns.length + 3)}4`)).toBe(
      `=IF(ISNUMBER($${colLetter(HISTORY_FIRST_COL)}$${r}),$${colLetter(HISTORY_FIRST_COL)}$${r},NA())`,
    );
    expect(String(s.get(`${c1}5`))).toContain(`$${COL.target}$${r}`);
    // Another row: the block is rewritten and the chart replaced (one line chart on the sheet).
    fx.selection = { sheet: sheetName, row: row + 1, col: 0 };
    const redraw = await syncsOf(() => service().drawTrendChart());
    expect(redraw.syncs).toBe(3); // selection read; the old chart looked up; the write
    expect(s.charts.filter((c) => c.type === "Line")).toHaveLength(1);
    expect(s.charts).toHaveLength(2);
  });

  test("a trend chart off a target row is refused, nothing written", async () => {
    const { sheetName } = await service().generate("yiyang-14th", 2023);
    fx.selection = { sheet: sheetName, row: 2, col: 2 };
    await expect(service().drawTrendChart()).rejects.toMatchObject({ reason: { reason: "notOnTargetRow" } });
    expect(fx.sheet(sheetName)!.charts).toHaveLength(1);
  });

  test("a refresh adds no second chart", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    await service().refresh(sheetName, { applyDataChanges: true });
    expect(fx.sheet(sheetName)!.charts).toHaveLength(1);
  });
});

describe("refresh of the largest plan", () => {
  test("takes 2 context.sync calls and keeps what the user typed", async () => {
    const svc = service();
    const { sheetName } = await svc.generate(LARGEST, YEAR);
    const s = fx.sheet(sheetName)!;
    const r = SHEET.firstDataRow;
    s.set(`${COL.actual}${r}`, 3);
    s.set(`${COL.note}${r + 1}`, "统计局口径");
    s.set("A60", "用户的备忘");
    s.set(SHEET.yearCell, YEAR - 1);
    const { result, syncs, writeSyncs } = await syncsOf(() =>
      svc.refresh(sheetName, { applyDataChanges: false }),
    );
    expect(syncs).toBeLessThanOrEqual(2);
    expect(writeSyncs).toBe(1);
    expect(result.year).toBe(YEAR - 1);
    expect(s.get(`${COL.actual}${r}`)).toBe(3);
    expect(s.get(`${COL.note}${r + 1}`)).toBe("统计局口径");
    expect(s.get("A60")).toBe("用户的备忘");
    expect(s.get(SHEET.yearCell)).toBe(YEAR - 1);
  });

  test("with a user column and a target added to the data: still 2 syncs; rows below move down, formulas follow the columns", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    const s = fx.sheet(sheetName)!;
    const n = planTargets(catalog, LARGEST).length;
    const firstId = planTargets(catalog, LARGEST)[0].id;
    s.insert(false, colIndex(COL.elapsed), 1); // the user inserts a column before 序时进度…
    s.set(`${COL.elapsed}${SHEET.headerRow}`, "我的列");
    s.set(`${COL.elapsed}${SHEET.firstDataRow}`, "用户数据");
    const below = SHEET.firstDataRow + n + 2;
    s.set(`A${below}`, "表下的说明");
    const newer = catalogWith({ kind: "add", after: firstId, id: `${firstId}.added` });
    const { syncs, writeSyncs } = await syncsOf(() =>
      service(newer).refresh(sheetName, { applyDataChanges: true }),
    );
    expect(syncs).toBeLessThanOrEqual(2);
    expect(writeSyncs).toBe(1);
    expect(fx.applied).toContain(`insert ${SHEET.firstDataRow + n}:${SHEET.firstDataRow + n} Down`);
    expect(s.get(`A${below}`)).toBeNull();
    expect(s.get(`A${below + 1}`)).toBe("表下的说明");
    expect(s.get(`${COL.elapsed}${SHEET.headerRow}`)).toBe("我的列");
    expect(s.get(`${COL.elapsed}${SHEET.firstDataRow}`)).toBe("用户数据");
    // 序时进度 is now one column to the right, and the formulas reference the shifted columns.
    const elapsedCol = colIndex(COL.elapsed) + 1;
    expect(at(s, SHEET.headerRow - 1, elapsedCol)).toBe("序时进度");
    const completion = at(s, SHEET.firstDataRow - 1, elapsedCol + 1) as string;
    expect(completion).toContain(`${String.fromCharCode(65 + elapsedCol)}${SHEET.firstDataRow}`);
    // The new target's row, with its id in the (shifted) id column.
    expect(at(s, SHEET.firstDataRow - 1 + n, colIndex(COL.id) + 1)).toBe(`${firstId}.added`);
  });
});

describe("refusals write nothing", () => {
  test("a protected sheet with 保护公式列 off: HostError, one read sync, no write sync", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    fx.sheet(sheetName)!.protected = true;
    const before = fx.applied.length;
    const off = { applyDataChanges: true, protect: false };
    const run = syncsOf(() => service().refresh(sheetName, off));
    await expect(run).rejects.toThrow(HostError);
    await expect(service().refresh(sheetName, off)).rejects.toMatchObject({
      reason: { reason: "sheetProtected" },
    });
    expect(fx.writeSyncs).toBe(1); // the generate only
    expect(fx.applied.length).toBe(before);
  });

  test("a sheet protected with a password: the unprotect fails first, HostError, nothing applied", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    Object.assign(fx.sheet(sheetName)!, { protected: true, password: "secret" });
    const sheetCommands = () => fx.applied.filter((c) => !c.startsWith("suspend")).length;
    const before = sheetCommands();
    await expect(service().refresh(sheetName, { applyDataChanges: true })).rejects.toMatchObject({
      reason: { reason: "sheetProtected" },
    });
    expect(sheetCommands()).toBe(before); // only calculation and screen updating were suspended
    expect(fx.sheet(sheetName)!.protected).toBe(true);
  });

  test("generate over a sheet of the same name that the add-in did not write: HostError, no write sync", async () => {
    const name = sheetNameFor(catalog.planById(LARGEST)!);
    fx.addSheet(name).set("A1", "别人的数据");
    const { syncs } = await syncsOf(async () => {
      await expect(service().generate(LARGEST, YEAR)).rejects.toMatchObject({
        reason: { reason: "foreignSheetNamed" },
      });
    });
    expect(syncs).toBe(1);
    expect(fx.writeSyncs).toBe(0);
    expect(fx.sheet(name)!.get("A1")).toBe("别人的数据");
  });

  test("an old Excel without the API sets: HostError before any write sync", async () => {
    const svc = createProgressService(
      new OfficeWorkbook({ supported: () => false }),
      createCatalogStore(catalog),
    );
    await expect(svc.generate(LARGEST, YEAR)).rejects.toMatchObject({
      reason: { reason: "apiUnsupported", api: "1.9" },
    });
    expect(fx.writeSyncs).toBe(0);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("Excel failures", () => {
  test("a generate whose write fails midway is undone: the half-written sheet is deleted", async () => {
    fx.failAt = 40; // after the sheet, its contents and some formats were applied
    await expect(service().generate(LARGEST, YEAR)).rejects.toMatchObject({
      reason: { reason: "newSheetFailed", undo: "removed" },
    });
    expect(fx.applied.some((c) => c.startsWith("add sheet"))).toBe(true);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a refresh whose write fails midway says so, and the user's inputs are intact", async () => {
    const svc = service();
    const { sheetName } = await svc.generate(LARGEST, YEAR);
    const s = fx.sheet(sheetName)!;
    s.set(`${COL.actual}${SHEET.firstDataRow}`, 7);
    s.set(`${COL.note}${SHEET.firstDataRow}`, "说明");
    fx.failAt = 3;
    await expect(svc.refresh(sheetName, { applyDataChanges: false })).rejects.toMatchObject({
      reason: { reason: "writeFailed" },
    });
    expect(s.get(`${COL.actual}${SHEET.firstDataRow}`)).toBe(7);
    expect(s.get(`${COL.note}${SHEET.firstDataRow}`)).toBe("说明");
    // Refreshing again completes it.
    await svc.refresh(sheetName, { applyDataChanges: false });
    expect(s.get(`${COL.actual}${SHEET.firstDataRow}`)).toBe(7);
  });

  test("a host rejecting calls chained on a missing sheet: the read falls back to two batches", async () => {
    fx.rejectNullChains = true;
    const { result, syncs, writeSyncs } = await syncsOf(() => service().generate(LARGEST, YEAR));
    expect(result.rows).toBe(planTargets(catalog, LARGEST).length);
    expect(syncs).toBe(4); // failed read, names, read, write
    expect(writeSyncs).toBe(1);
    expect(fx.sheet(result.sheetName)!.get(SHEET.markerCell)).toBe(SHEET.marker);
  });
});

describe("selection", () => {
  test("insertFormula: one read and one write into an empty cell; refused over content without confirmation", async () => {
    fx.selection = { sheet: "Sheet1", row: 1, col: 1 };
    const { syncs } = await syncsOf(() => service().insertFormula('=PLAN.TARGET("中山","高新技术企业")'));
    expect(syncs).toBe(2);
    expect(fx.sheet("Sheet1")!.get("B2")).toBe('=PLAN.TARGET("中山","高新技术企业")');
    await expect(service().insertFormula("=1+1")).rejects.toMatchObject({
      reason: { reason: "cellNotEmpty" },
    });
    await service().insertFormula("=1+1", { overwrite: true });
    expect(fx.sheet("Sheet1")!.get("B2")).toBe("=1+1");
  });

  test("sourceOfSelection: one sync; the target of the selected row", async () => {
    const { sheetName } = await service().generate(LARGEST, YEAR);
    const t = planTargets(catalog, LARGEST)[2];
    fx.selection = { sheet: sheetName, row: SHEET.firstDataRow - 1 + 2, col: 4 };
    fx.activeSheet = sheetName;
    const { result, syncs } = await syncsOf(() => service().sourceOfSelection());
    expect(syncs).toBe(1);
    expect(result).toMatchObject({ targetId: t.id, quote: t.quote, value: t.threshold, sheetName });
  });

  test("listProgressSheets: the sheets with the marker, with their year", async () => {
    await service().generate(LARGEST, YEAR);
    const { result, syncs } = await syncsOf(() => service().listProgressSheets());
    expect(syncs).toBe(2);
    expect(result).toEqual([
      { sheetName: sheetNameFor(catalog.planById(LARGEST)!), planId: LARGEST, year: YEAR },
    ]);
  });
});
