// The Excel face: every custom function, called the way Excel calls it, must answer exactly what the runner
// answers — its value, or a CustomFunctions.Error with the runner's code and Chinese message.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS, type FunctionId } from "../../src/core/functions/functions";
import { evaluate, type Evaluation } from "../../src/core/functions/lift";
import { run, type Outcome } from "../../src/core/functions/runner";
import * as wrappers from "../../src/functions/functions";
import { PERCENT_FORMAT, plainArg, present, supportsFormattedNumbers } from "../../src/functions/excel";

/** Stand-in for the CustomFunctions global of the Office runtime. */
class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const associate = jest.fn();
let formattedNumbers = false;
const isSetSupported = jest.fn(
  (name: string, version?: string) =>
    formattedNumbers && name === "CustomFunctionsRuntime" && version === "1.4",
);
Object.assign(globalThis, {
  CustomFunctions: {
    Error: StubError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
    associate,
  },
  Office: { context: { requirements: { isSetSupported } } },
});

const FUNCTIONS_TS = resolve(__dirname, "../../src/functions/functions.ts");
const CJK = /[\u4e00-\u9fff]/;

/** The wrapper for each id, found through the ids the metadata generator assigns (as Excel will). */
let byId: Record<string, (...args: unknown[]) => unknown>;
let associations: { functionName: string; id: string; sourceFileName: string }[];
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
  expect(generated.errors).toEqual([]);
  associations = generated.associate;
  const exported = wrappers as unknown as Record<string, (...args: unknown[]) => unknown>;
  byId = Object.fromEntries(associations.map((a) => [a.id, exported[a.functionName]]));
});
beforeEach(() => {
  formattedNumbers = false;
});

type Result = { ok: true; value: unknown } | { ok: false; code: string; message: string };
function callWrapper(id: string, args: unknown[]): Result {
  try {
    return { ok: true, value: byId[id](...args) };
  } catch (e) {
    if (!(e instanceof StubError))
      throw new Error(`PLAN.${id} threw something else than CustomFunctions.Error: ${e}`);
    return { ok: false, code: e.code, message: e.message ?? "" };
  }
}

/** Functions that return one value answer Excel a 1×1 matrix (their results are declared matrices: ranges). */
const single = (id: string, v: unknown) =>
  FUNCTIONS.find((f) => f.id === id)?.result === "matrix" ? v : [[v]];

/** What Excel gets for one element of a lifted call. */
const cellOf = (o: Outcome) => (o.ok ? o.value : new StubError(o.error, o.message));

function expectSame(id: string, args: unknown[], expected: Evaluation = evaluate(id, args)) {
  const got = callWrapper(id, args);
  if (Array.isArray(expected)) {
    expect(got).toEqual({ ok: true, value: expected.map((row) => row.map(cellOf)) });
  } else if (expected.ok) {
    expect(got).toEqual({ ok: true, value: single(id, expected.value) });
  } else {
    expect(got).toEqual({ ok: false, code: expected.error, message: expected.message });
    expect(got.ok === false && CJK.test(got.message)).toBe(true);
  }
}

const GOOD: Record<FunctionId, unknown[][]> = {
  TARGET: [
    ["益阳", "高新技术企业", 2025],
    ["益阳", "高新技术企业", 2025, null],
    ["益阳", "高新技术企业", null, null],
    ["中山", "R&D经费投入强度", 2020, "%"],
    ["益阳", "研发经费投入强度", "2025", null],
  ],
  BASELINE: [
    ["益阳", "高新技术企业", null, null],
    ["益阳", "每万人口发明专利拥有量", 2025, null],
  ],
  INFO: [
    ["益阳", "高新技术企业", 2025, "单位"],
    ["益阳", "高新技术企业", 2025, "原文"],
    ["益阳", "高新技术企业", 2025, "base_year"],
  ],
  EXPECTED: [["益阳", "高新技术企业", 2025, 2023]],
  PROGRESS: [
    ["益阳", "高新技术企业", 2025, 470, 2023],
    ["益阳", "研发经费投入强度", 2025, 2.1, 2023],
  ],
  VARIANCE: [["益阳", "高新技术企业", 2025, 470, 2023]],
  STATUS: [
    ["益阳", "高新技术企业", 2025, 470, 2023],
    ["益阳", "高新技术企业", 2025, 700, 2024],
    ["益阳", "高新技术企业", 2025, null, 2023],
  ],
  REQUIRED_RATE: [["益阳", "高新技术企业", 2025, 470, 2023]],
  FORECAST: [["益阳", "高新技术企业", 2025, 470, 2023]],
  OUTLOOK: [
    ["益阳", "高新技术企业", 2025, 470, 2023],
    ["益阳", "高新技术企业", 2025, 700, 2024],
  ],
  LIST: [
    ["益阳", null],
    ["益阳", 2025],
  ],
  SEARCH: [
    ["高企", null],
    ["研发", "中山"],
  ],
};

const LONG = "益".repeat(10_000);
/** Values Excel can hand to any parameter that a statistician did not mean. */
const BAD_VALUES: unknown[] = [
  null,
  undefined,
  "",
  "   ",
  true,
  false,
  [
    [1, 2],
    [3, 4],
  ],
  [["益阳", "中山"]],
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER,
  0,
  -1,
  2025.5,
  LONG,
  "火星",
  "不存在的指标",
  "#N/A",
  { type: "Error", errorType: "NotAvailable", basicValue: "#N/A" },
];

describe("every PLAN function answers what run() answers", () => {
  test("each id of the table has exactly one wrapper", () => {
    expect(Object.keys(byId).sort()).toEqual(FUNCTIONS.map((f) => f.id).sort());
    for (const f of FUNCTIONS) expect(typeof byId[f.id]).toBe("function");
  });

  test.each(FUNCTIONS.map((f) => f.id))("PLAN.%s with good arguments", (id) => {
    for (const args of GOOD[id as FunctionId]) {
      const outcome = run(id, args);
      expect(outcome.ok).toBe(true);
      expectSame(id, args, outcome);
    }
  });

  test.each(FUNCTIONS.map((f) => f.id))("PLAN.%s with bad arguments in every position", (id) => {
    const good = GOOD[id as FunctionId][0];
    const spec = FUNCTIONS.find((f) => f.id === id)!;
    let failures = 0;
    for (let i = 0; i < spec.params.length; i++) {
      for (const bad of BAD_VALUES) {
        const args = [...good];
        while (args.length < spec.params.length) args.push(null);
        args[i] = bad;
        const result = evaluate(id, args);
        const cells = Array.isArray(result) ? result.flat() : [result];
        if (cells.some((o) => !o.ok)) failures++;
        expectSame(id, args, result);
      }
    }
    expect(failures).toBeGreaterThan(spec.params.length); // the bad values really were bad
  });

  test.each(FUNCTIONS.map((f) => f.id))("PLAN.%s with nothing, nulls, booleans only", (id) => {
    const n = FUNCTIONS.find((f) => f.id === id)!.params.length;
    for (const fill of [undefined, null, true, 10_000, LONG]) {
      const args = Array.from({ length: n }, () => fill);
      const outcome = run(id, args);
      expect(outcome.ok).toBe(false);
      expectSame(id, args, outcome);
    }
  });

  test("1×1 ranges are single values; bigger ranges give one result per cell, errors in place", () => {
    expectSame(
      "TARGET",
      [[["益阳"]], [["高新技术企业"]], [[2025]], [[null]]],
      run("TARGET", ["益阳", "高新技术企业", 2025]),
    );
    const r = callWrapper("TARGET", [[["益阳", "火星"]], [["高新技术企业"]], [[2025]], null]);
    const yiyang = run("TARGET", ["益阳", "高新技术企业", 2025]);
    const mars = run("TARGET", ["火星", "高新技术企业", 2025]);
    if (!yiyang.ok || mars.ok) throw new Error("expected 益阳 found and 火星 not");
    expect(r).toEqual({ ok: true, value: [[yiyang.value, new StubError("#N/A", mars.message)]] });
    // LIST and SEARCH return tables themselves: a range there is still one wrong value.
    expect(callWrapper("LIST", [[["益阳", "中山"]], null])).toMatchObject({ ok: false, code: "#VALUE!" });
  });

  test("errors carry #N/A for what is not in the plans and #VALUE! for malformed input", () => {
    expect(callWrapper("TARGET", ["火星", "高新技术企业", 2025, null])).toMatchObject({
      ok: false,
      code: "#N/A",
    });
    expect(callWrapper("TARGET", [true, "高新技术企业", 2025, null])).toMatchObject({
      ok: false,
      code: "#VALUE!",
    });
    const notFound = callWrapper("TARGET", ["火星", "高新技术企业", 2025, null]);
    expect(notFound.ok === false && notFound.message).toContain("火星");
    // The suggestions are part of the message already.
    const outcome = run("TARGET", ["火星", "高新技术企业", 2025]);
    if (outcome.ok) throw new Error("expected a failure");
    for (const s of outcome.suggestions) expect(notFound.ok === false && notFound.message).toContain(s);
  });

  test("Excel data types in arguments are read as their basic values; error values are rejected", () => {
    const asDouble = (v: number) => ({ type: "Double", basicValue: v, numberFormat: "0" });
    const asString = (v: string) => ({ type: "String", basicValue: v });
    const args = [asString("益阳"), asString("高新技术企业"), asDouble(2025), asDouble(470), asDouble(2023)];
    expectSame("PROGRESS", args, run("PROGRESS", ["益阳", "高新技术企业", 2025, 470, 2023]));
    const err = { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" };
    expect(plainArg(err)).toBe(err);
    const r = callWrapper("PROGRESS", ["益阳", "高新技术企业", 2025, err, 2023]);
    expect(r).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(r.ok === false && r.message).toContain("错误值");
  });
});

describe("percentages: PROGRESS and REQUIRED_RATE carry 0.0% where CustomFunctionsRuntime 1.4 is supported", () => {
  test("the decision is asked of the host at run time, with both answers", () => {
    const host = (answer: boolean) => ({ context: { requirements: { isSetSupported: () => answer } } });
    expect(supportsFormattedNumbers(host(true))).toBe(true);
    expect(supportsFormattedNumbers(host(false))).toBe(false);
    expect(supportsFormattedNumbers(undefined)).toBe(false);
    expect(supportsFormattedNumbers({})).toBe(false);
    const throwing = {
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("not initialized");
          },
        },
      },
    };
    expect(supportsFormattedNumbers(throwing)).toBe(false);
    formattedNumbers = true;
    expect(supportsFormattedNumbers()).toBe(true);
    expect(isSetSupported).toHaveBeenLastCalledWith("CustomFunctionsRuntime", "1.4");
    formattedNumbers = false;
    expect(supportsFormattedNumbers()).toBe(false);
  });

  test("present() with both answers", () => {
    expect(present(0.549, { percent: true }, true)).toEqual({
      type: "Double",
      basicValue: 0.549,
      numberFormat: "0.0%",
    });
    expect(present(0.549, { percent: true }, false)).toBe(0.549);
    expect(present(600, { percent: false }, true)).toBe(600);
    expect(present("进度滞后", { percent: true }, true)).toBe("进度滞后");
  });

  test.each(["PROGRESS", "REQUIRED_RATE"])("PLAN.%s in both kinds of host", (id) => {
    const args = ["益阳", "高新技术企业", 2025, 470, 2023];
    const outcome = run(id, args);
    if (!outcome.ok) throw new Error(outcome.message);
    formattedNumbers = false;
    expect(callWrapper(id, args)).toEqual({ ok: true, value: [[outcome.value]] });
    formattedNumbers = true;
    expect(callWrapper(id, args)).toEqual({
      ok: true,
      value: [[{ type: "Double", basicValue: outcome.value, numberFormat: PERCENT_FORMAT }]],
    });
    // Failures are errors in either host.
    expectSame(id, ["益阳", "高新技术企业", 2025, null, 2023]);
  });

  test.each([
    ["a share", ["益阳", "研发经费投入强度", 2025, 2.1, 2023], 0.2, '0.00"个百分点/年"'],
    ["a cumulative target", ["汕尾城区", "累计新引进大学生", 2026, 0.3, 2024], 0.1, '#,##0.00"万人/年"'],
  ])(
    "REQUIRED_RATE of %s carries its own unit, not a percent (issue 26)",
    (_what, args, value, numberFormat) => {
      const outcome = run("REQUIRED_RATE", args);
      expect(outcome.ok && outcome.value).toBeCloseTo(value, 12);
      formattedNumbers = true;
      expect(callWrapper("REQUIRED_RATE", args)).toEqual({
        ok: true,
        value: [[{ type: "Double", basicValue: outcome.ok && outcome.value, numberFormat }]],
      });
    },
  );

  test("other functions never change shape", () => {
    formattedNumbers = true;
    expectSame("TARGET", ["益阳", "高新技术企业", 2025, null]);
    expectSame("VARIANCE", ["益阳", "高新技术企业", 2025, 470, 2023]);
    expectSame("LIST", ["益阳", null]);
  });
});

describe("registration", () => {
  test("the metadata plugin's loader associates every id with its exported wrapper", () => {
    // What custom-functions-metadata-plugin does at build time: append CustomFunctions.associate("ID", fn).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Plugin = require("custom-functions-metadata-plugin");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loader = require("custom-functions-metadata-plugin/lib/loader.js");
    Plugin.generateResults[FUNCTIONS_TS] = { associate: associations, errors: [], metadataJson: "" };
    const source = readFileSync(FUNCTIONS_TS, "utf8");
    const out: string = loader.call(
      { getOptions: () => ({ input: FUNCTIONS_TS, file: FUNCTIONS_TS }) },
      source,
    );
    const appended = out.slice(source.length);
    const names = associations.map((a) => a.functionName);
    const exported = wrappers as unknown as Record<string, unknown>;
    associate.mockClear();
    new Function("CustomFunctions", ...names, appended)(
      (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions,
      ...names.map((n) => exported[n]),
    );
    expect(associate).toHaveBeenCalledTimes(FUNCTIONS.length);
    for (const f of FUNCTIONS) {
      const call = associate.mock.calls.find(([id]) => id === f.id);
      expect(call).toBeDefined();
      expect(call![1]).toBe(byId[f.id]);
    }
  });
});
