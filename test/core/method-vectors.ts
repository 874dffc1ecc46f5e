// The methodology vectors (fixtures/method-vectors.json): their shape, and the catalog each is judged against.
// Checked against the functions and HyperFormula (test/shared/differential.test.ts) and against LibreOffice
// (test/report/method-vectors-libreoffice.test.ts).
import { bundledCatalog, type Catalog } from "../../src/core/catalog/catalog";
import { catalogWith, type Mutation } from "../shared/helpers";
import vectorFile from "./fixtures/method-vectors.json";

export interface MethodVector {
  kind: string;
  target: string;
  call: [string, string, number];
  actual: number;
  year: number;
  documentedBaseline?: number;
  /** A direction given to the target for the test, as if the plan stated a limit (控制在…以下). */
  documentedDirection?: "higher" | "lower";
  /** A 属性 given to the target for the test, as if the plan stated it (【约束性】). */
  documentedAttribute?: "约束性" | "预期性";
  status: string;
  elapsed: number;
  expected: number | null;
  completion: number | null;
  variance: number | null;
  requiredRate: number | null;
  /** The number format of the 需年均增速 cell, where it says a unit other than a rate (个百分点/年, 万人/年). */
  requiredFormat?: string;
  why?: string;
  source: string;
}

export const VECTORS = vectorFile.vectors as MethodVector[];
export const FIGURES = ["elapsed", "expected", "completion", "variance", "requiredRate"] as const;

/** Within 1e-8 relative; null only for null. */
export const close = (got: unknown, want: number | null) =>
  want === null
    ? got === null
    : typeof got === "number" && Math.abs(got - want) <= 1e-8 * Math.max(1, Math.abs(want));

/** What the vector changes in its target (baseline, direction, 属性), as if the plan stated it: "" when nothing (the bundled catalog). */
export function variantKey(v: MethodVector): string {
  const { documentedBaseline: b, documentedDirection: d, documentedAttribute: a } = v;
  if (b === undefined && d === undefined && a === undefined) return "";
  return `${v.target}|${b ?? ""}|${d ?? ""}|${a ?? ""}`;
}

/** The catalog the vector is judged against: the bundled one, with its documented baseline or direction. */
export function vectorCatalog(v: MethodVector): Catalog {
  const m: Mutation[] = [];
  if (v.documentedBaseline !== undefined)
    m.push({ kind: "baseline", target: v.target, value: v.documentedBaseline });
  if (v.documentedDirection !== undefined)
    m.push({ kind: "direction", target: v.target, direction: v.documentedDirection });
  if (v.documentedAttribute !== undefined)
    m.push({ kind: "attribute", target: v.target, attribute: v.documentedAttribute });
  return m.length ? catalogWith(...m) : bundledCatalog();
}
