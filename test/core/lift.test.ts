// Ranges as arguments (src/core/functions/lift.ts): one result per element, in the arguments' shape, each element
// exactly what run() answers for it; Excel's broadcasting for single values, rows and columns.
import { evaluate, MAX_LIFTED_CELLS } from "../../src/core/functions/lift";
import { run, type Outcome } from "../../src/core/functions/runner";

const grid = (id: string, args: unknown[]): Outcome[][] => {
  const r = evaluate(id, args);
  if (!Array.isArray(r)) throw new Error(`PLAN.${id} was not lifted: ${JSON.stringify(r)}`);
  return r;
};
const fail = (o: Outcome) => {
  if (o.ok) throw new Error(`expected a failure, got ${JSON.stringify(o.value)}`);
  return o;
};

test("without a range, or with 1×1 ranges only, evaluate() is run()", () => {
  const args = ["益阳", "高新技术企业", 2025];
  expect(evaluate("TARGET", args)).toEqual(run("TARGET", args));
  expect(evaluate("TARGET", [[["益阳"]], [["高新技术企业"]], [[2025]]])).toEqual(run("TARGET", args));
  expect(evaluate("TARGET", [["益阳"], "高新技术企业", 2025])).toEqual(run("TARGET", args));
});

test("a column of indicators gives a column of targets, each element run()'s answer, errors in place", () => {
  const labels = ["高新技术企业", "研发经费投入强度", "火星指标", null];
  const g = grid("TARGET", ["益阳", labels.map((l) => [l]), 2025]);
  expect(g).toHaveLength(4);
  g.forEach((row, i) => expect(row).toEqual([run("TARGET", ["益阳", labels[i], 2025])]));
  expect(g[0][0]).toEqual({ ok: true, value: 600 });
  expect(fail(g[2][0]).error).toBe("#N/A");
  expect(fail(g[3][0]).message).toContain("缺少参数“指标”");
});

test("every argument can be the range: region, year, actual, unit", () => {
  const byRegion = grid("TARGET", [[["益阳"], ["中山"]], "高新技术企业", 2025]);
  expect(byRegion.map((r) => r[0])).toEqual([
    run("TARGET", ["益阳", "高新技术企业", 2025]),
    run("TARGET", ["中山", "高新技术企业", 2025]),
  ]);
  const byYear = grid("TARGET", ["益阳", "高新技术企业", [[2025, 2031]]]);
  expect(byYear[0][1]).toEqual(run("TARGET", ["益阳", "高新技术企业", 2031]));
  const byActual = grid("STATUS", ["益阳", "高新技术企业", 2025, [[300], [470], ["470家"], [null]], 2023]);
  expect(byActual.map((r) => r[0])).toEqual(
    [300, 470, "470家", null].map((a) => run("STATUS", ["益阳", "高新技术企业", 2025, a, 2023])),
  );
});

test("a row broadcasts down a column: the result is rows × columns of both", () => {
  const g = grid("TARGET", [[["益阳"], ["中山"]], [["高新技术企业", "研发经费投入强度"]], 2025]);
  expect(g.map((r) => r.length)).toEqual([2, 2]);
  expect(g[1][1]).toEqual(run("TARGET", ["中山", "研发经费投入强度", 2025]));
  expect(g[0][1]).toEqual(run("TARGET", ["益阳", "研发经费投入强度", 2025]));
});

test("ranges of different lengths: #N/A where the shorter one has no element, as Excel does", () => {
  const g = grid("PROGRESS", [
    "益阳",
    [["高新技术企业"], ["研发经费投入强度"], ["每万人口发明专利拥有量"]],
    2025,
    [[470], [2.1]],
    2023,
  ]);
  expect(g).toHaveLength(3);
  expect(g[1][0]).toEqual(run("PROGRESS", ["益阳", "研发经费投入强度", 2025, 2.1, 2023]));
  const e = fail(g[2][0]);
  expect(e.error).toBe("#N/A");
  expect(e.message).toBe(
    "区域大小不一致:参数“实际值”为 2 行 × 1 列,结果为 3 行 × 1 列;第 3 行第 1 列没有对应的“实际值”",
  );
});

test("a ragged or empty array is one #VALUE! naming the argument", () => {
  const ragged = evaluate("TARGET", ["益阳", [["高新技术企业"], ["研发经费投入强度", "x"]], 2025]);
  expect(ragged).toMatchObject({ ok: false, error: "#VALUE!" });
  expect(!Array.isArray(ragged) && !ragged.ok && ragged.message).toContain("参数“指标”不是矩形区域");
  expect(evaluate("TARGET", [[], "高新技术企业", 2025])).toMatchObject({ ok: false, error: "#VALUE!" });
});

test("a whole-column reference is refused with advice, not computed a million times", () => {
  const column = Array.from({ length: MAX_LIFTED_CELLS + 1 }, () => ["高新技术企业"]);
  const r = evaluate("TARGET", ["益阳", column, 2025]);
  expect(r).toMatchObject({ ok: false, error: "#VALUE!" });
  expect(!Array.isArray(r) && !r.ok && r.message).toContain("B5:B20");
});

test("LIST and SEARCH return tables themselves: a range there is refused as before", () => {
  const r = evaluate("LIST", [[["益阳", "中山"]]]);
  expect(r).toEqual(run("LIST", [[["益阳", "中山"]]]));
  expect(r).toMatchObject({ ok: false, error: "#VALUE!" });
});

test("an unknown function with a range is run()'s own error", () => {
  expect(evaluate("NOPE", [[["a"], ["b"]]])).toEqual(run("NOPE", [[["a"], ["b"]]]));
});
