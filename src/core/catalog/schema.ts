// zod schemas for the reviewable data files under data/. Every bundled number passes through here.
import { z } from "zod";
import { YEARS } from "../method/years";

/** How a target compares with its value. */
export const Comparison = z.enum([
  "reach", // 达到 / 达 / 为 — the value itself
  "at_least", // 以上 / 不低于 / 至少
  "more_than", // 超过 / 突破
  "about", // 左右 — met within ±5 % (or above, for a higher-is-better indicator)
  "range", // 2-3家, 1-2个 — met at the lower bound
]);
export type Comparison = z.infer<typeof Comparison>;

/**
 * Which way is better: "higher" (an increase target: 达到, 以上) or "lower" (a limit or a decrease: 以下, 不超过,
 * 控制在…以内, 下降X%). Kept apart from Comparison, which says how the bound is read (the value itself, a floor,
 * 左右, a range): 控制在5%左右 and 下降到5%以下 need both, and every comparison reads either way round (a floor of an
 * increase is a ceiling of a decrease), so folding direction into the enum would double it.
 */
export const Direction = z.enum(["higher", "lower"]);
export type Direction = z.infer<typeof Direction>;

/** What the value measures. */
export const TargetKind = z.enum([
  "level", // a stock or level in the target year (600家)
  "share", // a percentage level (占比 2.5%)
  "growth_rate", // an average annual growth rate over the period (年均增长10%)
  "multiple", // a multiple of the base-year level (翻番 = 2, 倍增 = 2)
  "cumulative", // a total accumulated over the period, from zero (累计, 新增)
  "per_year", // the same amount in every year of the period (每年新增1家)
  "milestone", // a breakthrough from nothing, reached once (实现…零的突破): baseline 0, met or not yet
]);
export type TargetKind = z.infer<typeof TargetKind>;

export const Dimension = z.enum(["count", "share", "money", "people", "ratio", "rate", "multiple"]);
export type Dimension = z.infer<typeof Dimension>;

/** What an indicator means, in the parser's terms (meaning.ts): a query must agree on every facet. */
export const Facets = z.object({
  subject: z.array(z.string()).min(1),
  scope: z.array(z.string()),
  aspect: z.string().nullable(),
  measure: z.enum(["level", "increment", "cumulative", "per_year", "growth", "share", "multiple"]),
  denominator: z.string().nullable(),
  density: z.string().nullable(),
  tier: z.string().nullable(),
});

export const Indicator = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(1), // canonical zh-CN name
  aliases: z.array(z.string()).default([]),
  dimension: Dimension,
  /** "lower" flips the sign of 差额 and the meaning of "met"; a target may state its own (TargetFields). */
  direction: Direction.default("higher"),
  /** Money values and multiples grow geometrically; counts, levels and shares linearly. */
  path: z.enum(["linear", "geometric"]),
  facets: Facets,
  /**
   * The subject is itself a flow (引进研发人才, 举办人才交流活动): a level target counts what was added, so
   * 新增/累计 and the bare name mean the same figure.
   */
  flow: z.boolean().default(false),
});
export type Indicator = z.infer<typeof Indicator>;

export const Region = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(), // display name, simplified
  fullName: z.string(),
  kind: z.enum(["city", "district", "sub_area", "institution"]),
  parent: z.string().nullable().default(null),
  aliases: z.array(z.string()).default([]),
  /** Province (短名, 如“广东”): a query may prefix it, never contradict it. */
  province: z.string().optional(),
  /**
   * Names of the enclosing city (汕尾, 汕尾市) for a district the catalog has without its city: they never
   * resolve to the district, they get a #N/A naming it.
   */
  enclosing: z.array(z.string()).default([]),
});
export type Region = z.infer<typeof Region>;

const Year = z.number().int().min(YEARS.min).max(YEARS.max);

/** A figure the document reports for a past year (基期值 or history). */
export const Observation = z.object({
  id: z.string().regex(/^[a-z0-9_.-]+$/),
  region: z.string(),
  entity: z.string().nullable().default(null),
  indicator: z.string(),
  year: Year,
  value: z.number(),
  unit: z.string(),
  quote: z.string().min(2),
});
export type Observation = z.infer<typeof Observation>;

/** 属性: a 约束性 target binds (judged against the limit itself), a 预期性 one is expected. */
export const Attribute = z.enum(["约束性", "预期性"]);
export type Attribute = z.infer<typeof Attribute>;
/** The 属性 of a target the plan binds itself to (its status says whether the limit is kept). */
export const BINDING: Attribute = "约束性";

/** A target's fields (a pack's target reuses them with its own defaults, see pack.ts). */
export const TargetFields = z.object({
  id: z.string().regex(/^[a-z0-9_.-]+$/),
  /** Region id; a sub-area or an institution has its own region id (entity is its display name). */
  region: z.string(),
  entity: z.string().nullable().default(null),
  indicator: z.string(),
  /** The indicator as this plan words it. */
  label: z.string(),
  unit: z.string(),
  value: z.number().nullable().default(null),
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  comparison: Comparison,
  /** The target's own direction where the plan states one (控制在…以内, 下降X%); else the indicator's. */
  direction: Direction.optional(),
  kind: TargetKind,
  targetYear: Year,
  /** Years a per-year or cumulative target runs over. */
  period: z.object({ start: Year, end: Year }).nullable().default(null),
  baseYear: Year.nullable().default(null),
  /** Observation id of the baseline, when the document gives one. */
  baseline: z.string().nullable().default(null),
  hedged: z.boolean(),
  quote: z.string().min(2),
  /** 属性 where the plan states it (a plan that says nothing leaves it null: never guessed), with its words. */
  attribute: Attribute.nullable().default(null),
  attributeQuote: z.string().min(2).nullable().default(null),
  /** Id of the target this record restates in other words (same target, stated twice). */
  restates: z.string().nullable().default(null),
  implied: z.boolean().default(false), // the value is a word rule: 全覆盖 100 %, 零的突破 / 至少一个 1, 翻番 / 倍增 2
  note: z.string().optional(),
});

export const Target = TargetFields.superRefine((t, ctx) => {
  if (t.comparison === "range") {
    if (t.min === null || t.max === null || t.min > t.max)
      ctx.addIssue({ code: "custom", message: `${t.id}: a range needs min ≤ max` });
  } else if (t.value === null) {
    ctx.addIssue({ code: "custom", message: `${t.id}: value is required` });
  }
  if (t.kind === "per_year" && t.period === null)
    ctx.addIssue({ code: "custom", message: `${t.id}: a per-year target needs a period` });
});
export type Target = z.infer<typeof Target>;

/** A plan's fields without its seed file (a pack's plan need not come from seeds/). */
export const PlanFields = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** A short name (≤ 20 characters) for sheet names and lists. */
  shortName: z.string().min(2).max(20),
  /** What kind of document the seed is (the plan itself, an interpretation, a notice…). */
  documentType: z.string(),
  /** Who issued the plan; "" when the document does not say (the reasoning stays in decisions). */
  issuer: z.string(),
  /** When the plan was issued (YYYY, YYYY-MM or YYYY-MM-DD); "" when the document does not say. */
  issued: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/),
  /** 文号 (e.g. 益政发〔2021〕5号), where the document gives one. */
  docNumber: z.string().optional(),
  region: z.string(),
  period: z.object({ start: Year, end: Year }),
  baseYear: Year,
  /** Decisions taken on this messy document, in plain Chinese or English; see docs/data.md. */
  decisions: z.array(z.string()),
  observations: z.array(Observation),
  targets: z.array(Target),
});

export const Plan = PlanFields.extend({ file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/) });
export type Plan = z.infer<typeof Plan>;

/** Validate every data file (tests and the build call this; the runtime trusts the bundled data). */
export function validateData(plans: unknown[], regions: unknown, indicators: unknown) {
  return {
    plans: plans.map((p) => Plan.parse(p)),
    regions: z.array(Region).parse(regions),
    indicators: z.array(Indicator).parse(indicators),
  };
}
