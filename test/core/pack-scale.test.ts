// Pack import stays linear in the number of new indicator names and targets: the work per name (facet keys,
// name readings, normalizations) is counted, not timed. A lookup per name that scans the names added so far
// (issue 24: out.indicators.find calling facetKey) makes the count per name grow with the pack.
import * as meaning from "../../src/core/resolve/meaning";
import * as text from "../../src/core/catalog/text";
import { validatePack, type PlanPack } from "../../src/core/packs/pack";
import { buildCatalogWithPacks } from "../../src/core/packs/pack-import";
import { scalePack } from "../../bench/pack-scale";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { TargetFields } from "../../src/core/catalog/schema";

function validated(targets: number, indicators: number): PlanPack {
  const v = validatePack(scalePack(targets, indicators));
  if (!v.ok) throw new Error(v.errors.join("\n"));
  return v.pack;
}

/** Calls of the per-name functions while importing a pack of n new names and 5n targets. */
function callsFor(n: number): Record<string, number> {
  const pack = validated(5 * n, n);
  const spies = {
    facetKey: jest.spyOn(meaning, "facetKey"),
    parseName: jest.spyOn(meaning, "parseName"),
    normalizeIndicator: jest.spyOn(text, "normalizeIndicator"),
    toSimplified: jest.spyOn(text, "toSimplified"),
  };
  const { catalog, report } = buildCatalogWithPacks([pack]);
  expect(report.errors).toEqual([]);
  expect(catalog.targets.filter((t) => t.plan.pack).length).toBe(5 * n);
  const counts = Object.fromEntries(Object.entries(spies).map(([k, s]) => [k, s.mock.calls.length]));
  jest.restoreAllMocks();
  return counts;
}

describe("pack import at scale", () => {
  it("does the same work for each new indicator name, however many the pack has", () => {
    buildCatalogWithPacks([validated(100, 20)]); // the bundled catalog, built once, outside the counts
    const [a, b, c] = [100, 200, 400].map(callsFor);
    for (const k of Object.keys(a)) {
      expect({ [k]: c[k] - b[k] }).toEqual({ [k]: 2 * (b[k] - a[k]) });
      // A handful of calls per name (a quadratic import made 100s per name at 400 names).
      expect((c[k] - b[k]) / 200).toBeLessThanOrEqual(6);
    }
  });

  it("converts each distinct name once, not once per target (labels are shared)", () => {
    buildCatalogWithPacks([validated(100, 20)]);
    const few = callsFor(100);
    // 500 targets over 100 names: conversions grow with names; a call per target would be ≥ 500.
    expect(few.toSimplified).toBeLessThan(500);
  });
});

describe("catalog targets", () => {
  it("carry every field of the schema (the catalog writes each record out field by field)", () => {
    const imported = buildCatalogWithPacks([validated(100, 20)]).catalog.targets.at(-1)!;
    for (const t of [bundledCatalog().targets[0], imported])
      expect(Object.keys(TargetFields.shape).filter((k) => !(k in t))).toEqual([]);
  });
});
