// Provenance of the bundled data: every figure is quoted verbatim from its seed, states the stored number,
// is claimed once, and the files pass the schema.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import regionsJson from "../../data/regions.json";
import indicatorsJson from "../../data/indicators.json";
import { Catalog, RAW_PLANS } from "../../src/core/catalog/catalog";
import {
  Indicator,
  Plan,
  Region,
  validateData,
  type Observation,
  type Target,
} from "../../src/core/catalog/schema";
import { toSimplified } from "../../src/core/catalog/text";
import { impliedIn, impliesValue, numbersIn, rangesIn, statesRange, statesValue } from "./numbers";

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

  it("reads ranges (both ends)", () => {
    expect(rangesIn("培育2-3家10億元規模以上的骨幹企業")).toContainEqual([2, 3]);
    expect(statesRange("支持1-2个省级产业园区", 1, 2, "个")).toBe(true);
    expect(statesRange("支持1-2个省级产业园区", 1, 3, "个")).toBe(false);
    expect(statesRange("支持１－２个", 1, 2, "个")).toBe(true);
  });

  it("keeps word rules apart: 翻番/倍增 = 2 倍, 全覆盖 = 100 %, 零的突破 / 至少…一个 = 1", () => {
    expect(statesValue("经济总量实现翻番", 2, "倍")).toBe(false);
    expect(impliesValue("经济总量实现翻番", 2, "倍")).toBe(true);
    expect(impliesValue("科技型企业实现倍增", 2, "倍")).toBe(true);
    expect(impliesValue("科技型企业实现增长", 2, "倍")).toBe(false);
    expect(impliesValue("科技型企业实现倍增", 2, "家")).toBe(false);
    expect(impliesValue("研发机构全覆盖", 100, "%")).toBe(true);
    expect(impliesValue("研发機構全覆蓋", 100, "%")).toBe(true);
    expect(impliesValue("研发机构全覆盖", 1, "家")).toBe(false);
    expect(impliesValue("实现国家级重点实验室零的突破", 1, "家")).toBe(true);
    expect(impliesValue("一个主导产业至少创建一个科研创新平台", 1, "个")).toBe(true);
    expect(impliesValue("至少创建两个平台", 1, "个")).toBe(false);
    expect(impliesValue("科技创新生态建设实现新突破", 1, "个")).toBe(false);
    expect(impliedIn("研发机构覆盖率达到50%")).toEqual([]);
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

// 属性 (约束性/预期性) only where a plan states it, in its own words: the quote is verbatim and says that word.
describe("属性", () => {
  const tagged = plans.flatMap((p) => p.targets.filter((t) => t.attribute).map((t) => [t.id, p, t] as const));
  it.each(tagged)("%s: its 属性 is quoted verbatim and the quote says it", (_id, p, t) => {
    const seed = seedText(p.file);
    expect(seed.includes(t.attributeQuote!)).toBe(true);
    expect(t.attributeQuote).toContain(t.attribute);
  });
  it("a plan that states no 属性 has none (only 中山's 十四五 解读 says 预期性; no seed says 约束性)", () => {
    const stating = plans.filter((p) => /约束性|預期性|预期性|約束性/.test(seedText(p.file))).map((p) => p.id);
    const withAttribute = plans.filter((p) => p.targets.some((t) => t.attribute)).map((p) => p.id);
    expect(withAttribute).toEqual(stating);
  });
});

describe("quotes", () => {
  it.each(records.map((r) => [r.rec.id, r] as const))("%s is a verbatim substring of its seed", (_id, r) => {
    expect(seedText(r.plan.file).includes(r.rec.quote)).toBe(true);
  });

  // A quote starts where its clause does (after punctuation, a space or the text's start), never mid-phrase
  // like "142家,国家高新技术企业达到50家" did.
  const CLAUSE_START = /[\s,,。;;::、“”‘’"()()《》—-]/u;
  it.each(records.map((r) => [r.rec.id, r] as const))("%s starts at a clause start", (_id, r) => {
    const seed = seedText(r.plan.file);
    const at = seed.indexOf(r.rec.quote);
    const before = at <= 0 ? "" : seed[at - 1];
    expect({
      quote: r.rec.quote,
      before,
      atClause: before === "" || CLAUSE_START.test(before),
    }).toMatchObject({
      atClause: true,
    });
  });

  const stated = records.filter((r) => r.kind === "observation" || !(r.rec as Target).implied);
  it.each(stated.map((r) => [r.rec.id, r] as const))("%s states its number", (_id, r) => {
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

describe("targets stated in words (implied)", () => {
  const implied = allTargets.filter((t) => t.implied);
  it.each(implied.map((t) => [t.id, t] as const))(
    "%s: a word rule of its quote gives its value and unit, and no digit in the quote does",
    (_id, t) => {
      const rules = impliedIn(t.quote).map((r) => r.word);
      expect({ quote: t.quote, rules, implies: impliesValue(t.quote, t.value!, t.unit) }).toMatchObject({
        implies: true,
      });
      expect({ quote: t.quote, statesDigits: statesValue(t.quote, t.value!, t.unit) }).toMatchObject({
        statesDigits: false,
      });
    },
  );

  it("a multiple comes from 翻番/倍增, a 全覆盖 is a share, a 零的突破 / 至少一个 is a minimum, a 零的突破 a milestone", () => {
    for (const t of implied) {
      const words = impliedIn(t.quote).map((r) => r.word);
      if (words.includes("翻番") || words.includes("倍增"))
        expect([t.id, t.kind]).toEqual([t.id, "multiple"]);
      if (words.includes("全覆盖")) expect([t.id, t.kind, t.comparison]).toEqual([t.id, "share", "reach"]);
      if (words.includes("零的突破") || words.includes("至少一个"))
        expect([t.id, t.comparison]).toEqual([t.id, "at_least"]);
      // A breakthrough from nothing is a milestone (baseline 0, reached once), not a level on a path.
      if (words.includes("零的突破")) expect([t.id, t.kind]).toEqual([t.id, "milestone"]);
    }
  });
});

// What each seed contributes; a change here is a change of the catalog and belongs in docs/data.md.
describe("record counts per seed", () => {
  const counts = Object.fromEntries(
    plans.map((p) => [
      p.file.slice(0, 3),
      {
        primary: p.targets.filter((t) => t.restates === null).length,
        restatements: p.targets.filter((t) => t.restates !== null).length,
        implied: p.targets.filter((t) => t.implied).map((t) => t.id),
        observations: p.observations.length,
      },
    ]),
  );
  it("are as documented", () => {
    expect(counts).toEqual({
      "000": { primary: 17, restatements: 0, implied: [], observations: 0 },
      "001": { primary: 19, restatements: 1, implied: [], observations: 0 },
      "002": {
        primary: 22,
        restatements: 4,
        implied: [
          "swcq.tech_enterprises",
          "swcq.hightech_enterprise_rd_institution_rate",
          "swcq.platforms_per_leading_industry",
        ],
        observations: 0,
      },
      "003": { primary: 8, restatements: 0, implied: ["zstown.specialized_town_output"], observations: 0 },
      "004": { primary: 12, restatements: 1, implied: ["yy14.national_key_labs"], observations: 9 },
    });
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
