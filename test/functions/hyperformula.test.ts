// PLAN.* in a real formula engine (HyperFormula), used the way statisticians use it: cell references, nesting
// in built-in functions, spilled tables referenced by other formulas. Every result must be run()'s.
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import deDE from "hyperformula/i18n/languages/deDE";
import { type Value } from "../../src/core/functions/functions";
import { run } from "../../src/core/functions/runner";
import { HF_PREFIX, PlanFunctionsPlugin, registerPlanFunctions } from "../../src/functions/hyperformula";

registerPlanFunctions(); // before the describe blocks below build their sheets

const build = (rows: RawCellContent[][]) => HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });

/** run()'s value, which must succeed. */
function value(id: string, args: unknown[]): Value {
  const o = run(id, args);
  if (!o.ok) throw new Error(`run(${id}) failed: ${o.message}`);
  return o.value;
}

/**
 * The cell must hold what run() answers: its value, or its error type and Chinese message. HyperFormula hands
 * numbers out rounded to 10 significant digits (its precisionRounding), so numbers agree to that precision.
 */
function expectRun(hf: HyperFormula, a1: string, id: string, args: unknown[]) {
  const cell = hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
  const o = run(id, args);
  if (o.ok && typeof o.value === "number") {
    expect(typeof cell).toBe("number");
    expect(Math.abs((cell as number) - o.value)).toBeLessThanOrEqual(Math.abs(o.value) * 1e-9);
  } else if (o.ok) {
    expect(cell).toEqual(o.value);
  } else {
    expect(cell).toBeInstanceOf(DetailedCellError);
    const e = cell as DetailedCellError;
    expect(e.type).toBe(o.error === "#N/A" ? "NA" : "VALUE");
    expect(e.message).toBe(o.message);
  }
}
const at = (hf: HyperFormula, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);

test("the plugin registers PLAN.<id> for every function of the table", () => {
  const names = HyperFormula.getRegisteredFunctionNames("enGB");
  for (const id of Object.keys(PlanFunctionsPlugin.implementedFunctions)) expect(names).toContain(id);
  expect(Object.keys(PlanFunctionsPlugin.implementedFunctions)).toHaveLength(12);
  expect(Object.keys(PlanFunctionsPlugin.implementedFunctions).every((k) => k.startsWith(HF_PREFIX))).toBe(
    true,
  );
});

test("a language registered later learns PLAN.* when registerPlanFunctions() is called again", () => {
  HyperFormula.registerLanguage("deDE", deDE);
  registerPlanFunctions();
  const de = HyperFormula.buildFromArray([['=PLAN.TARGET("益阳";"高新技术企业";2025)']], {
    licenseKey: "gpl-v3",
    language: "deDE",
    functionArgSeparator: ";",
  });
  expect(at(de, "A1")).toBe(value("TARGET", ["益阳", "高新技术企业", 2025]));
  registerPlanFunctions(); // idempotent
  expect(at(build([['=PLAN.TARGET("益阳","高新技术企业",2025)']]), "A1")).toBe(600);
});

describe("a target-progress sheet written with cell references", () => {
  // 地区 | 指标 | 目标年 | 实际值 | 评估年份
  const data = [
    ["益阳", "高新技术企业", 2025, 470, 2023],
    ["益阳", "研发经费投入强度", 2025, 2.1, 2023],
    ["益阳", "每万人口发明专利拥有量", 2025, 4.2, 2024],
    ["益阳", "高新技术企业", 2025, null, 2023], // actual not yet reported
    ["中山", "高新技术企业", 2025, 2900, 2023],
    ["火星", "高新技术企业", 2025, 1, 2023], // a typo in the region
  ];
  const FNS = [
    "TARGET",
    "BASELINE",
    "EXPECTED",
    "PROGRESS",
    "VARIANCE",
    "STATUS",
    "REQUIRED_RATE",
    "INFO",
  ] as const;
  const COLS = "FGHIJKLM";
  const formula = (fn: string, r: number) => {
    switch (fn) {
      case "TARGET":
        return `=PLAN.TARGET(A${r},B${r},C${r})`;
      case "BASELINE":
        return `=PLAN.BASELINE(A${r},B${r})`;
      case "EXPECTED":
        return `=PLAN.EXPECTED(A${r},B${r},C${r},E${r})`;
      case "INFO":
        return `=PLAN.INFO(A${r},B${r},C${r},"单位")`;
      default:
        return `=PLAN.${fn}(A${r},B${r},C${r},D${r},E${r})`;
    }
  };
  const runArgs = (fn: string, row: (string | number | null)[]) => {
    const [region, indicator, year, actual, asOf] = row;
    switch (fn) {
      case "TARGET":
        return [region, indicator, year];
      case "BASELINE":
        return [region, indicator];
      case "EXPECTED":
        return [region, indicator, year, asOf];
      case "INFO":
        return [region, indicator, year, "单位"];
      default:
        return [region, indicator, year, actual, asOf];
    }
  };
  const rows: RawCellContent[][] = [
    ["地区", "指标", "目标年", "实际值", "评估年份", ...FNS],
    ...data.map((row, i) => [...row, ...FNS.map((fn) => formula(fn, i + 2))]),
  ];
  const hf = build(rows);

  test.each(FNS.flatMap((fn) => data.map((row, i) => [fn, i] as const)))(
    "PLAN.%s on row %i equals run()",
    (fn, i) => {
      expectRun(hf, `${COLS[FNS.indexOf(fn)]}${i + 2}`, fn, runArgs(fn, data[i]));
    },
  );

  test("sanity anchors", () => {
    expect(at(hf, "F2")).toBe(600); // 益阳 高新技术企业 2025
    expect(at(hf, "I2") as number).toBeCloseTo(0.549, 3); // PROGRESS for 470 in 2023
    expect(at(hf, "K2")).toBe("进度滞后");
    expect((at(hf, "I5") as DetailedCellError).type).toBe("NA"); // no actual yet
    expect((at(hf, "F7") as DetailedCellError).message).toContain("火星");
  });

  test("recalculates when a statistician types a new actual", () => {
    const sheet = build(rows);
    sheet.setCellContents({ sheet: 0, row: 1, col: 3 }, [[650]]);
    expectRun(sheet, "I2", "PROGRESS", ["益阳", "高新技术企业", 2025, 650, 2023]);
    expectRun(sheet, "K2", "STATUS", ["益阳", "高新技术企业", 2025, 650, 2023]);
  });
});

describe("PLAN.* nested in built-in functions", () => {
  const hf = build([
    ["地区", "指标", "实际值"],
    ["益阳", "高新技术企业", 470],
    ["火星", "高新技术企业", 1],
    [
      "=PLAN.TARGET(A2,B2,2025)",
      '=IFERROR(PLAN.TARGET(A2,B2,2025),"")',
      '=IFERROR(PLAN.TARGET(A3,B3,2025),"")',
      "=PLAN.TARGET(A2,B2,2025)-C2",
      '=ROUND(PLAN.PROGRESS("益阳","高新技术企业",2025,470,2023),3)',
      '=IF(PLAN.STATUS(A2,B2,2025,C2,2023)="进度滞后","需关注","")',
      '=PLAN.TARGET(A2,B2,2025,"万家")',
      "=ISNA(PLAN.TARGET(A3,B3,2025))",
      '=PLAN.TARGET(A2,B2)&PLAN.INFO(A2,B2,2025,"单位")',
    ],
  ]);

  test("each equals the same built-in applied to run()'s value", () => {
    const target = value("TARGET", ["益阳", "高新技术企业", 2025]) as number;
    const progress = value("PROGRESS", ["益阳", "高新技术企业", 2025, 470, 2023]) as number;
    expect(at(hf, "A4")).toBe(target);
    expect(at(hf, "B4")).toBe(target);
    expect(at(hf, "C4")).toBe("");
    expect(at(hf, "D4")).toBe(target - 470);
    expect(at(hf, "E4")).toBe(Math.round(progress * 1000) / 1000);
    expect(at(hf, "E4")).toBeCloseTo(0.549, 3);
    expect(at(hf, "F4")).toBe(
      value("STATUS", ["益阳", "高新技术企业", 2025, 470, 2023]) === "进度滞后" ? "需关注" : "",
    );
    expect(at(hf, "F4")).toBe("需关注");
    expectRun(hf, "G4", "TARGET", ["益阳", "高新技术企业", 2025, "万家"]);
    expect(at(hf, "H4")).toBe(true);
    expect(at(hf, "I4")).toBe(
      `${value("TARGET", ["益阳", "高新技术企业"])}${value("INFO", ["益阳", "高新技术企业", 2025, "单位"])}`,
    );
  });
});

describe("spilled tables", () => {
  const list = value("LIST", ["益阳"]) as (string | number)[][];
  const search = value("SEARCH", ["高企"]) as (string | number)[][];
  const h = list.length;
  const w = list[0].length;
  const firstFree = 3 + h + 1; // row after the spill
  const hf = build([
    ["益阳", "高新技术企业"],
    ['=PLAN.LIST("益阳")'], // A2 spills A2:J(1+h)
    ...Array.from({ length: h + 1 }, () => []),
    [
      `=COUNTA(A2:J${1 + h})`,
      `=INDEX(A2:J${1 + h},7,3)`,
      `=C${2 + 6}`,
      `=INDEX(C2:C${1 + h},MATCH(B1,A2:A${1 + h},0))`,
      "=INDEX(PLAN.LIST(A1),2,1)",
      "=COUNTA(PLAN.LIST(A1))",
      '=ROWS(PLAN.SEARCH("高企"))',
      "=PLAN.LIST(A1)",
    ],
    ['=PLAN.SEARCH("高企")'],
  ]);
  const row = firstFree;

  test('=PLAN.LIST("益阳") spills run()\'s table', () => {
    const spilled = hf.getRangeValues({
      start: { sheet: 0, row: 1, col: 0 },
      end: { sheet: 0, row: h, col: w - 1 },
    });
    expect(spilled).toEqual(list);
    expect(list[0][0]).toBe("指标");
  });

  test("other formulas read the spill range", () => {
    expect(at(hf, `A${row}`)).toBe(h * w); // every cell of the table, "" included, as in Excel
    expect(at(hf, `B${row}`)).toEqual(list[6][2]);
    expect(at(hf, `C${row}`)).toEqual(list[6][2]);
    const idx = list.findIndex((r) => r[0] === "高新技术企业");
    expect(at(hf, `D${row}`)).toEqual(list[idx][2]);
    expect(at(hf, `D${row}`)).toBe(value("TARGET", ["益阳", "高新技术企业", 2025]));
    expect(at(hf, `D${row}`)).toBe(600);
  });

  test("nested, a table from cell-reference arguments works", () => {
    expect(at(hf, `E${row}`)).toEqual(list[1][0]);
    expect(at(hf, `F${row}`)).toBe(h * w);
    expect(at(hf, `G${row}`)).toBe(search.length);
  });

  test("at the top level with cell-reference arguments the size is unknowable at parse time: one #VALUE!", () => {
    expect((at(hf, `H${row}`) as DetailedCellError).type).toBe("VALUE");
  });

  test("=PLAN.SEARCH spills run()'s table, formulas included", () => {
    const spilled = hf.getRangeValues({
      start: { sheet: 0, row, col: 0 },
      end: { sheet: 0, row: row + search.length - 1, col: search[0].length - 1 },
    });
    expect(spilled).toEqual(search);
  });

  test("a blocked spill is #SPILL!, not a truncated table", () => {
    const blocked = build([['=PLAN.LIST("益阳")'], [null, "占位"]]);
    expect((at(blocked, "A1") as DetailedCellError).type).toBe("SPILL");
  });

  test("a failed table is one error with run()'s message", () => {
    const failed = build([['=PLAN.LIST("火星")'], ['=PLAN.SEARCH("没有这样的指标xyz")']]);
    expectRun(failed, "A1", "LIST", ["火星"]);
    expectRun(failed, "A2", "SEARCH", ["没有这样的指标xyz"]);
  });
});

describe("bad input reaches the runner and gets its answer", () => {
  const hf = build([
    ["益阳", "高新技术企业", true, 1e300, "益".repeat(10_000)],
    [
      "=PLAN.TARGET(C1,B1,2025)",
      "=PLAN.LIST(A1:B1)",
      '=PLAN.TARGET(A1,B1,2025,"万",1,2)',
      "=PLAN.TARGET(A1)",
      "=PLAN.TARGET()",
      "=PLAN.PROGRESS(A1,B1,2025,D1,2023)",
      "=PLAN.TARGET(E1,B1,2025)",
      '=PLAN.TARGET(A1,B1,"2025年")',
      "=PLAN.TARGET(A1,B1,,)",
      "=PLAN.TARGET(A1,B1,Z9)",
      "=PLAN.TARGET(1/0,B1)",
    ],
  ]);
  test.each([
    ["A2", "TARGET", [true, "高新技术企业", 2025]],
    ["B2", "LIST", [[["益阳", "高新技术企业"]]]],
    ["C2", "TARGET", ["益阳", "高新技术企业", 2025, "万", 1, 2]],
    ["D2", "TARGET", ["益阳"]],
    ["E2", "TARGET", []],
    ["F2", "PROGRESS", ["益阳", "高新技术企业", 2025, 1e300, 2023]],
    ["G2", "TARGET", ["益".repeat(10_000), "高新技术企业", 2025]],
    ["H2", "TARGET", ["益阳", "高新技术企业", "2025年"]],
    ["I2", "TARGET", ["益阳", "高新技术企业", null, null]],
    ["J2", "TARGET", ["益阳", "高新技术企业", null]],
  ])("%s: PLAN.%s", (a1, id, args) => {
    expectRun(hf, a1, id, args);
  });

  test("an error in an argument propagates, as with Excel's own functions", () => {
    expect((at(hf, "K2") as DetailedCellError).type).toBe("DIV_BY_ZERO");
  });
});
