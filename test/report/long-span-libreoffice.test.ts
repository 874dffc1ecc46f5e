// The longest span the pack schema accepts (1990–2100, 110 yearly actuals): 输入检查 checks the history block as a
// whole (test/shared/formula-length.test.ts), and LibreOffice computes it as HyperFormula does. Needs `soffice`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import {
  buildProgressSheet,
  colLetter,
  COLUMNS,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetStatus,
  type ColumnKey,
} from "../../src/core/sheet/layout";
import { INPUT_ERROR } from "../../src/core/method/methodology";
import { YEARS } from "../../src/core/method/years";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { catalogSpanning } from "../shared/helpers";
import { recalcToCsv, tempDir } from "./helpers";

const PLAN = "yiyang-14th";
const YEAR = 2023;
const catalog = catalogSpanning(PLAN, YEARS.min, YEARS.max);
const layout = buildProgressSheet(catalog, PLAN, { year: YEAR });
const targets = planTargets(catalog, PLAN);
const tmp = tempDir("plan-long-span-");
const col = (k: ColumnKey) => COLUMNS.findIndex((c) => c.key === k);
const at = (y: number, i: number) =>
  `${colLetter(HISTORY_FIRST_COL + layout.historyYears.indexOf(y))}${SHEET.firstDataRow + i}`;

/** What 1995's cell of a row holds: bad inputs in the first rows, nothing in the others. */
const BAD: { value: ExcelJS.CellValue; flagged: boolean }[] = [
  { value: "abc", flagged: true },
  { value: 1e20, flagged: true },
  { value: { formula: "1/0" } as ExcelJS.CellFormulaValue, flagged: true },
  { value: " ", flagged: true },
];

let rows: string[][] = [];
beforeAll(async () => {
  const wb = layoutToWorkbook([layout], new Map(), catalog);
  const ws = wb.getWorksheet(layout.sheetName)!;
  targets.forEach((t, i) => {
    ws.getCell(at(YEAR, i)).value = t.threshold * 0.7 + 0.01;
    if (needsBaselineInput(t))
      ws.getCell(`${colLetter(col("baseline"))}${SHEET.firstDataRow + i}`).value = t.threshold * 0.5;
    if (BAD[i]) ws.getCell(at(1995, i)).value = BAD[i].value;
  });
  const file = join(tmp.dir, "long.xlsx");
  await wb.xlsx.writeFile(file);
  const p = recalcToCsv([file], tmp.dir, tmp.dir);
  if (p.status !== 0) throw new Error(`soffice failed: ${String(p.stderr ?? p.error)}`);
  const csv = readFileSync(join(tmp.dir, `long-${layout.sheetName}.csv`), "utf8");
  rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
}, 300_000);
afterAll(() => tmp.cleanup());

test("LibreOffice: a bad cell anywhere in 1991–2100 makes 输入有误 with the block's message; the other rows compute as the methodology", () => {
  expect(targets.length).toBeGreaterThan(BAD.length);
  targets.forEach((t, i) => {
    const r = rows[SHEET.firstDataRow - 1 + i];
    const check = r[col("check")] ?? "";
    if (BAD[i]) {
      expect([t.id, check]).toEqual([t.id, expect.stringContaining("1991–2100年实际值应为")]);
      expect([t.id, r[col("status")]]).toEqual([t.id, INPUT_ERROR]);
      return;
    }
    const yearly = new Map([[YEAR, t.threshold * 0.7 + 0.01]]);
    const b = needsBaselineInput(t) ? t.threshold * 0.5 : null;
    expect([t.id, check, r[col("status")]]).toEqual([t.id, "", sheetStatus(t, undefined, b, YEAR, yearly)]);
  });
});
