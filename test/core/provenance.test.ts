// Provenance of the bundled data: every figure is quoted verbatim from its seed, states the stored number,
// is claimed once, and the files pass the schema.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import regionsJson from "../../data/regions.json";
import indicatorsJson from "../../data/indicators.json";
import { Catalog, RAW_PLANS } from "../../src/core/catalog";
import { Indicator, Plan, Region, validateData, type Observation, type Target } from "../../src/core/schema";
import { toSimplified } from "../../src/core/text";
import { numbersIn, rangesIn, statesRange, statesValue } from "./numbers";

const ROOT = path.resolve(__dirname, "../..");
const SEEDS = path.join(ROOT, "seeds");
const SHARED_SEEDS = path.resolve(ROOT, "../shared/seeds");
const PLANS_DIR = path.join(ROOT, "data/plans");

const plans: Plan[] = readdirSync(PLANS_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => Plan.parse(JSON.parse(readFileSync(path.join(PLANS_DIR, f), "utf8"))));
const seedText = (file: string) => readFileSync(path.join(SEEDS, file)).toString("utf8");

type Rec = { plan: Plan; kind: "target" | "observation"; rec: Target | Observation };
const records: Rec[] = plans.flatMap((plan) => [
  ...plan.targets.map((rec) => ({ plan, kind: "target" as const, rec })),
  ...plan.observations.map((rec) => ({ plan, kind: "observation" as const, rec })),
]);
const allTargets = plans.flatMap((p) => p.targets);
const primaries = allTargets.filter((t) => t.restates === null);
const observations = plans.flatMap((p) => p.observations);

describe("the number extractor (test helper)", () => {
  it("reads ASCII and 全角 digits, decimals and 万/亿 scaling", () => {
    expect(numbersIn("人才资源总量达到14万人")).toContain(140000);
    expect(numbersIn("人才资源总量达到１４万人")).toContain(140000);
    expect(numbersIn("人才資源總量達到14萬人")).toContain(140000);
    expect(numbersIn("比重达到2.5%")).toContain(2.5);
    expect(numbersIn("比重达到２．５％")).toContain(2.5);
    expect(numbersIn("交易额达40亿元")).toContain(4e9);
    expect(numbersIn("达到0.5万人")).toContain(5000);
    expect(numbersIn("共3,500家")).toContain(3500);
    expect(numbersIn("超过12%,占生产总值比重")).toEqual([12]);
  });

  it("matches a value in its unit, or in a smaller unit", () => {
    expect(statesValue("全区人才资源总量达到14万人", 14, "万人")).toBe(true);
    expect(statesValue("全区人才资源总量达到14万人", 140000, "人")).toBe(true);
    expect(statesValue("全区人才资源总量达到14万人", 14, "人")).toBe(false);
    expect(statesValue("全区人才资源总量达到14万人", 15, "万人")).toBe(false);
    expect(statesValue("达到1650万元以上", 0.165, "亿元")).toBe(true);
  });

  it("reads ranges (both ends) and 翻番/倍增 as 2", () => {
    expect(rangesIn("培育2-3家10億元規模以上的骨幹企業")).toContainEqual([2, 3]);
    expect(statesRange("支持1-2个省级产业园区", 1, 2, "个")).toBe(true);
    expect(statesRange("支持1-2个省级产业园区", 1, 3, "个")).toBe(false);
    expect(statesRange("支持１－２个", 1, 2, "个")).toBe(true);
    expect(statesValue("经济总量实现翻番", 2, "倍")).toBe(true);
    expect(statesValue("科技型企业实现倍增", 2, "倍")).toBe(true);
    expect(statesValue("科技型企业实现增长", 2, "倍")).toBe(false);
  });
});

describe("seeds", () => {
  it("are byte-identical to ../shared/seeds", () => {
    const mine = readdirSync(SEEDS).sort();
    const shared = readdirSync(SHARED_SEEDS).sort();
    expect(mine).toEqual(shared);
    for (const f of mine) {
      const a = readFileSync(path.join(SEEDS, f));
      const b = readFileSync(path.join(SHARED_SEEDS, f));
      expect({ f, equal: a.equals(b) }).toEqual({ f, equal: true });
    }
  });

  it("each have exactly one plan file, and the catalog bundles every plan file", () => {
    const seeds = readdirSync(SEEDS).filter((f) => f.endsWith(".txt"));
    expect(plans.map((p) => p.file).sort()).toEqual(seeds.sort());
    const bundled = (RAW_PLANS as { id: string }[]).map((p) => p.id).sort();
    expect(bundled).toEqual(plans.map((p) => p.id).sort());
  });
});

describe("plans", () => {
  it.each(plans.map((p) => [p.id, p] as const))("%s records at least one decision", (_id, p) => {
    expect(p.decisions.length).toBeGreaterThanOrEqual(1);
    for (const d of p.decisions) expect(d.trim().length).toBeGreaterThan(0);
  });

  it("record ids are unique across all plans", () => {
    const ids = records.map((r) => r.rec.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });
});

describe("quotes", () => {
  it.each(records.map((r) => [r.rec.id, r] as const))("%s is a verbatim substring of its seed", (_id, r) => {
    expect(seedText(r.plan.file).includes(r.rec.quote)).toBe(true);
  });

  it.each(records.map((r) => [r.rec.id, r] as const))("%s states its number", (_id, r) => {
    const rec = r.rec;
    if (r.kind === "target" && (rec as Target).comparison === "range") {
      const t = rec as Target;
      expect({
        quote: t.quote,
        min: t.min,
        max: t.max,
        found: statesRange(t.quote, t.min!, t.max!, t.unit),
      }).toMatchObject({
        found: true,
      });
    } else {
      const value = (rec as Target | Observation).value as number;
      expect({
        quote: rec.quote,
        value,
        unit: rec.unit,
        found: statesValue(rec.quote, value, rec.unit),
      }).toMatchObject({
        found: true,
      });
    }
  });
});

describe("targets", () => {
  it("no two primary targets claim the same region+entity+indicator+year (per-year targets: every year)", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of primaries) {
      const years =
        t.kind === "per_year" && t.period
          ? Array.from({ length: t.period.end - t.period.start + 1 }, (_, i) => t.period!.start + i)
          : [t.targetYear];
      for (const y of years) {
        const k = `${t.region}|${t.entity ?? ""}|${t.indicator}|${y}`;
        const prev = seen.get(k);
        if (prev) clashes.push(`${prev} / ${t.id} @ ${k}`);
        else seen.set(k, t.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  const restating = allTargets.filter((t) => t.restates !== null);
  it("there are restatements to check", () => {
    expect(restating.length).toBeGreaterThan(0);
  });
  it.each(restating.map((t) => [t.id, t] as const))(
    "%s restates an existing primary target of the same region, indicator, year and value",
    (_id, t) => {
      const p = primaries.find((x) => x.id === t.restates);
      expect(p).toBeDefined();
      expect({ region: t.region, entity: t.entity, indicator: t.indicator, year: t.targetYear }).toEqual({
        region: p!.region,
        entity: p!.entity,
        indicator: p!.indicator,
        year: p!.targetYear,
      });
      expect({ value: t.value, min: t.min, max: t.max, unit: t.unit }).toEqual({
        value: p!.value,
        min: p!.min,
        max: p!.max,
        unit: p!.unit,
      });
    },
  );

  const withBaseline = allTargets.filter((t) => t.baseline !== null);
  it("there are baselines to check", () => {
    expect(withBaseline.length).toBeGreaterThan(0);
  });
  it.each(withBaseline.map((t) => [t.id, t] as const))(
    "%s: its baseline exists, for the same region and indicator, in the base year",
    (_id, t) => {
      const o = observations.find((x) => x.id === t.baseline);
      expect(o).toBeDefined();
      expect({ region: o!.region, indicator: o!.indicator, year: o!.year }).toEqual({
        region: t.region,
        indicator: t.indicator,
        year: t.baseYear,
      });
    },
  );
});

describe("schema", () => {
  it("validates regions, indicators and every plan; the catalog builds", () => {
    expect(() => z.array(Region).parse(regionsJson)).not.toThrow();
    expect(() => z.array(Indicator).parse(indicatorsJson)).not.toThrow();
    for (const raw of RAW_PLANS) expect(Plan.safeParse(raw).success).toBe(true);
    expect(() => validateData(RAW_PLANS, regionsJson, indicatorsJson)).not.toThrow();
    expect(() => new Catalog(RAW_PLANS, regionsJson, indicatorsJson)).not.toThrow();
  });

  it("every bundled name is already in simplified characters (the runtime skips OpenCC for them)", () => {
    const names = [
      ...(regionsJson as { name: string; fullName: string; aliases?: string[] }[]).flatMap((r) => [
        r.name,
        r.fullName,
        ...(r.aliases ?? []),
      ]),
      ...(indicatorsJson as { name: string; aliases?: string[] }[]).flatMap((i) => [
        i.name,
        ...(i.aliases ?? []),
      ]),
      ...allTargets.flatMap((t) => [t.label, t.entity ?? ""]),
    ];
    expect(names.filter((n) => toSimplified(n) !== n)).toEqual([]);
  });

  // The schema is the guard (tests and build): it must refuse a broken file rather than load it.
  type Mutation = (p: { targets: Record<string, unknown>[] }) => void;
  const invalid: [string, Mutation][] = [
    ["a target without a value", (p) => (p.targets[0].value = null)],
    ["a quote of one character", (p) => (p.targets[0].quote = "字")],
    ["a year out of range", (p) => (p.targets[0].targetYear = 20250)],
    ["an unknown comparison", (p) => (p.targets[0].comparison = "roughly")],
    [
      "a per-year target without a period",
      (p) => {
        p.targets[0].kind = "per_year";
        p.targets[0].period = null;
      },
    ],
    [
      "a range with min > max",
      (p) => {
        p.targets[0].comparison = "range";
        p.targets[0].min = 3;
        p.targets[0].max = 2;
      },
    ],
  ];
  it.each(invalid)("the schema refuses %s", (_what, mutate) => {
    const raws = structuredClone(RAW_PLANS) as { targets: Record<string, unknown>[] }[];
    expect(Plan.safeParse(raws[0]).success).toBe(true);
    mutate(raws[0]);
    expect(Plan.safeParse(raws[0]).success).toBe(false);
    expect(() => validateData(raws, regionsJson, indicatorsJson)).toThrow();
  });

  // References between files are checked when the catalog is built.
  const dangling: [string, Mutation][] = [
    ["an unknown indicator", (p) => (p.targets[0].indicator = "no_such_indicator")],
    ["an unknown region", (p) => (p.targets[0].region = "no-such-region")],
    ["a missing baseline observation", (p) => (p.targets[0].baseline = "no.such.observation")],
  ];
  it.each(dangling)("the catalog refuses %s", (_what, mutate) => {
    const raws = structuredClone(RAW_PLANS) as { targets: Record<string, unknown>[] }[];
    mutate(raws[0]);
    expect(() => new Catalog(raws, regionsJson, indicatorsJson)).toThrow();
  });
});
