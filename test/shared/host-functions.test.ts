// Every host computes the progress sheet: its formulas call only functions that Excel (desktop, web, Mac), WPS,
// LibreOffice, Gnumeric and HyperFormula all have, none of them volatile. CELL("format") was one that is not:
// Excel on the web does not support it, and where it is an error every 状态 became #N/A. Here CELL is removed
// from HyperFormula altogether, and every status of every plan is still computed.
import { HyperFormula } from "hyperformula";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import {
  buildProgressSheet,
  COL,
  colLetter,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  planTargets,
  SHEET,
  sheetStatus,
} from "../../src/core/sheet/layout";
import { SHEET_STATUS_ORDER } from "../../src/core/method/methodology";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { catalogSpanning } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();

/** Functions every host has and none recalculates on its own: no CELL, INFO, INDIRECT, OFFSET, NOW, TODAY, RAND. */
const PORTABLE = new Set([
  "ABS",
  "AND",
  "COLUMNS",
  "COUNT",
  "COUNTBLANK",
  "COUNTIF",
  "IF",
  "INDEX",
  "INT",
  "ISBLANK",
  "ISLOGICAL",
  "ISNUMBER",
  "ISTEXT",
  "LEN",
  "LN", // the geometric completion ln(A/B)/ln(V/B): in every host's core set
  "MAX",
  "MID", // 趋势判断's reasons: "无法评估(" & MID("、缺实际值、缺基期值", 2, 99) & ")"
  "MIN",
  "NA",
  "NOT",
  "OR",
  "CHAR", // formulaText writes a quote in pack text as CHAR(34)
]);
/** The functions a formula calls (text in quotes is not a call). */
const callsOf = (f: string) =>
  [...f.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/gi)].map((m) => m[1].toUpperCase());

test("every formula of every plan's sheet calls only portable, non-volatile functions (and over 1990–2100)", () => {
  const seen = new Set<string>();
  const longest = catalogSpanning("yiyang-14th", 1990, 2100);
  for (const [c, p] of [
    ...catalog.plans.map((p) => [catalog, p] as const),
    [longest, longest.planById("yiyang-14th")!] as const,
  ]) {
    const layout = buildProgressSheet(c, p.id, { year: p.baseYear + 2 });
    for (const row of layout.rows)
      for (const cell of row)
        for (const fn of cell.formula ? callsOf(cell.formula) : []) {
          seen.add(fn);
          if (!PORTABLE.has(fn)) throw new Error(`${p.id}: ${fn} in ${cell.formula}`);
        }
  }
  expect(seen.has("CELL")).toBe(false);
  expect(seen.has("COUNTBLANK")).toBe(true); // the whole-block check of the long span
  expect(seen.has("IF")).toBe(true);
});

describe("HyperFormula without CELL", () => {
  beforeAll(() => HyperFormula.unregisterFunction("CELL"));

  test("CELL is gone: a formula calling it is an error", () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    wb.setCell("S", "A1", 1);
    wb.setCell("S", "B1", '=CELL("format",A1)');
    expect(String(wb.value("S", "B1"))).toMatch(/^#/);
  });

  test.each(catalog.plans.map((p) => [p.id]))(
    "%s: every 状态 is computed, as the methodology says, with actuals typed into the year's cells",
    async (planId) => {
      const plan = catalog.planById(planId)!;
      const wb = new MemoryWorkbook();
      const service = serviceOver(wb, { year: plan.baseYear + 2, catalog: catalog });
      const year = plan.baseYear + 2;
      const { sheetName } = await service.generate(planId, year);
      const layout = buildProgressSheet(catalog, planId, { year });
      const col = HISTORY_FIRST_COL + layout.historyYears.indexOf(year);
      const targets = planTargets(catalog, planId);
      targets.forEach((t, i) => {
        const r = SHEET.firstDataRow + i;
        wb.setCell(sheetName, `${colLetter(col)}${r}`, t.threshold * 0.8 + 0.01);
        if (needsBaselineInput(t)) wb.setCell(sheetName, `${COL.baseline}${r}`, t.threshold * 0.5);
      });
      targets.forEach((t, i) => {
        const r = SHEET.firstDataRow + i;
        const status = wb.value(sheetName, `${COL.status}${r}`);
        expect(SHEET_STATUS_ORDER).toContain(status);
        const yearly = new Map([[year, t.threshold * 0.8 + 0.01]]);
        const baseline = needsBaselineInput(t) ? t.threshold * 0.5 : null;
        expect([t.id, status]).toEqual([t.id, sheetStatus(t, undefined, baseline, year, yearly)]);
      });
    },
  );
});
