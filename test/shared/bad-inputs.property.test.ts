// The progress sheet never shows a status it cannot justify: random inputs as people type them (numbers, blanks,
// text, `1,234`, full-width digits, Chinese numerals, numbers with units, percent-typed values, negatives, 1e20,
// dates, booleans, error values, a lone space) into 实际值, 基期值 and 评估年份 of every target of every plan,
// evaluated by HyperFormula through the memory workbook, against the runner's STATUS / PROGRESS / EXPECTED /
// VARIANCE / REQUIRED_RATE for the same inputs: the same status; 输入有误 (with 输入检查 saying why) and blank derived
// cells exactly where the runner refuses; the runner's number in every other derived cell.
import fc from "fast-check";
import { bundledCatalog, type Catalog } from "../../src/core/catalog/catalog";
import { bundledContext } from "../../src/core/functions/functions";
import { COL, needsBaselineInput, planTargets, SHEET, yearValidation } from "../../src/core/sheet/layout";
import { INPUT_ERROR, SHEET_STATUS_ORDER } from "../../src/core/method/methodology";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { colIndex } from "../../src/workbook/workbook";
import {
  actualArb,
  DERIVED,
  expectedFromRunner,
  INPUT_KINDS,
  sameNumber,
  yearArb,
  type InputKind,
} from "./bad-inputs";
import { catalogBinding } from "./helpers";
import { serviceOver } from "./service-over";

const catalog = bundledCatalog();
const ctx = bundledContext();
/** Rounds per plan: each sets the year and every row's inputs at once. */
const ROUNDS = 60;

const seenKinds = new Map<InputKind, number>();
const seenYearKinds = new Set<InputKind>();
const seenStatuses = new Set<string>();
let cases = 0;

/** Every bundled plan, and 益阳's with every target 约束性 (the binding rule's branches of the 状态 formula). */
const CASES: [string, Catalog, string][] = [
  ...catalog.plans.map((p): [string, Catalog, string] => [p.id, catalog, p.id]),
  ["yiyang-14th, every target 约束性", catalogBinding(["yiyang-14th"]), "yiyang-14th"],
];

describe.each(CASES)("plan %s", (_label, catalog, planId) => {
  test("every row agrees with the runner for random typed inputs", async () => {
    const wb = new MemoryWorkbook();
    const service = serviceOver(wb, { year: 2023, catalog: catalog });
    const plan = catalog.planById(planId)!;
    const { sheetName } = await service.generate(planId, plan.baseYear + 1);
    const targets = planTargets(catalog, planId);
    const { min, max } = yearValidation(plan, targets);
    const rounds = fc.sample(
      fc.record({
        year: yearArb(min, max),
        rows: fc.tuple(...targets.map((t) => fc.tuple(actualArb(t), actualArb(t)))),
      }),
      { numRuns: ROUNDS, seed: planId.length * 7919 },
    );
    const col = (k: keyof typeof COL) => colIndex(COL[k]);
    const mismatches: string[] = [];
    for (const { year, rows } of rounds) {
      wb.hf.batch(() => {
        wb.setCell(sheetName, SHEET.yearCell, year.typed);
        rows.forEach(([a, b], i) => {
          wb.setCell(sheetName, `${COL.actual}${SHEET.firstDataRow + i}`, a.typed);
          if (needsBaselineInput(targets[i]))
            wb.setCell(sheetName, `${COL.baseline}${SHEET.firstDataRow + i}`, b.typed);
        });
      });
      seenYearKinds.add(year.kind);
      const values = wb.contentOf(sheetName).values;
      rows.forEach(([a, b], i) => {
        const t = targets[i];
        const baseline = needsBaselineInput(t) ? b : null;
        const want = expectedFromRunner(ctx, t, a, baseline, year);
        const got = (k: keyof typeof COL) => values[SHEET.firstDataRow - 1 + i]?.[col(k)] ?? null;
        const where = `${t.id} 实际值=${JSON.stringify(a.typed)} 基期值=${JSON.stringify(baseline?.typed ?? "-")} 评估年份=${JSON.stringify(year.typed)}`;
        if (got("status") !== want.status)
          mismatches.push(
            `${where}: 状态 sheet=${got("status")} runner=${want.status} (${JSON.stringify(want.runnerStatus)}) 输入检查=${got("check")}`,
          );
        if ((got("check") !== null) !== want.flagged)
          mismatches.push(`${where}: 输入检查 sheet=${JSON.stringify(got("check"))} flagged=${want.flagged}`);
        if (got("outlook") !== want.outlook)
          mismatches.push(`${where}: 趋势判断 sheet=${got("outlook")} runner=${want.outlook}`);
        for (const k of DERIVED)
          if (!sameNumber(got(k), want[k]))
            mismatches.push(`${where}: ${k} sheet=${got(k)} runner=${want[k]}`);
        seenKinds.set(a.kind, (seenKinds.get(a.kind) ?? 0) + 1);
        seenStatuses.add(want.status);
        cases++;
      });
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });
});

afterAll(() => {
  // Reported for the closing note: how many rows were compared.
  console.log(`bad-inputs property test: ${cases} rows compared with the runner (HyperFormula)`);
});

test("the draws cover every kind of input, in 实际值 and in 评估年份, and every status the sheet can show", () => {
  expect(cases).toBeGreaterThanOrEqual(catalog.targets.length * ROUNDS * 0.9);
  for (const k of INPUT_KINDS) expect([k, (seenKinds.get(k) ?? 0) > 20]).toEqual([k, true]);
  for (const k of INPUT_KINDS) expect([k, seenYearKinds.has(k)]).toEqual([k, true]);
  expect([...seenStatuses].sort()).toEqual([...SHEET_STATUS_ORDER].sort());
  expect(seenStatuses.has(INPUT_ERROR)).toBe(true);
});
