// Excel refuses a formula over 8,192 characters (Office.js rejects the write; Excel repairs the file). The longest
// formula is 输入检查, which grows with the history block: checked here over the longest span the pack schema
// accepts (1990 → 2100, 110 years), on both write paths — the ExcelJS file the CLI writes and the WritePlan the
// pane carries out (new sheet, and a refresh that maps references to rows and columns further out).
import type ExcelJS from "exceljs";
import type { Catalog } from "../../src/core/catalog/catalog";
import {
  buildProgressSheet,
  COL,
  colLetter,
  HISTORY_FIRST_COL,
  MAX_FORMULA_LENGTH,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetStatus,
} from "../../src/core/sheet/layout";
import { INPUT_ERROR } from "../../src/core/method/methodology";
import { YEARS } from "../../src/core/method/years";
import { planNewSheet } from "../../src/sheet/refresh";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { isFormula } from "../../src/workbook/workbook";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { catalogSpanning } from "./helpers";
import { serviceOver } from "./service-over";

const PLAN = "yiyang-14th";
const SPANS: [number, number][] = [
  [2020, 2025],
  [2010, 2035],
  [YEARS.min, YEARS.max],
];

const longest = (formulas: string[]) => Math.max(0, ...formulas.map((f) => f.length));

function xlsxFormulas(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as { formula?: string } | null)?.formula;
        if (f) out.push(`=${f}`);
      }),
    ),
  );
  return out;
}

describe.each(SPANS)("a plan from %i to %i", (base, end) => {
  let catalog: Catalog;
  beforeAll(() => {
    catalog = catalogSpanning(PLAN, base, end);
  });

  test("the layout's history block spans it", () => {
    const layout = buildProgressSheet(catalog, PLAN, { year: base + 2 });
    expect(layout.historyYears[0]).toBe(base + 1);
    expect(layout.historyYears.at(-1)).toBe(end);
  });

  test("ExcelJS (plan report): every formula written is within Excel's limit", () => {
    const layout = buildProgressSheet(catalog, PLAN, { year: base + 2 });
    const formulas = xlsxFormulas(layoutToWorkbook([layout], new Map(), catalog, { reportSheets: true }));
    expect(formulas.length).toBeGreaterThan(10);
    expect(longest(formulas)).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
  });

  test("WritePlan (the pane): a new sheet, and a refresh with 5,000 rows and 20 columns of the user's inserted", async () => {
    const p = planNewSheet(catalog, PLAN, "进度", base + 2);
    const written = p.write.cells.flatMap((c) => (isFormula(c.content) ? [c.content.formula] : []));
    expect(longest(written)).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);

    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: base + 2, catalog: catalog });
    const { sheetName } = await service.generate(PLAN, base + 2);
    wb.insertRows(sheetName, SHEET.firstDataRow, 5000); // above the first data row: rows 5,007 on
    wb.insertColumns(sheetName, "C", 20); // every column of ours moves 20 to the right
    await service.refresh(sheetName, { applyDataChanges: false });
    const formulas = wb
      .contentOf(sheetName)
      .formulas.flat()
      .filter((f): f is string => typeof f === "string" && f.startsWith("="));
    expect(formulas.some((f) => /\$?[A-Z]{1,3}\$?50\d\d\b/.test(f))).toBe(true);
    expect(longest(formulas)).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
  });
});

describe("1990 → 2100: the history block checked as a whole (too many years to name each), in HyperFormula", () => {
  const catalog = catalogSpanning(PLAN, YEARS.min, YEARS.max);
  const year = 2023;
  async function sheet() {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: year, catalog: catalog });
    const { sheetName } = await service.generate(PLAN, year);
    const layout = buildProgressSheet(catalog, PLAN, { year });
    const at = (y: number, r: number) =>
      `${colLetter(HISTORY_FIRST_COL + layout.historyYears.indexOf(y))}${r}`;
    return { wb, name: sheetName, at, targets: planTargets(catalog, PLAN) };
  }

  test("valid actuals: no check, every status as the methodology's", async () => {
    const { wb, name, at, targets } = await sheet();
    targets.forEach((t, i) => {
      const r = SHEET.firstDataRow + i;
      wb.setCell(name, at(year, r), t.threshold * 0.7 + 0.01);
      wb.setCell(name, at(2100, r), t.threshold); // a far year, valid
      if (needsBaselineInput(t)) wb.setCell(name, `${COL.baseline}${r}`, t.threshold * 0.5);
    });
    targets.forEach((t, i) => {
      const r = SHEET.firstDataRow + i;
      expect(wb.value(name, `${COL.check}${r}`) ?? "").toBe("");
      const yearly = new Map([
        [year, t.threshold * 0.7 + 0.01],
        [2100, t.threshold],
      ]);
      const b = needsBaselineInput(t) ? t.threshold * 0.5 : null;
      expect(wb.value(name, `${COL.status}${r}`)).toBe(sheetStatus(t, undefined, b, year, yearly));
    });
  });

  test.each([
    ["text", "abc"],
    ["a number with its unit", "470家"],
    ["a number beyond any range", 1e20],
    ["a boolean", true],
    ["an error", "=1/0"],
    ["a lone space", " "],
  ] as const)("%s in 1995年实际值: 输入检查 names the block, 状态 is 输入有误", async (_kind, v) => {
    const { wb, name, at } = await sheet();
    const r = SHEET.firstDataRow;
    wb.setCell(name, at(1995, r), v);
    expect(String(wb.value(name, `${COL.check}${r}`))).toContain("1991–2100年实际值应为");
    expect(wb.value(name, `${COL.status}${r}`)).toBe(INPUT_ERROR);
  });

  test("a blank cell, or one cleared again, is no input: no check", async () => {
    const { wb, name, at } = await sheet();
    const r = SHEET.firstDataRow;
    wb.setCell(name, at(1995, r), "abc");
    wb.setCell(name, at(1995, r), null);
    expect(wb.value(name, `${COL.check}${r}`) ?? "").toBe("");
    expect(wb.value(name, `${COL.status}${r}`)).not.toBe(INPUT_ERROR);
  });
});
