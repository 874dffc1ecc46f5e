// functions.json (generated from the JSDoc of src/functions/functions.ts by the same API the webpack plugin
// uses) and the zh-CN file derived from it must describe exactly the function table.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTIONS, type FunctionSpec } from "../../src/core/functions/functions";
import { functionsModule } from "../../scripts/functions-module";
import { localizeMetadata, type CfFunction, type CfMetadata } from "../../scripts/addin-build";

const FUNCTIONS_TS = resolve(__dirname, "../../src/functions/functions.ts");
let meta: CfMetadata;
let zh: CfMetadata;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_TS);
  expect(generated.errors).toEqual([]);
  meta = JSON.parse(generated.metadataJson);
  zh = localizeMetadata(meta);
});

const spec = (id: string): FunctionSpec => {
  const s = FUNCTIONS.find((f) => f.id === id);
  if (!s) throw new Error(`${id} is not in the table`);
  return s;
};
const CJK = /[\u4e00-\u9fff]/;

describe("functions.json", () => {
  test("src/functions/functions.ts is generated from the table and current (npx tsx scripts/functions-module.ts)", () => {
    expect(readFileSync(FUNCTIONS_TS, "utf8")).toBe(functionsModule());
  });

  test("same ids as the table, in its order", () => {
    expect(meta.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const f of meta.functions) expect(f.name).toBe(f.id);
  });

  test("same parameters: count, names, optional flags, descriptions; all any, matrices where lifted", () => {
    for (const f of meta.functions) {
      const s = spec(f.id);
      expect(f.parameters.map((p) => p.name)).toEqual(s.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(s.params.map((p) => Boolean(p.optional)));
      expect(f.parameters.map((p) => p.description)).toEqual(s.params.map((p) => p.description));
      for (const p of f.parameters) {
        expect(p.type).toBe("any");
        // Functions of one value take ranges whole (core/lift.ts lifts them); LIST and SEARCH take values.
        expect(p.dimensionality).toBe(s.result === "matrix" ? undefined : "matrix");
      }
    }
  });

  test("function descriptions are the table's", () => {
    for (const f of meta.functions) expect(f.description).toBe(spec(f.id).description);
  });

  test("result types follow the table; every result is a matrix (a spill); percent results may be data types", () => {
    const expected = (s: FunctionSpec) =>
      s.result === "matrix" || s.percent || s.result === "any"
        ? { dimensionality: "matrix" }
        : { dimensionality: "matrix", type: s.result === "text" ? "string" : "number" };
    for (const f of meta.functions) expect(f.result).toEqual(expected(spec(f.id)));
    expect(meta.allowCustomDataForDataTypeAny).toBe(true);
  });

  test("no options that would change how Excel calls them (not volatile, not streaming)", () => {
    for (const f of meta.functions) expect(f.options).toBeUndefined();
  });
});

describe("functions-zh-CN.json", () => {
  const strip = (f: CfFunction) => ({
    ...f,
    description: undefined,
    parameters: f.parameters.map((p) => ({ ...p, name: undefined, description: undefined })),
  });

  test("same ids and parameter counts as the table and as functions.json", () => {
    expect(zh.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    for (const f of zh.functions) expect(f.parameters).toHaveLength(spec(f.id).params.length);
    expect(zh.functions.map((f) => f.parameters.length)).toEqual(
      meta.functions.map((f) => f.parameters.length),
    );
  });

  test("Chinese descriptions and parameter names from the table", () => {
    for (const f of zh.functions) {
      const s = spec(f.id);
      expect(f.description).toBe(s.zhDescription);
      expect(f.parameters.map((p) => p.name)).toEqual(s.params.map((p) => p.zhName));
      expect(f.parameters.map((p) => p.description)).toEqual(s.params.map((p) => p.zhDescription));
      expect(CJK.test(f.description ?? "")).toBe(true);
      for (const p of f.parameters) expect(CJK.test(p.name)).toBe(true);
    }
  });

  test("everything else is unchanged: function names (PLAN.TARGET everywhere), types, optional flags, results", () => {
    expect(zh.functions.map(strip)).toEqual(meta.functions.map(strip));
    expect(zh.allowCustomDataForDataTypeAny).toBe(meta.allowCustomDataForDataTypeAny);
  });

  test("a disagreement between functions.json and the table fails the build", () => {
    const renamed = structuredClone(meta);
    renamed.functions[0].parameters[0].name = "place";
    expect(() => localizeMetadata(renamed)).toThrow(/parameter 1 is "place"/);
    const dropped = structuredClone(meta);
    dropped.functions.pop();
    expect(() => localizeMetadata(dropped)).toThrow(/lacks SEARCH/);
    const extra = structuredClone(meta);
    extra.functions.push({ ...extra.functions[0], id: "EXTRA" });
    expect(() => localizeMetadata(extra)).toThrow(/EXTRA is not in the function table/);
    const shorter = structuredClone(meta);
    shorter.functions[0].parameters.pop();
    expect(() => localizeMetadata(shorter)).toThrow(/TARGET: 3 parameters/);
  });
});
