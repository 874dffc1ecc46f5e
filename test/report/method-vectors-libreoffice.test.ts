// The methodology vectors (test/core/fixtures/method-vectors.json) in a real spreadsheet: each case is a progress
// sheet written as `plan report` writes it (layoutToWorkbook, ExcelJS), its actual typed into the 评估年份's
// yearly cell, recalculated by LibreOffice Calc in one soffice run; each row's 状态 and figures must equal the
// vector's. Needs `soffice`; fails (never skips) without it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import {
  buildProgressSheet,
  COL,
  colLetter,
  COLUMNS,
  HISTORY_FIRST_COL,
  SHEET,
} from "../../src/core/sheet/layout";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { STATUS } from "../../src/core/method/methodology";
import { colIndex } from "../../src/workbook/workbook";
import {
  close,
  FIGURES,
  VECTORS,
  variantKey,
  vectorCatalog,
  type MethodVector,
} from "../core/method-vectors";
import { recalcToCsv, tempDir } from "./helpers";

const tmp = tempDir("plan-lo-vectors-");
afterAll(() => tmp.cleanup());

interface Placed {
  v: MethodVector;
  file: string;
  sheet: string;
  row: number;
}
const placed: Placed[] = [];
let conversion = { status: null as number | null, stderr: "" };

/** One workbook per catalog variant (the documented baselines and directions), a sheet per vector. */
async function writeWorkbooks(): Promise<string[]> {
  const groups = new Map<string, MethodVector[]>();
  for (const v of VECTORS) groups.set(variantKey(v), [...(groups.get(variantKey(v)) ?? []), v]);
  const files: string[] = [];
  let n = 0;
  for (const vs of groups.values()) {
    const cat = vectorCatalog(vs[0]);
    const file = join(tmp.dir, `vectors${files.length + 1}.xlsx`);
    const sheets = vs.map((v) => {
      const plan = cat.targetById.get(v.target)!.plan;
      const layout = { ...buildProgressSheet(cat, plan.id, { year: v.year }), sheetName: `向量${++n}` };
      const row = SHEET.firstDataRow + layout.targetIds.indexOf(v.target);
      placed.push({ v, file, sheet: layout.sheetName, row });
      return { v, layout, row };
    });
    const wb = layoutToWorkbook(
      sheets.map((s) => s.layout),
      new Map(),
      cat,
    );
    for (const { v, layout, row } of sheets) {
      const k = layout.historyYears.indexOf(v.year);
      const at = k >= 0 ? `${colLetter(HISTORY_FIRST_COL + k)}${row}` : `${COL.actual}${row}`;
      // The stored results are of a row without an actual (无法评估): a status equal to the vector's proves
      // LibreOffice recalculated.
      wb.getWorksheet(layout.sheetName)!.getCell(at).value = v.actual;
    }
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

beforeAll(async () => {
  const files = await writeWorkbooks();
  const p = recalcToCsv(files, join(tmp.dir, "csv"), tmp.dir);
  conversion = { status: p.status, stderr: String(p.stderr ?? p.error ?? "") };
}, 300_000);

/** A cell of LibreOffice's CSV: "" → null; "60%" → 0.6; numbers; otherwise the text. */
function cellValue(s: string | undefined): number | string | null {
  if (s === undefined || s === "") return null;
  const pct = /^(-?[\d.]+(?:E[+-]?\d+)?)%$/i.exec(s);
  if (pct) return Number(pct[1]) / 100;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

test("LibreOffice converted every vector's workbook in one run", () => {
  expect([conversion.status, conversion.stderr.includes("Error")]).toEqual([0, false]);
  expect(placed.length).toBe(VECTORS.length);
});

test("every vector's row, recalculated by LibreOffice, has the vector's status and figures", () => {
  const csvDir = join(tmp.dir, "csv");
  const mismatches: string[] = [];
  for (const { v, file, sheet, row } of placed) {
    const csv = join(csvDir, `${file.replace(/^.*\//, "").replace(/\.xlsx$/, "")}-${sheet}.csv`);
    if (!readdirSync(csvDir).includes(csv.replace(/^.*\//, ""))) {
      mismatches.push(`${sheet}: no CSV (${conversion.stderr})`);
      continue;
    }
    const rows = parse(readFileSync(csv, "utf8"), { bom: true, relax_column_count: true }) as string[][];
    const r = rows[row - 1];
    const cell = (key: keyof typeof COL) => cellValue(r[colIndex(COL[key])]);
    const name = `${v.target} ${v.actual} in ${v.year}`;
    if (r[colIndex(COL.id)] !== v.target) mismatches.push(`${name}: row ${row} is ${r[colIndex(COL.id)]}`);
    if (cell("status") !== v.status) mismatches.push(`${name}: 状态 ${cell("status")}, want ${v.status}`);
    for (const f of FIGURES)
      if (!close(cell(f), v[f])) mismatches.push(`${name}: ${f} ${cell(f)}, want ${v[f]}`);
  }
  expect(mismatches).toEqual([]);
});

test("the vectors reach 守住约束 and 突破约束, which no bundled plan can (it states no 约束性 target)", () => {
  const statuses = new Set(placed.map((p) => p.v.status));
  expect([statuses.has(STATUS.kept), statuses.has(STATUS.broken)]).toEqual([true, true]);
});

test("需年均增速 says its unit: the column's title, and the number format of share and cumulative rows", async () => {
  const title = COLUMNS.find((c) => c.key === "requiredRate")!.title;
  const withFormat = placed.filter((p) => p.v.requiredFormat !== undefined);
  expect(new Set(withFormat.map((p) => p.v.kind))).toEqual(new Set(["share", "cumulative"]));
  const books = new Map<string, ExcelJS.Workbook>();
  for (const { v, file, sheet, row } of withFormat) {
    if (!books.has(file)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      books.set(file, wb);
    }
    const ws = books.get(file)!.getWorksheet(sheet)!;
    expect(ws.getCell(`${COL.requiredRate}${SHEET.headerRow}`).value).toBe(title);
    expect([v.target, ws.getCell(`${COL.requiredRate}${row}`).numFmt]).toEqual([v.target, v.requiredFormat]);
  }
});
