// Writing the progress-sheet layout through the in-memory workbook, and the workbook's own behaviour
// (computed grid, conditional-format hits, input cells, structural edits, refused writes).
import { bundledCatalog } from "../../src/core/catalog/catalog";
import {
  buildProgressSheet,
  COL,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  planTargets,
  SHEET,
  STATUS_COLORS,
  THRESHOLD_CELLS,
} from "../../src/core/sheet/layout";
import { STATUS } from "../../src/core/method/methodology";
import { formatValue, MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { HostError } from "../../src/services/service";
import { absoluteA1, colIndex, rectangles, rectA1, STYLES, textConstant } from "../../src/workbook/workbook";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const YEAR = 2024;

async function fresh(planId: string, year = YEAR) {
  const wb = new MemoryWorkbook();
  const service = serviceOver(wb, { year: YEAR, catalog: catalog });
  const result = await service.generate(planId, year);
  return { wb, service, result, name: result.sheetName };
}

describe.each(catalog.plans.map((p) => [p.id]))("a new sheet of %s", (planId) => {
  test("holds the layout: every value, formula, number format and style at its place", async () => {
    const { wb, name } = await fresh(planId);
    const layout = buildProgressSheet(catalog, planId, { year: YEAR });
    const grid = wb.grid(name);
    layout.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const got = grid.rows[r][c];
        if (cell.formula) expect(got.formula).toBe(cell.formula);
        else expect(got.value).toBe(cell.value ?? null);
        if (cell.value !== undefined || cell.formula !== undefined) {
          expect(got.numFmt).toBe(cell.numFmt ?? "General");
          expect(got.style).toBe(cell.style ?? "text");
        }
      }),
    );
    expect(grid.merges.sort()).toEqual([...layout.merges].sort());
    expect(grid.freeze).toEqual(layout.freeze);
    expect(grid.autoFilter).toBe(layout.autoFilter);
    expect(grid.print).toMatchObject({
      area: absoluteA1(layout.print.area),
      titleRows: layout.print.titleRows,
      landscape: true,
    });
    expect(grid.columns.map((c) => c.width)).toEqual(layout.columns.map((c) => c.width));
    expect(grid.columns.map((c) => c.hidden)).toEqual(layout.columns.map((c) => !!c.hidden));
  });

  test("marks exactly the input cells: 评估年份 and its 进度比分档下限, each year's 实际值, 备注, and 基期值 where the plan gives none", async () => {
    const { wb, name } = await fresh(planId);
    const grid = wb.grid(name);
    const years = buildProgressSheet(catalog, planId, { year: YEAR }).historyYears;
    const inputs = grid.rows.flatMap((row, r) => row.flatMap((c, col) => (c.input ? [`${r},${col}`] : [])));
    const expected = [`${SHEET.yearRow - 1},${colIndex("C")}`];
    for (const c of THRESHOLD_CELLS) expected.push(`${SHEET.yearRow - 1},${colIndex(COL[c.value])}`);
    planTargets(catalog, planId).forEach((t, i) => {
      const r = SHEET.firstDataRow - 1 + i;
      expected.push(`${r},${colIndex(COL.note)}`);
      years.forEach((_, k) => expected.push(`${r},${HISTORY_FIRST_COL + k}`));
      if (needsBaselineInput(t)) expected.push(`${r},${colIndex(COL.baseline)}`);
    });
    expect(inputs.sort()).toEqual(expected.sort());
    expect(grid.rows[SHEET.firstDataRow - 1][HISTORY_FIRST_COL].fill).toBe(STYLES.input.fill);
    // 实际值 is the 评估年份's value, picked by a formula.
    expect(grid.rows[SHEET.firstDataRow - 1][colIndex(COL.actual)].fill).not.toBe(STYLES.input.fill);
    expect(grid.rows[SHEET.headerRow - 1][HISTORY_FIRST_COL].value).toBe(`${years[0]}年实际值`);
  });
});

describe("the computed grid", () => {
  const planId = "yiyang-14th";

  test("status cells show the status colour, progress cells a data bar, the counts row the COUNTIFs", async () => {
    // In the target year: growth-rate and per-year targets are 已完成 only from then on.
    const { wb, service, name } = await fresh(planId, 2025);
    const targets = planTargets(catalog, planId);
    // Every target met: all 已完成 (green).
    wb.hf.batch(() =>
      targets.forEach((t, i) => {
        wb.setCell(name, `${COL.actual}${SHEET.firstDataRow + i}`, t.threshold * 2 + 1);
        if (needsBaselineInput(t))
          wb.setCell(name, `${COL.baseline}${SHEET.firstDataRow + i}`, t.threshold / 2);
      }),
    );
    const r = await service.refresh(name, { applyDataChanges: false });
    expect(r.counts[STATUS.achieved]).toBe(targets.length);
    for (let i = 0; i < targets.length; i++) {
      const cell = wb.cell(name, `${COL.status}${SHEET.firstDataRow + i}`);
      expect(cell.value).toBe(STATUS.achieved);
      expect(cell.statusRule).toEqual(STATUS_COLORS[STATUS.achieved]);
      expect(cell.fill).toBe(STATUS_COLORS[STATUS.achieved].fill);
      const elapsed = wb.cell(name, `${COL.elapsed}${SHEET.firstDataRow + i}`);
      expect(elapsed.dataBar).toEqual({ color: expect.any(String), fraction: elapsed.value });
    }
    // Row 5 counts = the service's counts.
    const counts = wb.contentOf(name).values[4];
    for (let c = 1; c + 1 < counts.length; c += 2)
      if (typeof counts[c] === "string")
        expect(counts[c + 1]).toBe(r.counts[counts[c] as keyof typeof r.counts]);
  });

  test("formatValue shows the layout's number formats", () => {
    expect(formatValue(0.4567, "0.0%")).toBe("45.7%");
    expect(formatValue(2.5, '0.00"%"')).toBe("2.50%");
    expect(formatValue(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(formatValue(2, '0.00"倍"')).toBe("2.00倍");
    expect(formatValue(2024, "0")).toBe("2024");
    expect(formatValue(null, "0")).toBe("");
    expect(formatValue("已完成", "General")).toBe("已完成");
  });
});

describe("the memory workbook", () => {
  test("text that Excel would turn into a number stays text", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({
      sheet: "S",
      create: true,
      cells: [
        { row: 0, col: 0, content: "00123456" },
        { row: 0, col: 1, content: "TRUE" },
        { row: 0, col: 2, content: "=1" },
      ],
    });
    expect(wb.contentOf("S").values[0]).toEqual(["00123456", "TRUE", "=1"]);
    expect(textConstant("进度")).toBe("进度");
    expect(textConstant("2-3家")).toBe("'2-3家");
  });

  test("content undefined leaves a cell as it is; null clears it", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    wb.setCell("S", "A1", "mine");
    wb.setCell("S", "B1", "old");
    await wb.write({
      sheet: "S",
      cells: [
        { row: 0, col: 0, style: "input" },
        { row: 0, col: 1, content: null },
      ],
    });
    expect(wb.value("S", "A1")).toBe("mine");
    expect(wb.cell("S", "A1").input).toBe(true);
    expect(wb.value("S", "B1")).toBeNull();
  });

  test("inserting rows and columns moves formats, merges and conditional formats, and HyperFormula adjusts references", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({
      sheet: "S",
      create: true,
      cells: [
        { row: 1, col: 1, content: 5, style: "input", numFmt: "0" },
        { row: 1, col: 2, content: { formula: "=B2*2" } },
      ],
      merges: ["A1:C1"],
      conditionalFormats: [{ range: "C2:C3", rule: { type: "dataBar", color: "5B9BD5", min: 0, max: 1 } }],
    });
    wb.insertRows("S", 2, 1); // before row 2
    wb.insertColumns("S", "B", 1);
    expect(wb.value("S", "C3")).toBe(5);
    expect(wb.cell("S", "C3").style).toBe("input");
    expect(wb.cell("S", "D3").formula).toBe("=C3*2");
    expect(wb.value("S", "D3")).toBe(10);
    expect(wb.grid("S").merges).toEqual(["A1:D1"]);
    expect(wb.dump("S").cfs.map((c) => c.range)).toEqual(["D3:D4"]);
  });

  test("a protected sheet refuses writes and keeps its content", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    wb.setCell("S", "A1", 1);
    wb.protect("S");
    const before = wb.dump("S");
    await expect(wb.write({ sheet: "S", cells: [{ row: 0, col: 0, content: 2 }] })).rejects.toThrow(
      HostError,
    );
    expect(wb.dump("S")).toEqual(before);
    expect(wb.writes).toBe(0);
  });

  test("creating a sheet that exists is refused", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    await expect(wb.write({ sheet: "s", create: true, cells: [] })).rejects.toMatchObject({
      reason: { reason: "sheetExists" },
    });
  });

  test("rectangles groups cells into few ranges", () => {
    const cells = [0, 1, 2, 3].flatMap((row) => [4, 5].map((col) => ({ row, col })));
    cells.push({ row: 9, col: 4 });
    expect(rectangles(cells).map(rectA1)).toEqual(["E1:F4", "E10"]);
  });
});

describe('typing as Excel types: CELL("format"), typed formats, data validation', () => {
  test('CELL("format",…) answers P for a typed percent, D for a typed date, G otherwise, and follows new typing', () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    const cases: [string | number | boolean | null, string][] = [
      ["2.1%", "P2"],
      ["01/05/2023", "D1"],
      [2.1, "G"],
      ["2.1", "G"],
      ["abc", "G"],
      [true, "G"],
      [null, "G"],
    ];
    cases.forEach(([v, _], i) => {
      wb.setCell("S", `A${i + 1}`, v);
      wb.setCell("S", `B${i + 1}`, `=CELL("format",A${i + 1})`);
    });
    expect(cases.map((_, i) => wb.value("S", `B${i + 1}`))).toEqual(cases.map(([, code]) => code));
    expect(wb.cell("S", "A1").numFmt).toBe("0.00%"); // the format typing gives a General cell
    expect(wb.cell("S", "A1").text).toBe("2.10%");
    wb.setCell("S", "A1", "2.1");
    expect(wb.value("S", "B1")).toBe("G");
    expect(wb.cell("S", "A1").numFmt).toBe("General");
    expect(wb.value("S", "A1")).toBe(2.1);
  });

  test("validate() says what Excel's stop alert would for the value typed; blanks pass", async () => {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: YEAR, catalog: catalog });
    const { sheetName } = await service.generate("yiyang-14th", 2023);
    const r =
      SHEET.firstDataRow + planTargets(catalog, "yiyang-14th").findIndex((t) => t.id === "yy14.rd_intensity");
    const at = `${COL.actual}${r}`;
    expect(wb.cell(sheetName, at).validation).toMatchObject({ type: "decimal", min: 0, max: 100 });
    expect(wb.validate(sheetName, at)).toBeNull();
    for (const bad of ["abc", 250, -1, true]) {
      wb.setCell(sheetName, at, bad);
      expect(wb.validate(sheetName, at)).toMatchObject({ title: "输入有误" });
    }
    wb.setCell(sheetName, at, 2.1);
    expect(wb.validate(sheetName, at)).toBeNull();
    wb.setCell(sheetName, SHEET.yearCell, 2023.5);
    expect(wb.validate(sheetName, SHEET.yearCell)?.text).toContain("2020–2025");
  });
});
