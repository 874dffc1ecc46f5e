// The name resolver, mostly through run("TARGET", …): regions, indicators, years — and never a guess.
import fc from "fast-check";
import { bundledContext } from "../../src/core/functions/functions";
import { run } from "../../src/core/functions/runner";
import { valueOf, expectFailure } from "../shared/outcome";

const ctx = bundledContext();
const { catalog, resolver } = ctx;

const target = (...args: unknown[]) => run("TARGET", args);

describe("regions", () => {
  it.each(["益阳", "益阳市", "益陽", "益陽市", " 益阳 "])(
    "%s is 益阳 (seed: 高新技术企业数达到600家以上)",
    (name) => {
      expect(valueOf(target(name, "高新技术企业", 2025))).toBe(600);
    },
  );

  it.each(["中山", "中山市"])("%s is 中山 (seed: 高新技术企业超过3500家)", (name) => {
    expect(valueOf(target(name, "高新技术企业", 2025))).toBe(3500);
  });

  it.each(["汕尾市城区", "汕尾城区", "城区"])(
    "%s is the district of seed 002 (国家高新技术企业达到50家)",
    (name) => {
      expect(valueOf(target(name, "高新技术企业", 2026))).toBe(50);
    },
  );

  it("“汕尾” alone is the prefecture, not the district", () => {
    const o = expectFailure(target("汕尾", "高新技术企业", 2026));
    expect(o.suggestions.length).toBeLessThanOrEqual(3);
    expect(() => resolver.region("汕尾")).toThrow();
  });

  it("sub-areas and institutions are addressable as regions", () => {
    expect(valueOf(target("翠亨新区", "高层次创新团队", 2022))).toBe(2);
    expect(valueOf(target("火炬开发区", "国家级科技企业孵化器", 2022))).toBe(4);
    expect(valueOf(target("中山复旦联合创新中心", "突破关键技术", 2022))).toBe(30);
  });

  it("a city-level query never returns a sub-area's target, and points to the sub-area", () => {
    const o = expectFailure(target("中山", "国家级科技企业孵化器", 2022));
    expect(o.suggestions).toContain("火炬开发区");
    expect(o.suggestions.length).toBeLessThanOrEqual(3);
    // 突破关键技术 belongs to three institutions, none of them 中山 itself.
    expect(target("中山", "突破关键技术", 2022).ok).toBe(false);
    expect(target("中山", "突破关键技术", null).ok).toBe(false);
  });

  it("an unknown region is #N/A with 3 suggestions", () => {
    const o = expectFailure(target("火星市", "高新技术企业", 2025));
    expect(o.suggestions).toHaveLength(3);
    expect(o.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("indicators", () => {
  const yiyang = (name: string) => target("益阳", name, 2025);

  it("canonical names give the seed's values", () => {
    expect(valueOf(yiyang("高新技术企业"))).toBe(600);
    expect(valueOf(yiyang("研发经费投入强度"))).toBe(2.5); // 占生产总值比重达到2.5%
  });

  it.each(["高企", "高新技術企業", "高新技术企业数", "高新技术企业数量", "高新技术企业个数"])(
    "%s is 高新技术企业",
    (name) => {
      expect(yiyang(name)).toEqual(yiyang("高新技术企业"));
      expect(valueOf(yiyang(name))).toBe(600);
    },
  );

  it.each([
    "1.高新技术企业数",
    "（三）高新技术企业数量（家）",
    "一、高新技术企业：",
    "高新技术企业(家)",
    "  高新技术企业数  ",
  ])("the row label “%s” is 高新技术企业", (label) => {
    expect(yiyang(label)).toEqual(yiyang("高新技术企业"));
    expect(valueOf(yiyang(label))).toBe(600);
  });

  it.each([
    "R&D经费投入强度",
    "研发投入强度",
    "R&D/GDP",
    "Ｒ＆Ｄ/ＧＤＰ",
    "2.R&D经费投入强度(%)",
    "r&d经费投入强度",
  ])("%s is 研发经费投入强度 (R&D ↔ 研发, 全角, decorations)", (name) => {
    expect(yiyang(name)).toEqual(yiyang("研发经费投入强度"));
    expect(valueOf(yiyang(name))).toBe(2.5);
  });

  it.each([
    ["中山", "研发经费", 2025],
    ["益阳", "高新技术产业", 2025],
    ["中山", "产业集群产值", 2025],
    ["中山", "产业集群", 2025],
  ])("the ambiguous %s “%s” fails with ≤ 3 suggestions, never a value", (region, name, year) => {
    const o = expectFailure(target(region, name, year));
    expect(o.suggestions.length).toBeGreaterThan(0);
    expect(o.suggestions.length).toBeLessThanOrEqual(3);
    expect(o.message).toMatch(/[\u4e00-\u9fff]/);
  });

  // Fragments shared by several indicators of the region are refused, never resolved to one of them:
  //   益阳 “年均增速”: 全社会研发投入年均增速超过12% and 高新技术产业增加值年均增长达10%
  //   益阳 “占GDP比重”: 研发 2.5%, 技术合同认定登记额 2.2%, 高新技术产业增加值 26%
  it.each([
    ["益阳", "年均增速", 2025],
    ["益阳", "占GDP比重", 2025],
  ])("the ambiguous %s “%s” fails instead of returning one of several targets", (region, name, year) => {
    const o = expectFailure(target(region, name, year));
    expect(o.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(o.suggestions.length).toBeLessThanOrEqual(3);
  });

  // 中山 “研发机构”: the plan has 省级新型研发机构 (a narrower kind) and 规模以上工业企业设立研发机构比例 (a share,
  // another statistic). The count of all 研发机构 is not a target: refused, naming the narrower kind.
  it("中山 “研发机构” is refused, offering the narrower 省级新型研发机构", () => {
    const o = expectFailure(target("中山", "研发机构", 2025));
    expect(o.message).toContain("不够具体");
    expect(o.suggestions).toEqual(["省级新型研发机构"]);
  });

  it("the three 高新技术产业增加值 indicators of 益阳 are among the suggestions for “高新技术产业”", () => {
    const o = expectFailure(target("益阳", "高新技术产业", 2025));
    for (const s of o.suggestions) expect(s).toMatch(/^高新技术产业增加值/);
  });

  it("the four clusters of 中山 are never guessed from “产业集群产值”", () => {
    const o = expectFailure(target("中山", "产业集群产值", 2025));
    for (const s of o.suggestions) expect(s).toMatch(/产业集群产值$/);
  });

  it("a clear fuzzy name of one cluster resolves to that cluster (seed: 1个产值5000亿元(智能家居))", () => {
    expect(valueOf(target("中山", "智能家居产业集群", 2025))).toBe(5000);
  });

  // Random names: TARGET errs, or returns the value of some target of the resolved region — never another region's.
  const names = [
    ...catalog.indicators.flatMap((i) => [i.name, ...i.aliases]),
    ...catalog.allTargets.map((t) => t.label),
  ];
  const chars = [...new Set(names.join("").split(""))];
  const decorated = fc
    .tuple(
      fc.constantFrom("", "1.", "（三）", "一、", "  "),
      fc.constantFrom(...names),
      fc.nat(),
      fc.nat(),
      fc.constantFrom("", "数", "数量", "(家)", "（%）", "：", "  "),
    )
    .map(([pre, n, a, b, post]) => {
      const i = a % n.length;
      const j = i + 1 + (b % (n.length - i));
      return pre + n.slice(i, j) + post;
    });
  const indicatorArb = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 12 }),
    decorated,
  );
  const regionNames = [...new Set(catalog.regions.flatMap((r) => [r.name, r.fullName, ...r.aliases]))];
  const regionArb = fc.oneof(
    fc.constantFrom(...regionNames),
    fc.string({
      unit: fc.constantFrom(...new Set(regionNames.join("").split(""))),
      minLength: 1,
      maxLength: 8,
    }),
  );
  const yearArb = fc.option(fc.integer({ min: 2013, max: 2028 }), { nil: null });

  it("property: TARGET errs or returns a value of a target of that very region", () => {
    fc.assert(
      fc.property(regionArb, indicatorArb, yearArb, (region, name, year) => {
        const o = target(region, name, year);
        if (!o.ok) {
          expect(["#N/A", "#VALUE!"]).toContain(o.error);
          expect(o.suggestions.length).toBeLessThanOrEqual(3);
          return;
        }
        const r = resolver.region(region);
        const values = catalog.targets.filter((t) => t.region === r.id).map((t) => t.threshold);
        expect(values).toContain(o.value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("years", () => {
  it("a per-year target applies to every year of its period (力爭每年新增1家省級以上工程實驗室)", () => {
    for (const y of [2019, 2020, 2021, 2022])
      expect(valueOf(target("中山", "每年新增省级以上工程实验室", y))).toBe(1);
    const o = expectFailure(target("中山", "每年新增省级以上工程实验室", 2023));
    expect(o.message).toContain("2019-2022");
    expect(expectFailure(target("中山", "新增省级以上工程实验室", 2018)).message).toContain("2019-2022");
    // The bare name is the stock of labs, which the plan does not target: refused, pointing to the new one.
    const stock = expectFailure(target("中山", "省级以上工程实验室", 2020));
    expect(stock.suggestions[0]).toBe("每年新增省级以上工程实验室");
  });

  it("a year without a target is #N/A listing the years that have one", () => {
    const o = expectFailure(target("益阳", "高新技术企业", 2023));
    expect(o.message).toContain("2025");
    expect(expectFailure(target("中山", "研发经费投入强度", 2025)).message).toContain("2020");
  });

  it("an omitted year takes the latest plan's target", () => {
    expect(valueOf(target("中山", "研发经费投入强度", null))).toBe(2.8); // only plan 003: 达2.8%
    expect(valueOf(target("中山", "研发经费投入强度"))).toBe(2.8);
    expect(valueOf(target("益阳", "高企", null))).toBe(600);
    expect(valueOf(target("益阳", "高企", ""))).toBe(600);
    expect(valueOf(target("益阳", "高企"))).toBe(600);
  });

  it("omitting the year picks the plan that ends last when several plans have targets", () => {
    // 中山 每万人口发明专利拥有量: plan 003 (2020, 9件) only; 中山 高企: plan 000 (2025).
    const many = new Map<string, Set<number>>();
    for (const t of catalog.targets) {
      const k = `${t.region}|${t.indicator}`;
      if (!many.has(k)) many.set(k, new Set());
      many.get(k)!.add(t.plan.period.end);
    }
    for (const [k, ends] of many) {
      const [regionId, indicatorId] = k.split("|");
      const region = catalog.regionById.get(regionId)!;
      const ind = catalog.indicatorById.get(indicatorId)!;
      const o = target(region.name, ind.name, null);
      if (!o.ok) continue; // several targets in the same plan are allowed to be refused
      const maxEnd = Math.max(...ends);
      const candidates = catalog.targets.filter((t) => t.region === regionId && t.indicator === indicatorId);
      const chosen = candidates.filter((t) => t.threshold === o.value);
      expect(chosen.some((t) => t.plan.period.end === maxEnd)).toBe(true);
    }
  });
});
