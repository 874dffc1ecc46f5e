// The progress sheet's Excel formulas, evaluated by HyperFormula through the memory workbook, against the core
// methodology: for every target of every plan, at several assessment years, with several actuals (below the
// baseline, between, at the target, above, blank) and, where the plan gives no baseline, several typed baselines.
// The actual is typed into the 评估年份's cell of the history block (other years hold other values, which 实际值
// must not pick); for a year outside the block (before or at the base year, after the last target year) it is
// typed over 实际值 itself, as a sheet of the previous version has it.
import { createCatalogStore } from "../../src/core/catalog/store";
import { bundledCatalog, type Catalog, type CatalogTarget } from "../../src/core/catalog/catalog";
import { Runner, type Outcome } from "../../src/core/functions/runner";
import { close, FIGURES, VECTORS, vectorCatalog } from "../core/method-vectors";
import {
  COL,
  colLetter,
  HISTORY_FIRST_COL,
  historyYears,
  needsBaselineInput,
  planTargets,
  SHEET,
} from "../../src/core/sheet/layout";
import {
  INPUT_ERROR,
  isRateLike,
  impliedBaseline,
  OUTLOOK,
  OUTLOOK_ORDER,
  SHEET_STATUS_ORDER,
} from "../../src/core/method/methodology";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { colIndex, type CellValue } from "../../src/workbook/workbook";
import { catalogBinding, expectedRow, type RowExpectation } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
/**
 * Two plans whose every target is made 约束性, as a pack may state (no bundled plan does): between them every kind
 * of target, so the binding rule's formulas meet assess() on every kind, year, actual and typed baseline.
 */
const BINDING_PLANS = ["yiyang-14th", "shanwei-chengqu-2026"];
const binding = catalogBinding(BINDING_PLANS);
const CASES: [string, Catalog, string][] = [
  ...catalog.plans.map((p): [string, Catalog, string] => [p.id, catalog, p.id]),
  ...BINDING_PLANS.map((id): [string, Catalog, string] => [`${id}, every target 约束性`, binding, id]),
];

/** The baseline the row computes from: the plan's, the kind's implied one, or the typed one. */
function baselineOf(t: CatalogTarget, typed: number | null): number | null {
  if (isRateLike(t.kind)) return 0;
  return impliedBaseline(t.kind) ?? t.baselineObs?.value ?? typed;
}

/** Actuals relative to the baseline B and the target V; off round fractions, so no pace lands on a threshold by design. */
const ACTUALS: { name: string; of: (B: number, V: number) => number | null }[] = [
  { name: "below baseline", of: (B, V) => B - 0.37 * Math.abs(V - B) - 0.5 },
  { name: "between", of: (B, V) => B + 0.41 * (V - B) },
  { name: "at target", of: (_B, V) => V },
  { name: "above target", of: (B, V) => V + 0.29 * Math.abs(V - B) + 1 },
  { name: "blank", of: () => null },
];

/** Typed baselines for rows that need one: none, below the target, above it (regression territory). */
const TYPED: { name: string; of: (V: number) => number | null }[] = [
  { name: "no baseline", of: () => null },
  { name: "baseline 0.55V", of: (V) => 0.55 * V },
  { name: "baseline above V", of: (V) => 1.2 * V + 3 },
];

const FIELDS: [keyof RowExpectation, keyof typeof COL][] = [
  ["elapsed", "elapsed"],
  ["completion", "completion"],
  ["expected", "expected"],
  ["variance", "variance"],
  ["requiredRate", "requiredRate"],
  ["forecast", "forecast"],
];

function yearsFor(targets: CatalogTarget[]): number[] {
  const ys = new Set<number>();
  for (const t of targets) {
    const t0 = t.baseYear ?? t.plan.baseYear;
    const T = t.targetYear;
    for (const y of [t0 - 1, t0, t0 + 1, Math.floor((t0 + T) / 2), T - 1, T, T + 1]) ys.add(y);
  }
  return [...ys].sort((a, b) => a - b);
}

const seen = new Set<string>();
const seenOutlook = new Set<string>();

describe.each(CASES)("plan %s", (_label, catalog, planId) => {
  test("formulas evaluated by HyperFormula equal assess() for every target, year, actual and typed baseline", async () => {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2024, catalog: catalog });
    const { sheetName } = await service.generate(planId, catalog.planById(planId)!.baseYear);
    const targets = planTargets(catalog, planId);
    const row0 = SHEET.firstDataRow;
    const col = (k: keyof typeof COL) => colIndex(COL[k]);
    const mismatches: string[] = [];
    let compared = 0;
    const history = historyYears(catalog.planById(planId)!, targets);
    const pickFormulas = targets.map((_, i) => wb.contentOf(sheetName).formulas[row0 - 1 + i][col("actual")]);
    // Excel refuses a formula longer than 8,192 characters.
    const longest = Math.max(
      ...wb
        .contentOf(sheetName)
        .formulas.flatMap((r) => r.map((f) => (typeof f === "string" ? f.length : 0))),
    );
    expect(longest).toBeLessThanOrEqual(8192);
    let fromHistory = 0;

    for (const typed of TYPED)
      for (const year of yearsFor(targets))
        for (const actual of ACTUALS) {
          const inputs = targets.map((t) => {
            const b = needsBaselineInput(t) ? typed.of(t.threshold) : null;
            const B = baselineOf(t, b);
            return {
              t,
              b,
              a: B === null ? actual.of(0.5 * t.threshold, t.threshold) : actual.of(B, t.threshold),
            };
          });
          wb.hf.batch(() => {
            wb.setCell(sheetName, SHEET.yearCell, year);
            const inBlock = history.includes(year);
            inputs.forEach(({ t, b, a }, i) => {
              const r = row0 + i;
              // Other years: a value in range that differs from every actual above.
              const other = Math.abs(t.threshold) * 0.7 + 0.13;
              history.forEach((y, k) =>
                wb.setCell(sheetName, `${colLetter(HISTORY_FIRST_COL + k)}${r}`, y === year ? a : other),
              );
              wb.setCell(sheetName, `${COL.actual}${r}`, inBlock ? pickFormulas[i] : a);
              if (needsBaselineInput(t)) wb.setCell(sheetName, `${COL.baseline}${r}`, b);
            });
            if (inBlock) fromHistory += inputs.length;
          });
          const values = wb.contentOf(sheetName).values;
          inputs.forEach(({ t, b, a }, i) => {
            const want = expectedRow(t, a, b, year);
            const got = (k: keyof typeof COL): CellValue => values[row0 - 1 + i]?.[col(k)] ?? null;
            const where = `${t.id} year=${year} actual=${actual.name}(${a}) ${typed.name}`;
            for (const [field, k] of FIELDS) {
              const w = want[field] as number | null;
              const g = got(k);
              // Relative beyond 1: forecasts of money values reach 1e5 and more.
              const ok =
                w === null
                  ? g === null
                  : typeof g === "number" && Math.abs(g - w) < 5e-10 * Math.max(1, Math.abs(w));
              if (!ok) mismatches.push(`${where}: ${field} sheet=${g} methodology=${w}`);
            }
            if (got("status") !== want.status)
              mismatches.push(`${where}: 状态 sheet=${got("status")} methodology=${want.status}`);
            if (got("outlook") !== want.outlook)
              mismatches.push(`${where}: 趋势判断 sheet=${got("outlook")} methodology=${want.outlook}`);
            seen.add(want.status);
            seenOutlook.add(want.outlook);
            compared++;
          });
        }

    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(targets.length * 3 * 5);
    expect(fromHistory).toBeGreaterThan(compared / 3);
  });
});

test("the scenarios reach every status and every outlook", () => {
  expect([...seen].sort()).toEqual([...SHEET_STATUS_ORDER].sort());
  // 无法评估 is said with its reasons: "无法评估(缺实际值)" (reasons.ts).
  const outlooks = new Set(
    [...seenOutlook].map((o) => (o.startsWith(`${OUTLOOK.unassessable}(`) ? OUTLOOK.unassessable : o)),
  );
  expect([...outlooks].sort()).toEqual([...OUTLOOK_ORDER, INPUT_ERROR].sort());
});

// ---- The methodology vectors: each rule's cases, with their expected status and figures -------------------

describe("the methodology vectors (test/core/fixtures/method-vectors.json)", () => {
  test("hold at least three cases of each kind, each with its source", () => {
    const byKind = new Map<string, number>();
    for (const v of VECTORS) byKind.set(v.kind, (byKind.get(v.kind) ?? 0) + 1);
    for (const [, n] of byKind) expect(n).toBeGreaterThanOrEqual(3);
    expect([...byKind.keys()].sort()).toEqual([
      "binding",
      "cumulative",
      "growth_rate",
      "level",
      "limit",
      "met_at_base",
      "milestone",
      "multiple",
      "per_year",
      "range",
      "share",
    ]);
    for (const v of VECTORS) expect(v.source.length).toBeGreaterThan(20);
  });

  test.each(VECTORS.map((v) => [`${v.target} ${v.actual} in ${v.year} → ${v.status}`, v] as const))(
    "%s: the functions and the sheet's formulas agree with the vector",
    async (_name, v) => {
      const cat = vectorCatalog(v);
      const runner = new Runner(createCatalogStore(cat));
      const run = (id: string, a: unknown[]) => runner.run(id, a);
      const [region, indicator, targetYear] = v.call;
      const args = [region, indicator, targetYear, v.actual, v.year];
      const value = (o: Outcome) => (o.ok ? o.value : null);

      // The functions, through the runner.
      const fromFunctions: Record<(typeof FIGURES)[number], unknown> = {
        elapsed: v.elapsed, // no function gives τ alone
        expected: value(run("EXPECTED", [region, indicator, targetYear, v.year])),
        completion: value(run("PROGRESS", args)),
        variance: value(run("VARIANCE", args)),
        requiredRate: value(run("REQUIRED_RATE", args)),
      };
      expect(run("STATUS", args)).toEqual({ ok: true, value: v.status });
      for (const f of FIGURES)
        expect([f, close(fromFunctions[f], v[f]), fromFunctions[f]]).toEqual([f, true, fromFunctions[f]]);

      // The sheet's formulas, evaluated by HyperFormula; the actual typed into its year's cell.
      const t = cat.targetById.get(v.target)!;
      const wb = new MemoryWorkbook();
      const service = serviceOver(wb, { year: 2024, catalog: cat });
      const { sheetName } = await service.generate(t.plan.id, v.year);
      const targets = planTargets(cat, t.plan.id);
      const r = SHEET.firstDataRow + targets.findIndex((x) => x.id === v.target);
      const k = historyYears(cat.planById(t.plan.id)!, targets).indexOf(v.year);
      wb.setCell(
        sheetName,
        k >= 0 ? `${colLetter(HISTORY_FIRST_COL + k)}${r}` : `${COL.actual}${r}`,
        v.actual,
      );
      const row = wb.contentOf(sheetName).values[r - 1];
      const cell = (key: keyof typeof COL) => {
        const x = row[colIndex(COL[key])] ?? null;
        return x === "" ? null : x;
      };
      expect(cell("status")).toBe(v.status);
      for (const f of FIGURES) expect([f, close(cell(f), v[f]), cell(f)]).toEqual([f, true, cell(f)]);
    },
  );
});
