// The unsaid-qualifier rule as a property over generated plans: a region whose plan has some tiers of an
// institution (国家级/省级/市级以上 重点实验室 …), each with its own figure. The bare name (no tier) gives the
// one target when the plan has one tier of it, and is refused with every tier as a choice when it has more;
// a stated tier gives its own target or a refusal, never another tier's number.
import fc from "fast-check";
import { validatePack } from "../../src/core/packs/pack";
import { buildCatalogWithPacks } from "../../src/core/packs/pack-import";
import { Resolver } from "../../src/core/resolve/resolver";
import { PlanError } from "../../src/core/errors";

const SUBJECTS = ["重点实验室", "工程技术研究中心", "新型研发机构"];
const TIERS = ["国家级", "省级", "市级以上"];

interface Drawn {
  subject: string;
  tiers: string[];
}

function packOf(drawn: Drawn[]) {
  const targets = drawn.flatMap((d, i) =>
    d.tiers.map((tier, j) => ({
      id: `t${i}-${j}`,
      region: "shilixian",
      indicator: `i${i}_${j}`,
      unit: "家",
      value: 10 * (i + 1) + j + 1,
      comparison: "at_least",
      kind: "level",
      targetYear: 2030,
      quote: `到2030年,${tier}${d.subject}达到${10 * (i + 1) + j + 1}家`,
    })),
  );
  const json = {
    format: "plan-pack",
    version: 1,
    id: "unsaid-property",
    name: "示例县规划(生成)",
    source: "生成的测试规划",
    regions: [{ id: "shilixian", name: "示例县", fullName: "示例省示例县", kind: "district", aliases: [] }],
    indicators: drawn.flatMap((d, i) =>
      d.tiers.map((tier, j) => ({ id: `i${i}_${j}`, name: tier + d.subject })),
    ),
    plans: [
      {
        id: "p",
        title: "示例县科技规划",
        shortName: "示例县科技",
        issuer: "示例县人民政府",
        issued: "2026-03",
        region: "shilixian",
        period: { start: 2026, end: 2030 },
        baseYear: 2025,
        observations: [],
        targets,
      },
    ],
  };
  const v = validatePack(json);
  if (!v.ok) throw new Error(v.errors.join("; "));
  return new Resolver(buildCatalogWithPacks([v.pack]).catalog);
}

const outcome = (r: Resolver, name: string) => {
  try {
    return { value: r.target("示例县", name, 2030).threshold };
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    return { error: e.code, suggestions: e.suggestions };
  }
};

const drawn = fc.uniqueArray(
  fc.record({ subject: fc.constantFrom(...SUBJECTS), tiers: fc.subarray(TIERS, { minLength: 1 }) }),
  { selector: (d) => d.subject, minLength: 1, maxLength: 3 },
);

test("a bare name has one answer when the plan has one tier of it, and is refused with the choices otherwise", () => {
  fc.assert(
    fc.property(drawn, (ds) => {
      const r = packOf(ds);
      ds.forEach((d, i) => {
        const got = outcome(r, d.subject);
        if (d.tiers.length === 1) return expect(got).toEqual({ value: 10 * (i + 1) + 1 });
        expect(got).toMatchObject({ error: "#N/A" });
        const want = d.tiers.map((t) => t + d.subject).slice(0, 3);
        expect([...(got.suggestions ?? [])].sort()).toEqual(want.sort());
      });
    }),
    { numRuns: 200 },
  );
});

test("a stated tier gives that tier's target, or a refusal: never another tier's number", () => {
  fc.assert(
    fc.property(drawn, fc.constantFrom(...TIERS), (ds, tier) => {
      const r = packOf(ds);
      ds.forEach((d, i) => {
        const got = outcome(r, tier + d.subject);
        const j = d.tiers.indexOf(tier);
        if (j >= 0) expect(got).toEqual({ value: 10 * (i + 1) + j + 1 });
        else expect(got).toMatchObject({ error: "#N/A" });
      });
    }),
    { numRuns: 200 },
  );
});
