// `plan eval` with ranges: a range is the nested array Excel passes; the value is one result per element,
// a failed element {"error","message"} in its place.
import { evalLine } from "../../src/cli/eval";
import { run } from "../../src/core/functions/runner";

const line = (fn: string, args: unknown[]) => JSON.parse(evalLine(JSON.stringify({ fn, args })));

test("a column of indicators: values and in-place errors, in the range's shape", () => {
  const out = line("TARGET", ["益阳", [["高新技术企业"], ["火星指标"], ["研发经费投入强度"]], 2025]);
  const mars = run("TARGET", ["益阳", "火星指标", 2025]);
  if (mars.ok) throw new Error("火星指标 should not be found");
  expect(out).toEqual({
    value: [
      [600],
      [
        mars.suggestions.length
          ? { error: "#N/A", message: mars.message, suggestions: mars.suggestions }
          : { error: "#N/A", message: mars.message },
      ],
      [(run("TARGET", ["益阳", "研发经费投入强度", 2025]) as { value: number }).value],
    ],
  });
});

test("an element without suggestions carries error and message only", () => {
  const out = line("STATUS", ["益阳", "高新技术企业", 2025, [[470, "很多"]], 2023]);
  expect(out.value[0][0]).toBe(
    (run("STATUS", ["益阳", "高新技术企业", 2025, 470, 2023]) as { value: string }).value,
  );
  expect(out.value[0][1]).toEqual({ error: "#VALUE!", message: expect.stringContaining("实际值") });
});

test("single values and 1×1 ranges answer as before", () => {
  expect(line("TARGET", ["益阳", "高新技术企业", 2025])).toEqual({ value: 600 });
  expect(line("TARGET", [[["益阳"]], [["高新技术企业"]], [[2025]]])).toEqual({ value: 600 });
});
