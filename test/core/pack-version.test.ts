// The catalog's version (a hash written into users' progress sheets) for fixed packs: pinned, so that a change
// of how a pack is validated or imported (a faster path, fewer copies) never changes it for the same input.
import fixture from "../fixtures/example-pack.json";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { PlanPack, validatePack } from "../../src/core/packs/pack";
import { buildCatalogWithPacks } from "../../src/core/packs/pack-import";
import { scalePack } from "../../bench/pack-scale";

const clone = () => JSON.parse(JSON.stringify(fixture)) as Record<string, unknown> & PlanPack;

function validated(json: unknown): PlanPack {
  const v = validatePack(json);
  if (!v.ok) throw new Error(v.errors.join("\n"));
  return v.pack;
}

/** The fixture with every optional field of a plan and a target written somewhere (label, direction, note,
 * a range, a per-year target, 属性, a restatement, an observation used as a baseline, a plan's own 出处). */
function fullPack() {
  const p = clone();
  const plan = p.plans[0] as PlanPack["plans"][0] & Record<string, unknown>;
  Object.assign(plan, { source: "某县政府网站", docNumber: "示政发〔2026〕1号", decisions: ["按原文录入"] });
  plan.observations.push({
    id: "rd-2025",
    region: "shilixian",
    entity: null,
    indicator: "rd",
    year: 2025,
    value: 1.8,
    unit: "%",
    quote: "2025年研发经费投入强度为1.8%",
  });
  const extra = [
    {
      id: "rd-range",
      region: "shilixian",
      entity: "示例高新区",
      indicator: "rd",
      label: "研发投入强度(高新区)",
      unit: "%",
      min: 3,
      max: 4,
      comparison: "range",
      direction: "higher",
      kind: "share",
      targetYear: 2029,
      baseline: "rd-2025",
      quote: "高新区研发投入强度达到3%—4%",
      attribute: "预期性",
      attributeQuote: "预期性指标",
      note: "区间目标",
    },
    {
      id: "station-yearly",
      region: "shilixian",
      indicator: "station",
      unit: "个",
      value: 2,
      comparison: "at_least",
      kind: "per_year",
      targetYear: 2028,
      period: { start: 2026, end: 2028 },
      quote: "每年新建工作站2个以上",
    },
    {
      id: "hte-restated",
      region: "shilixian",
      indicator: "hte",
      unit: "家",
      value: 150,
      comparison: "at_least",
      kind: "level",
      targetYear: 2030,
      restates: "hte",
      implied: false,
      hedged: false,
      quote: "高新技术企业150家以上",
    },
  ];
  plan.targets.push(...(extra as unknown as PlanPack["plans"][0]["targets"]));
  return p;
}

function versionOf(...packs: unknown[]): string {
  const { catalog, report } = buildCatalogWithPacks(packs.map(validated));
  expect([report.errors, report.conflicts]).toEqual([[], []]);
  return catalog.version;
}

describe("the catalog version", () => {
  it("is pinned for the bundled data and for fixed packs", () => {
    expect({
      bundled: bundledCatalog().version,
      fixture: versionOf(fixture),
      full: versionOf(fullPack()),
      scale: versionOf(scalePack(500, 100)),
      two: versionOf(fullPack(), scalePack(200, 50)),
    }).toEqual({
      bundled: "7f5ebccf",
      fixture: "25dc1c7c",
      full: "b817b395",
      scale: "1f5a396d",
      two: "e4acf482",
    });
  });

  it("is that of zod's own output: a validated pack is what the schema gives, key for key", () => {
    const bare = clone() as Partial<PlanPack>;
    delete bare.indicators;
    delete bare.regions;
    for (const json of [fixture, fullPack(), scalePack(300, 40), bare])
      expect(JSON.stringify(validated(json))).toBe(JSON.stringify(PlanPack.parse(json)));
  });

  // Each edit to the fixture's first target, kept by zod or refused: the hand check (pack-fast.ts) agrees.
  it.each<[string, Record<string, unknown>]>([
    ["no value", { value: null }],
    ["a value as text", { value: "600" }],
    ["an infinite value", { value: Infinity }],
    ["a range", { comparison: "range", min: 1, max: 2 }],
    ["a range upside down", { comparison: "range", min: 3, max: 2 }],
    ["a per-year target without a period", { kind: "per_year" }],
    ["a period with more keys", { kind: "per_year", period: { start: 2026, end: 2030, x: 1 } }],
    ["a year as a float", { targetYear: 2030.5 }],
    ["hedged null", { hedged: null }],
    ["implied true", { implied: true }],
    ["an entity", { entity: "某园区" }],
    ["an entity as a number", { entity: 3 }],
    ["a label", { label: "高企" }],
    ["a direction", { direction: "lower" }],
    ["a note left undefined", { note: undefined }],
    ["an unknown key", { extra: [1, 2] }],
    ["a bad unit", { unit: "家 " }],
    ["a bad id", { id: "A-1" }],
    ["a one-character quote", { quote: "好" }],
    ["an attribute", { attribute: "约束性", attributeQuote: "约束性指标" }],
    ["an attribute in English", { attribute: "binding" }],
    ["a baseYear", { baseYear: 2025 }],
  ])("%s: as zod says", (_, edit) => {
    const p = clone();
    Object.assign(p.plans[0].targets[0], edit);
    const zod = PlanPack.safeParse(p);
    const v = validatePack(p);
    expect(v.ok).toBe(zod.success);
    if (v.ok && zod.success) expect(JSON.stringify(v.pack)).toBe(JSON.stringify(zod.data));
    if (v.ok && zod.success) expect(v.pack).toEqual(zod.data);
  });

  // The same for an edit to the fixture's first indicator.
  it.each<[string, Record<string, unknown>]>([
    ["aliases", { aliases: ["高企", "高新企业"] }],
    ["an alias as a number", { aliases: [1] }],
    ["aliases null", { aliases: null }],
    ["a dimension", { dimension: "count" }],
    ["a path", { path: "geometric" }],
    ["lower is better", { direction: "lower" }],
    ["a direction in Chinese", { direction: "越低越好" }],
    ["a flow", { flow: true }],
    ["an empty name", { name: "" }],
    ["an id in capitals", { id: "HTE" }],
    ["an unknown key", { extra: 1 }],
  ])("indicator %s: as zod says", (_, edit) => {
    const p = clone();
    Object.assign(p.indicators[0], edit);
    const zod = PlanPack.safeParse(p);
    const v = validatePack(p);
    expect(v.ok).toBe(zod.success);
    if (v.ok && zod.success) expect(JSON.stringify(v.pack)).toBe(JSON.stringify(zod.data));
  });
});
