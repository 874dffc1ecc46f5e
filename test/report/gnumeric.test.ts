// The .xlsx of plan report recalculates identically in LibreOffice and in Gnumeric (issue 22): every bundled plan's
// progress sheet and 上报 sheet, written through the CLI path (layoutToWorkbook) with an actual (and a baseline where
// the plan lacks one) on every row, recalculated by both engines to CSV; every cell of every sheet compared.
// The same sheets with nothing typed must show no error value in either engine.
// Needs `soffice` and `ssconvert` (Debian: libreoffice-calc-nogui, gnumeric).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { buildProgressSheet, COLUMNS, needsBaselineInput, SHEET } from "../../src/core/sheet/layout";
import { defaultAssessmentYear } from "../../src/core/method/years";
import { uniqueSheetName } from "../../src/core/sheet/sheet-names";
import { layoutToWorkbook, type RowInputs } from "../../src/sheet/report-file";
import { gnumericToCsv, recalcToCsv, tempDir } from "./helpers";

const catalog = bundledCatalog();
const tmp = tempDir("plan-gnumeric-");
afterAll(() => tmp.cleanup());

const read = (file: string) =>
  parse(readFileSync(file, "utf8"), { bom: true, relax_column_count: true }) as string[][];
/** A CSV number; LibreOffice writes a percent-formatted value with its "%" ("40%" for 0.4). */
const num = (s: string) => (s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s));
/** Equal as spreadsheets show them: the same text, or numbers equal to 12 significant digits. */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [num(a), num(b)];
  if (a === "" || b === "" || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
}

const sheets = new Map<string, { lo: string[][]; gn: string[][] }>();
const freshSheets = new Map<string, { lo: string[][]; gn: string[][] }>();
/** An error value as LibreOffice (#VALUE!, Err:502) or Gnumeric writes it to CSV. */
const ERROR_VALUE = /^(#(VALUE!|DIV\/0!|N\/A|REF!|NAME\?|NUM!|NULL!)|Err:\d+)$/;
beforeAll(async () => {
  const taken = new Set<string>();
  const layouts = catalog.plans.map((p) => {
    const l = buildProgressSheet(catalog, p.id, { year: defaultAssessmentYear(p.period, p.baseYear + 2) });
    return { ...l, sheetName: uniqueSheetName(l.sheetName, taken) };
  });
  const inputs = new Map<string, RowInputs>();
  layouts.forEach((l) =>
    l.targetIds.forEach((id, i) => {
      const t = catalog.targetById.get(id)!;
      const v = typeof t.threshold === "number" ? t.threshold : 1;
      // Some behind, some ahead, some on the mark: every status the rows can take in a few plans.
      const actual = v * [0.3, 0.7, 1, 1.2][i % 4];
      inputs.set(id, { actual, ...(needsBaselineInput(t) ? { baseline: v * 0.5 } : {}) });
    }),
  );
  const file = join(tmp.dir, "all.xlsx");
  await layoutToWorkbook(layouts, inputs, catalog, { reportSheets: true, protect: true }).xlsx.writeFile(
    file,
  );
  // The same sheets as they first open: nothing typed.
  const fresh = join(tmp.dir, "fresh.xlsx");
  await layoutToWorkbook(layouts, new Map(), catalog, { reportSheets: true, protect: true }).xlsx.writeFile(
    fresh,
  );
  const lo = recalcToCsv([file, fresh], tmp.dir, tmp.dir);
  if (lo.status !== 0) throw new Error(`soffice failed: ${String(lo.stderr ?? lo.error)}`);
  for (const [xlsx, prefix, into] of [
    [file, "gn", sheets],
    [fresh, "gnf", freshSheets],
  ] as const) {
    const gn = gnumericToCsv(xlsx, join(tmp.dir, prefix));
    if (gn.status !== 0) throw new Error(`ssconvert failed: ${String(gn.stderr ?? gn.error)}`);
    const lead = `${prefix}-`;
    const loName = xlsx === file ? "all" : "fresh";
    for (const f of readdirSync(tmp.dir).filter((x) => x.startsWith(lead))) {
      const name = f.slice(lead.length, -4);
      into.set(name, { gn: read(join(tmp.dir, f)), lo: read(join(tmp.dir, `${loName}-${name}.csv`)) });
    }
  }
}, 600_000);

test("a sheet as it first opens (nothing typed) shows no error value in either engine", () => {
  expect(freshSheets.size).toBe(catalog.plans.length * 2);
  const errors: string[] = [];
  for (const [name, engines] of freshSheets)
    for (const [engine, rows] of Object.entries(engines))
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (ERROR_VALUE.test(v)) errors.push(`${engine} ${name}!R${r + 1}C${c + 1}: ${v}`);
        }),
      );
  expect(errors.slice(0, 20)).toEqual([]);
});

test("every sheet came out of both engines", () => {
  expect(sheets.size).toBe(catalog.plans.length * 2);
});

test("every cell the same in LibreOffice and Gnumeric, derived columns included", () => {
  const differ: string[] = [];
  let derived = 0;
  const derivedCols = new Set(
    [
      "check",
      "elapsed",
      "completion",
      "expected",
      "variance",
      "requiredRate",
      "status",
      "forecast",
      "outlook",
    ].map((k) => COLUMNS.findIndex((c) => c.key === k)),
  );
  for (const [name, { lo, gn }] of sheets) {
    const rows = Math.max(lo.length, gn.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(lo[r]?.length ?? 0, gn[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const [a, b] = [lo[r]?.[c] ?? "", gn[r]?.[c] ?? ""];
        if (!same(a, b)) differ.push(`${name}!R${r + 1}C${c + 1}: LibreOffice “${a}”, Gnumeric “${b}”`);
        if (name.startsWith("进度_") && r >= SHEET.firstDataRow - 1 && derivedCols.has(c) && a !== "")
          derived++;
      }
    }
  }
  expect(differ.slice(0, 20)).toEqual([]);
  expect(derived).toBeGreaterThan(100); // the comparison saw computed results, not blanks
});
