// Ranges as arguments in HyperFormula (the preview's engine): every function that returns one value spills
// one result per cell of its range arguments, each cell exactly what run() answers for that element, errors
// in place; the spill is sized when the formula is parsed, so cells below a formula see its results.
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { FUNCTIONS } from "../../src/core/functions/functions";
import { run } from "../../src/core/functions/runner";
import { registerPlanFunctions } from "../../src/functions/hyperformula";

registerPlanFunctions();

const build = (rows: RawCellContent[][]) => HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
const cell = (hf: HyperFormula, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);

/** The cell must hold run()'s answer for one element (numbers to HyperFormula's 10 significant digits). */
function expectElement(got: unknown, id: string, args: unknown[]) {
  const o = run(id, args);
  if (!o.ok) {
    expect(got).toBeInstanceOf(DetailedCellError);
    expect((got as DetailedCellError).type).toBe(o.error === "#N/A" ? "NA" : "VALUE");
    expect((got as DetailedCellError).message).toBe(o.message);
  } else if (typeof o.value === "number") {
    expect(Math.abs((got as number) - o.value)).toBeLessThanOrEqual(Math.abs(o.value) * 1e-9);
  } else {
    expect(got).toEqual(o.value);
  }
}

// A statistician's own table: labels as they typed them (one unknown, one blank), actuals beside them.
const LABELS = ["高新技术企业", "研发经费投入强度", "火星指标", "每万人口发明专利拥有量", null];
const ACTUALS = [470, 2.1, 1, 4.2, null];
const ARGS: Record<string, (label: unknown, actual: unknown) => unknown[]> = {
  TARGET: (l) => ["益阳", l, 2025],
  BASELINE: (l) => ["益阳", l, 2025],
  INFO: (l) => ["益阳", l, 2025, "单位"],
  EXPECTED: (l) => ["益阳", l, 2025, 2023],
  PROGRESS: (l, a) => ["益阳", l, 2025, a, 2023],
  VARIANCE: (l, a) => ["益阳", l, 2025, a, 2023],
  STATUS: (l, a) => ["益阳", l, 2025, a, 2023],
  REQUIRED_RATE: (l, a) => ["益阳", l, 2025, a, 2023],
  FORECAST: (l, a) => ["益阳", l, 2025, a, 2023],
  OUTLOOK: (l, a) => ["益阳", l, 2025, a, 2023],
};
const FORMULA: Record<string, string> = {
  TARGET: '=PLAN.TARGET("益阳",A1:A5,2025)',
  BASELINE: '=PLAN.BASELINE("益阳",A1:A5,2025)',
  INFO: '=PLAN.INFO("益阳",A1:A5,2025,"单位")',
  EXPECTED: '=PLAN.EXPECTED("益阳",A1:A5,2025,2023)',
  PROGRESS: '=PLAN.PROGRESS("益阳",A1:A5,2025,B1:B5,2023)',
  VARIANCE: '=PLAN.VARIANCE("益阳",A1:A5,2025,B1:B5,2023)',
  STATUS: '=PLAN.STATUS("益阳",A1:A5,2025,B1:B5,2023)',
  REQUIRED_RATE: '=PLAN.REQUIRED_RATE("益阳",A1:A5,2025,B1:B5,2023)',
  FORECAST: '=PLAN.FORECAST("益阳",A1:A5,2025,B1:B5,2023)',
  OUTLOOK: '=PLAN.OUTLOOK("益阳",A1:A5,2025,B1:B5,2023)',
};

test("the table covers every function that returns one value", () => {
  expect(Object.keys(FORMULA).sort()).toEqual(
    FUNCTIONS.filter((f) => f.result !== "matrix")
      .map((f) => f.id)
      .sort(),
  );
});

describe.each(Object.keys(FORMULA))("PLAN.%s over a column of labels", (id) => {
  const hf = build(LABELS.map((l, i) => [l, ACTUALS[i], i === 0 ? FORMULA[id] : null]));

  test("spills one result per label, each run()'s answer for that row", () => {
    LABELS.forEach((l, i) => expectElement(cell(hf, `C${i + 1}`), id, ARGS[id](l, ACTUALS[i])));
    expect(cell(hf, "C6")).toBeNull(); // no further
  });

  test("the unknown label is #N/A with its suggestions, the others still compute", () => {
    const unknown = cell(hf, "C3") as DetailedCellError;
    expect(unknown.type).toBe("NA");
    expect(unknown.message).toContain("火星指标");
    expect(cell(hf, "C1")).not.toBeInstanceOf(DetailedCellError);
  });
});

test("a range of regions with one indicator; a row of years across a column of indicators", () => {
  const hf = build([
    [
      "益阳",
      "高新技术企业",
      2025,
      2031,
      '=PLAN.TARGET(A1:A2,"高新技术企业",2025)',
      '=PLAN.TARGET("中山",B1:B2,C1:D1)',
    ],
    ["中山", "研发经费投入强度"],
  ]);
  expectElement(cell(hf, "E1"), "TARGET", ["益阳", "高新技术企业", 2025]);
  expectElement(cell(hf, "E2"), "TARGET", ["中山", "高新技术企业", 2025]);
  for (const [a1, ind, year] of [
    ["F1", "高新技术企业", 2025],
    ["G1", "高新技术企业", 2031],
    ["F2", "研发经费投入强度", 2025],
    ["G2", "研发经费投入强度", 2031],
  ] as const)
    expectElement(cell(hf, a1), "TARGET", ["中山", ind, year]);
});

test("ranges of different lengths: #N/A with the reason in the cells the shorter one does not reach", () => {
  const hf = build([
    ["高新技术企业", 470, '=PLAN.PROGRESS("益阳",A1:A3,2025,B1:B2,2023)'],
    ["研发经费投入强度", 2.1],
    ["每万人口发明专利拥有量"],
  ]);
  expectElement(cell(hf, "C2"), "PROGRESS", ["益阳", "研发经费投入强度", 2025, 2.1, 2023]);
  const e = cell(hf, "C3") as DetailedCellError;
  expect(e.type).toBe("NA");
  expect(e.message).toContain("区域大小不一致");
});

test("a spilled column feeds other formulas: SUM over it, a cell below referencing it", () => {
  const hf = build([
    [
      "高新技术企业",
      '=PLAN.TARGET("益阳",A1:A2,2025)',
      "=SUM(B1:B2)",
      '=SUM(PLAN.TARGET("益阳",A1:A2,2025))',
    ],
    ["研发经费投入强度"],
  ]);
  const sum =
    (run("TARGET", ["益阳", "高新技术企业", 2025]) as { value: number }).value +
    (run("TARGET", ["益阳", "研发经费投入强度", 2025]) as { value: number }).value;
  expect(cell(hf, "C1")).toBeCloseTo(sum, 9);
  expect(cell(hf, "D1")).toBeCloseTo(sum, 9);
});

test("a value in the way is #SPILL!, as in Excel; single-cell calls never spill", () => {
  const hf = build([
    ["高新技术企业", '=PLAN.TARGET("益阳",A1:A2,2025)', '=PLAN.TARGET("益阳",A1,2025)'],
    ["研发经费投入强度", "占用"],
  ]);
  expect((cell(hf, "B1") as DetailedCellError).type).toBe("SPILL");
  expectElement(cell(hf, "C1"), "TARGET", ["益阳", "高新技术企业", 2025]);
});
