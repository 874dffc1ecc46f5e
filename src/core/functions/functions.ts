// The PLAN function set, declared once: names, parameters (types, Chinese help) and bodies that are only
// their math. The runner (runner.ts) coerces arguments and maps failures to Excel errors; every face —
// Excel custom functions, HyperFormula, the command line — calls the runner with this table.
import { bundledCatalog, progressInputFor, type Catalog, type CatalogTarget } from "../catalog/catalog";
import { badValue, notFound } from "../errors";
import {
  COMPARISON_LABEL,
  describeTarget,
  KIND_LABEL,
  planLabel,
  sourceOf,
  subjectOf,
} from "../catalog/labels";
import {
  assess,
  inputRange,
  isTotalCap,
  PACE,
  requiredFormat,
  STATUS,
  STATUS_MEANING,
  STATUS_ORDER,
  type Progress,
} from "../method/methodology";
import { judgeNumber } from "../method/inputs";
import { outlookSaid } from "../method/reasons";
import { nameFor } from "../resolve/matching";
import { appliesTo, Resolver, targetYears } from "../resolve/resolver";
import { searchTargets, searchWithRegion } from "../catalog/search";
import { fold, Vocabulary } from "../catalog/text";
import { convert } from "../method/units";
import { formulaText } from "../sheet/formula-text";

export type ParamType = "text" | "year" | "number";
export type Scalar = string | number;
export type Matrix = Scalar[][];
export type Value = Scalar | Matrix;
/** Coerced arguments: text → string, year/number → number; null where omitted or blank. */
export type Args = (string | number | null)[];

export interface ParamSpec {
  name: string;
  zhName: string;
  type: ParamType;
  optional?: boolean;
  /** Blank is a value (no actual yet), not a missing argument. */
  blankIsNull?: boolean;
  /**
   * A progress-sheet input cell (实际值, 评估年份): taken as the sheet's formulas take it — a number or blank;
   * text is refused even when it looks like a number (see runner.ts cellNumber).
   */
  cell?: boolean;
  description: string;
  zhDescription: string;
}

export interface FunctionSpec {
  id: FunctionId;
  description: string;
  zhDescription: string;
  params: readonly ParamSpec[];
  result: "number" | "text" | "any" | "matrix";
  /** What the result is, for the generated JSDoc (@returns) of the Excel wrapper. */
  returns: string;
  /** The result is a fraction best shown as a percentage. */
  percent?: boolean;
  /**
   * The result's number format where it depends on the target (REQUIRED_RATE: 0.0% for a rate, 个百分点/年 for a
   * share, 万人/年 for a cumulative target); overrides percent. Null where the arguments name no target.
   */
  formatOf?: (args: Args, ctx: Context) => string | null;
  impl: (args: Args, ctx: Context) => Value;
}

/** What a body receives for a parameter: text → string, year/number → number; null where it may be omitted or blank. */
type ArgOf<P extends ParamSpec> =
  | (P["type"] extends "text" ? string : number)
  | (P extends { optional: true } | { blankIsNull: true } ? null : never);
/** A body's arguments, named as its parameters (as hyperformula's plugins get typed arguments). */
export type NamedArgs<Ps extends readonly ParamSpec[]> = { [P in Ps[number] as P["name"]]: ArgOf<P> };

type Definition<Ps extends readonly ParamSpec[]> = Omit<FunctionSpec, "params" | "impl" | "formatOf"> & {
  params: Ps;
  body: (args: NamedArgs<Ps>, ctx: Context) => Value;
  formatOf?: (args: NamedArgs<Ps>, ctx: Context) => string | null;
};

/** A table entry: the runner passes coerced arguments in order; the body reads them by name. */
function define<const Ps extends readonly ParamSpec[]>({
  body,
  formatOf,
  ...spec
}: Definition<Ps>): FunctionSpec {
  const names = spec.params.map((p) => p.name);
  const named = (args: Args) => {
    const o: Record<string, string | number | null> = {};
    names.forEach((n, i) => (o[n] = args[i] ?? null));
    return o as NamedArgs<Ps>; // the runner coerced each argument by its ParamSpec
  };
  return {
    ...spec,
    impl: (args, ctx) => body(named(args), ctx),
    formatOf: formatOf && ((args, ctx) => formatOf(named(args), ctx)),
  };
}

export type FunctionId =
  | "TARGET"
  | "BASELINE"
  | "INFO"
  | "EXPECTED"
  | "PROGRESS"
  | "VARIANCE"
  | "STATUS"
  | "REQUIRED_RATE"
  | "FORECAST"
  | "OUTLOOK"
  | "LIST"
  | "SEARCH";

export interface Context {
  catalog: Catalog;
  resolver: Resolver;
}

/** A catalog with its resolver (whose caches belong to that catalog). */
export function contextOf(catalog: Catalog): Context {
  return { catalog, resolver: new Resolver(catalog) };
}

// The bundled plans' context, made on first use and then kept (a const holder, like bundledCatalog()): the
// bundled catalog never changes, so neither do its answers.
const bundled: { context?: Context } = {};
/** The context of the bundled plans alone (no imports): for tests and tools that answer without a store. */
export function bundledContext(): Context {
  return (bundled.context ??= contextOf(bundledCatalog()));
}

// Parameters, declared once and reused across functions.
const P = {
  region: {
    name: "region",
    zhName: "地区",
    type: "text",
    description: "Region, sub-area or institution, e.g. 益阳, 中山市, 翠亨新区.",
    zhDescription: "地区、功能区或机构名称,如“益阳”“中山市”“翠亨新区”。",
  },
  indicator: {
    name: "indicator",
    zhName: "指标",
    type: "text",
    description: "Indicator name or a report row label, e.g. 高新技术企业, 1.R&D经费投入强度(%).",
    zhDescription: "指标名称或报表行标题,如“高新技术企业”“1.R&D经费投入强度(%)”。",
  },
  year: {
    name: "year",
    zhName: "目标年",
    type: "year",
    description: "Target year; omitted: the latest plan's target.",
    zhDescription: "目标年份;省略时取最新规划的目标。",
  },
  unit: {
    name: "unit",
    zhName: "单位",
    type: "text",
    optional: true,
    description: "Convert to this unit (元/万元/亿元, 人/万人); omitted: the plan's own unit.",
    zhDescription: "换算到此单位(元/万元/亿元、人/万人);省略时按规划原单位。",
  },
  actual: {
    name: "actual",
    zhName: "实际值",
    type: "number",
    blankIsNull: true,
    cell: true,
    description:
      "Actual value in the plan's unit (for a growth-rate target: the achieved average annual rate).",
    zhDescription: "实际值,按规划单位填写(年均增速类目标填实际年均增速)。",
  },
  asOfYear: {
    name: "asOfYear",
    zhName: "评估年份",
    type: "year",
    blankIsNull: true,
    cell: true,
    description: "Assessment year (the year of the actual).",
    zhDescription: "评估年份(实际值所属年份)。",
  },
} as const satisfies Record<string, ParamSpec>;

const optional = <P extends ParamSpec>(p: P) => ({ ...p, optional: true as const });
const required = <P extends ParamSpec>(p: P) => ({ ...p, optional: false as const });

/** The arguments that choose a target: PLAN.TARGET(地区, 指标, 目标年). */
interface TargetArgs {
  region: string;
  indicator: string;
  year: number | null;
}
/** …and the sheet's inputs: 实际值 and 评估年份. */
interface ProgressArgs extends TargetArgs {
  actual: number | null;
  asOfYear: number | null;
}

/** The target chosen by the first three arguments. */
function targetOf(a: TargetArgs, ctx: Context): CatalogTarget {
  return ctx.resolver.target(a.region, a.indicator, a.year);
}

/** The target and a converter from its unit to the unit the label claims (技术合同交易额（万元）). */
function claimedOf(a: TargetArgs, ctx: Context) {
  const { target: t, unit } = ctx.resolver.resolve(a.region, a.indicator, a.year);
  return { t, unit, toClaim: (v: number) => (unit ? convert(v, t.unit, unit) : v) };
}

/** An actual the row's rule allows (inputs.ts judgeNumber), else #VALUE! with the message the sheet's 输入检查 shows. */
function checkedActual(t: CatalogTarget, actual: number | null): number | null {
  if (actual === null) return null;
  const v = judgeNumber(actual, t, "实际值");
  if (!v.ok)
    throw badValue({
      reason: "actualRefused",
      indicator: t.indicatorDef.name,
      unit: t.unit,
      actual,
      why: v.message,
    });
  return actual;
}

/** The methodology's input; a blank 评估年份 stays null (catalog.progressInputFor takes a year). */
const inputFor = (t: CatalogTarget, actual: number | null, asOf: number | null) => ({
  ...progressInputFor(t, actual, asOf ?? t.targetYear),
  year: asOf,
});

function progressOf(a: ProgressArgs, ctx: Context): { t: CatalogTarget; p: Progress; asOf: number | null } {
  const { t, unit } = claimedOf(a, ctx);
  const asOf = a.asOfYear;
  const raw = a.actual;
  // An actual written in the label's unit is converted to the plan's before it is checked and compared.
  const actual = checkedActual(t, raw !== null && unit ? convert(raw, unit, t.unit) : raw);
  return { t, p: assess(inputFor(t, actual, asOf)), asOf };
}

type DerivedField = "expected" | "completion" | "variance" | "requiredRate";
const FIELD_LABEL: Record<DerivedField, string> = {
  expected: "预期值",
  completion: "完成进度",
  variance: "差额",
  requiredRate: "需年均增速",
};

/** Why a derived value is missing, in words a statistician can act on. */
function missing(
  field: DerivedField,
  t: CatalogTarget,
  p: Progress,
  asOf: number | null,
  actual: number | null,
): never {
  const what = FIELD_LABEL[field];
  const t0 = t.baseYear ?? t.plan.baseYear;
  if (asOf === null) throw notFound({ reason: "missingYear", what });
  if (asOf < t0) throw notFound({ reason: "yearBeforeBase", what, year: asOf, baseYear: t0 });
  if (actual === null && field !== "expected") throw notFound({ reason: "missingActual", what });
  if (field === "requiredRate" && (t.kind === "per_year" || t.kind === "milestone"))
    throw notFound({
      reason: "rateNotApplicable",
      indicator: t.indicatorDef.name,
      kindLabel: KIND_LABEL[t.kind],
    });
  if (field === "requiredRate" && isTotalCap(t.kind, t.direction))
    throw notFound({ reason: "rateNotApplicable", indicator: t.indicatorDef.name, kindLabel: "累计上限类" });
  if (field === "requiredRate" && t.kind === "growth_rate" && asOf === t0)
    throw notFound({ reason: "rateAtBaseYear", year: asOf });
  if (field === "requiredRate" && p.met) throw notFound({ reason: "rateMet" });
  if (field === "requiredRate" && asOf >= t.targetYear)
    throw notFound({ reason: "rateAtTargetYear", targetYear: t.targetYear });
  if (field === "completion" && p.metAtBase) throw notFound({ reason: "metAtBase" });
  if (p.expected === null) throw notFound({ reason: "noBaseline", what, baseYear: t0 });
  throw notFound({ reason: "notComputable", what });
}

/** FORECAST and OUTLOOK for the arguments: the same refusals as PROGRESS (checkedActual, blank = none). */
function outlookArgs(a: ProgressArgs, ctx: Context) {
  const t = targetOf(a, ctx);
  const asOf = a.asOfYear;
  const actual = checkedActual(t, a.actual);
  return { t, asOf, actual, ...outlookSaid(inputFor(t, actual, asOf), inputRange(t.kind, t.unit)) };
}

/** Why no forecast can be made, in words a statistician can act on. */
function noForecast(t: CatalogTarget, asOf: number | null, actual: number | null): never {
  const t0 = t.baseYear ?? t.plan.baseYear;
  const what = "预计目标年值";
  if (asOf === null) throw notFound({ reason: "missingYear", what });
  if (asOf < t0) throw notFound({ reason: "yearBeforeBase", what, year: asOf, baseYear: t0 });
  if (asOf === t0) throw notFound({ reason: "forecastAtBaseYear", year: asOf });
  if (actual === null) throw notFound({ reason: "missingActual", what });
  throw notFound({ reason: "noBaseline", what, baseYear: t0 });
}

const INFO_FIELDS: Record<string, (t: CatalogTarget) => Scalar | null> = {
  unit: (t) => t.unit,
  base_year: (t) => t.baseYear ?? t.plan.baseYear,
  baseline: (t) => t.baselineObs?.value ?? null,
  target_year: (t) => t.targetYear,
  kind: (t) => KIND_LABEL[t.kind],
  comparison: (t) => `${COMPARISON_LABEL[t.comparison]}(${describeTarget(t)})`,
  quote: (t) => t.quote,
  source: (t) => sourceOf(t),
  plan: (t) => planLabel(t.plan),
  entity: (t) => subjectOf(t),
  // The plan's own name of the target: a name that left qualifiers unsaid shows here what answered it.
  indicator: (t) => t.label,
  // 约束性/预期性, only where the plan says which (else #N/A: never guessed).
  attribute: (t) => t.attribute,
};
const FIELD_ALIASES: Record<string, string> = {
  单位: "unit",
  基期年: "base_year",
  基期值: "baseline",
  基期: "baseline",
  目标年: "target_year",
  类型: "kind",
  目标类型: "kind",
  比较: "comparison",
  原文: "quote",
  引文: "quote",
  出处: "source",
  规划: "plan",
  主体: "entity",
  指标: "indicator",
  名称: "indicator",
  属性: "attribute",
  指标属性: "attribute",
  baseyear: "base_year",
  targetyear: "target_year",
};
export const INFO_FIELD_NAMES = [
  "单位",
  "基期年",
  "基期值",
  "目标年",
  "类型",
  "比较",
  "原文",
  "出处",
  "规划",
  "主体",
  "指标",
  "属性",
];

/** The characters of the field names (simplified): a field written in them skips OpenCC. */
const FIELD_VOCABULARY = new Vocabulary(Object.keys(FIELD_ALIASES));

function fieldKey(raw: string): string {
  const f = fold(raw, false, FIELD_VOCABULARY).replace(/-/g, "_");
  const k = INFO_FIELDS[f] ? f : FIELD_ALIASES[f];
  if (!k)
    throw badValue({ reason: "unknownField", raw, fields: INFO_FIELD_NAMES }, INFO_FIELD_NAMES.slice(0, 3));
  return k;
}

/** =PLAN.TARGET("益阳","高新技术企业",2025) for a target (entities are addressed as regions). */
export function formulaFor(t: CatalogTarget, fn: FunctionId = "TARGET"): string {
  return `=PLAN.${fn}(${formulaText(t.regionDef.name)},${formulaText(nameFor(t))},${t.targetYear})`;
}

export const LIST_HEADER = [
  "指标",
  "主体",
  "目标值",
  "单位",
  "比较",
  "类型",
  "目标年",
  "基期年",
  "基期值",
  "规划",
];
export const SEARCH_HEADER = ["地区/主体", "指标", "目标年", "目标值", "单位", "规划", "公式"];

// The progress functions' parameters: the target, then the sheet's inputs.
const PROGRESS_PARAMS = [P.region, P.indicator, required(P.year), P.actual, P.asOfYear] as const;

export const FUNCTIONS: FunctionSpec[] = [
  define({
    id: "TARGET",
    description: "Target value of a plan indicator, in the plan's unit.",
    zhDescription: "返回规划指标的目标值(按规划原单位)。",
    params: [P.region, P.indicator, optional(P.year), P.unit],
    result: "number",
    returns: "The target value.",
    body: (a, ctx) => {
      const { t, unit } = claimedOf(a, ctx);
      return convert(t.threshold, t.unit, a.unit ?? unit);
    },
  }),
  define({
    id: "BASELINE",
    description: "Baseline (or a historical figure for that year) of a plan indicator.",
    zhDescription: "返回规划指标的基期值;年份为历史年份时返回该年的历史数据。",
    params: [P.region, P.indicator, { ...optional(P.year), zhName: "年份" }, P.unit],
    result: "number",
    returns: "The baseline value.",
    body: (a, ctx) => baselineOf(a, ctx),
  }),
  define({
    id: "INFO",
    description:
      "A field of a target: 单位, 基期年, 基期值, 目标年, 类型, 比较, 原文, 出处, 规划, 主体, 指标, 属性.",
    zhDescription:
      "返回目标的某一属性:单位、基期年、基期值、目标年、类型、比较、原文、出处、规划、主体、指标、属性。",
    params: [
      P.region,
      P.indicator,
      required(P.year),
      {
        name: "field",
        zhName: "字段",
        type: "text",
        description:
          "unit, base_year, baseline, target_year, kind, comparison, quote, source, plan, entity, attribute (or in Chinese).",
        zhDescription: "字段名:单位、基期年、基期值、目标年、类型、比较、原文、出处、规划、主体、指标、属性。",
      },
    ],
    result: "any",
    returns: "The field's value.",
    body: (a, ctx) => {
      const k = fieldKey(a.field);
      const t = targetOf(a, ctx);
      const v = INFO_FIELDS[k](t);
      if (v === null)
        throw notFound({ reason: "fieldNotGiven", indicator: t.indicatorDef.name, field: a.field });
      return v;
    },
  }),
  define({
    id: "EXPECTED",
    description: "Expected value by the assessment year on the path from baseline to target.",
    zhDescription: "返回评估年份按序时进度应达到的预期值。",
    params: [P.region, P.indicator, required(P.year), P.asOfYear],
    result: "number",
    returns: "The expected value.",
    body: (a, ctx) => {
      const { t, toClaim } = claimedOf(a, ctx);
      const p = assess(inputFor(t, null, a.asOfYear));
      return p.expected === null ? missing("expected", t, p, a.asOfYear, null) : toClaim(p.expected);
    },
  }),
  define({
    id: "PROGRESS",
    description: "Completion (完成进度) as a fraction: (A − B)/(V − B); for a growth-rate target A/V.",
    zhDescription: "返回完成进度(小数,0.549 即 54.9%)。",
    params: PROGRESS_PARAMS,
    result: "number",
    percent: true,
    returns: "The completion, shown as a percentage where Excel supports it.",
    body: (a, ctx) => {
      const { t, p, asOf } = progressOf(a, ctx);
      return p.completion ?? missing("completion", t, p, asOf, a.actual);
    },
  }),
  define({
    id: "VARIANCE",
    description: "差额: actual minus expected value (sign flipped when lower is better).",
    zhDescription: "返回差额:实际值减预期值(越低越好的指标取反)。",
    params: PROGRESS_PARAMS,
    result: "number",
    returns: "The variance.",
    body: (a, ctx) => {
      const { t, p, asOf } = progressOf(a, ctx);
      if (p.variance === null) return missing("variance", t, p, asOf, a.actual);
      return claimedOf(a, ctx).toClaim(p.variance);
    },
  }),
  define({
    id: "STATUS",
    // Every status assess() can give, from the methodology's list (the meanings: STATUS_MEANING).
    description: `Status label: ${STATUS_ORDER.join(", ")}.`,
    // The functions grade by the default thresholds (PACE); a progress sheet's own (its title block) are the sheet's.
    zhDescription:
      `返回状态:${STATUS_ORDER.join("、")}。按默认进度比分档下限(${STATUS.ahead} ${PACE.ahead}、` +
      `${STATUS.onTrack} ${PACE.onTrack}、${STATUS.behind} ${PACE.behind})判定;进度表标题区可另设分档,不影响本函数。`,
    params: PROGRESS_PARAMS,
    result: "text",
    returns:
      `The status label: ${STATUS_ORDER.map((s) => `${s}(${STATUS_MEANING[s]})`).join(";")}. ` +
      `Graded by the default pace thresholds; a progress sheet's own (set in its title block) do not apply here.`,
    body: (a, ctx) => progressOf(a, ctx).p.status,
  }),
  define({
    id: "REQUIRED_RATE",
    description:
      "What the target still needs each year, in its own terms: the growth rate (V/A)^(1/(T − t)) − 1; for a share the percentage points (V − A)/(T − t); for a cumulative target the amount (V − A)/(T − t); for a growth-rate target the rate the remaining years need.",
    zhDescription:
      "返回达到目标每年还需要的量(按目标本身的口径):一般为需年均增速(小数,0.13即13%);比重为需年均提高的个百分点;累计目标为需年均新增量(规划单位);年均增速目标为剩余年份需达到的年均增速。",
    params: PROGRESS_PARAMS,
    result: "number",
    percent: true,
    returns: "What is still needed each year, formatted in the target's terms where Excel supports it.",
    formatOf: (a, ctx) => {
      const t = targetOf(a, ctx);
      return requiredFormat(t.kind, t.unit);
    },
    body: (a, ctx) => {
      const { t, p, asOf } = progressOf(a, ctx);
      return p.requiredRate ?? missing("requiredRate", t, p, asOf, a.actual);
    },
  }),
  define({
    id: "FORECAST",
    description:
      "Value projected for the target year at the pace so far: linear A + (A − B)/(t − t0)·(T − t); geometric for money values and multiples; a growth rate: the achieved rate.",
    zhDescription:
      "返回按基期以来的年均变化外推到目标年的预计值(货币量、倍数按年均增速外推;增速类即实际增速)。",
    params: PROGRESS_PARAMS,
    result: "number",
    returns: "The forecast for the target year.",
    body: (a, ctx) => {
      const o = outlookArgs(a, ctx);
      return o.forecast ?? noForecast(o.t, o.asOf, o.actual);
    },
  }),
  define({
    id: "OUTLOOK",
    description:
      "Outlook (趋势判断): 预计可完成, 预计难以完成, 已完成 or 无法评估 with its reason (无法评估(缺实际值)), from the forecast.",
    zhDescription:
      "返回趋势判断:预计可完成、预计难以完成、已完成,或无法评估并注明原因(如“无法评估(缺实际值)”)(按预计目标年值判断)。",
    params: PROGRESS_PARAMS,
    result: "text",
    returns: "The outlook label.",
    body: (a, ctx) => outlookArgs(a, ctx).outlook,
  }),
  define({
    id: "LIST",
    description: "All targets of a region (with a header row), optionally for one year.",
    zhDescription: "列出地区的全部目标(含表头),可按年份筛选。",
    params: [P.region, { ...optional(P.year), zhName: "年份" }],
    result: "matrix",
    returns: "A table with a header row; it spills.",
    body: (a, ctx) => listOf(a.region, a.year, ctx),
  }),
  define({
    id: "SEARCH",
    description: "Search indicators across all plans (简/繁, aliases); a table with a header row.",
    zhDescription: "在全部规划中搜索指标(支持繁体和别名),返回带表头的结果表。",
    params: [
      {
        name: "text",
        zhName: "关键词",
        type: "text",
        description: "Words to search for, e.g. 研发, 高企.",
        zhDescription: "搜索词,如“研发”“高企”。",
      },
      optional(P.region),
    ],
    result: "matrix",
    returns: "A table with a header row; it spills.",
    body: (a, ctx) => searchOf(a.text, a.region, ctx),
  }),
];

/** BASELINE: the target's baseline, or the year's historical figure where that year has no target. */
function baselineOf(a: TargetArgs & { unit: string | null }, ctx: Context): number {
  const region = ctx.resolver.region(a.region);
  const ind = ctx.resolver.indicator(region, a.indicator, a.year);
  const targets = ctx.catalog.targetsOf(region.id, ind);
  const obs = ctx.catalog.observationsOf(region.id, ind);
  const planUnit = targets[0]?.unit ?? obs[0]?.unit;
  const unit = a.unit ?? ctx.resolver.claim(a.indicator, planUnit);
  const year = a.year;
  if (year !== null && !targets.some((t) => appliesTo(t, year))) {
    const o = obs.find((x) => x.year === year);
    if (o) return convert(o.value, o.unit, unit);
    const years = [...targetYears(targets), ...obs.map((x) => `${x.year}(历史)`)];
    throw notFound({ reason: "regionNothingInYear", region: region.name, year, years }, years.slice(0, 3));
  }
  if (targets.length === 0) {
    const o = [...obs].sort((x, y) => y.year - x.year)[0];
    return convert(o.value, o.unit, unit);
  }
  const t = ctx.resolver.target(a.region, a.indicator, year);
  if (!t.baselineObs) {
    const t0 = t.baseYear ?? t.plan.baseYear;
    throw notFound({ reason: "noBaselineOf", indicator: t.indicatorDef.name, baseYear: t0 });
  }
  return convert(t.baselineObs.value, t.baselineObs.unit, unit);
}

/** LIST: a region's targets (of one year, if given) under LIST_HEADER. */
function listOf(regionName: string, year: number | null, ctx: Context): Matrix {
  const region = ctx.resolver.region(regionName);
  const all = ctx.catalog.targetsByRegion.get(region.id) ?? [];
  const rows = all.filter((t) => year === null || appliesTo(t, year));
  if (rows.length === 0) {
    const years = targetYears(all);
    throw notFound({ reason: "regionNoTargetInYear", region: region.name, year, years }, years.slice(0, 3));
  }
  return [
    LIST_HEADER,
    ...rows.map((t) => [
      t.indicatorDef.name,
      subjectOf(t),
      t.threshold,
      t.unit,
      describeTarget(t),
      KIND_LABEL[t.kind],
      t.targetYear,
      t.baseYear ?? t.plan.baseYear,
      t.baselineObs?.value ?? "",
      planLabel(t.plan),
    ]),
  ];
}

/** SEARCH: matching targets under SEARCH_HEADER, each with its formula. */
function searchOf(text: string, regionName: string | null, ctx: Context): Matrix {
  const region = regionName === null ? null : ctx.resolver.region(regionName);
  const scope = region
    ? [region.id, ...ctx.catalog.regions.filter((r) => r.parent === region.id).map((r) => r.id)]
    : null;
  // Without a region argument, a region named in the text (益阳 高企) ranks its targets first.
  const hits = scope ? searchTargets(ctx.catalog, text, scope) : searchWithRegion(ctx.catalog, text).hits;
  if (hits.length === 0) throw notFound({ reason: "noSearchMatch", text });
  return [
    SEARCH_HEADER,
    ...hits.map(({ target: t }) => [
      t.regionDef.name,
      t.indicatorDef.name,
      t.targetYear,
      t.threshold,
      t.unit,
      planLabel(t.plan),
      formulaFor(t),
    ]),
  ];
}

export const FUNCTION_BY_ID = new Map(FUNCTIONS.map((f) => [f.id, f]));
