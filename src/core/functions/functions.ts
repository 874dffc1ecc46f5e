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
import { assess, inputRange, outlookOf, requiredFormat, type Progress } from "../method/methodology";
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
  params: ParamSpec[];
  result: "number" | "text" | "any" | "matrix";
  /** The result is a fraction best shown as a percentage. */
  percent?: boolean;
  /**
   * The result's number format where it depends on the target (REQUIRED_RATE: 0.0% for a rate, 个百分点/年 for a
   * share, 万人/年 for a cumulative target); overrides percent. Null where the arguments name no target.
   */
  formatOf?: (args: Args, ctx: Context) => string | null;
  impl: (args: Args, ctx: Context) => Value;
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
} satisfies Record<string, ParamSpec>;

const optional = (p: ParamSpec): ParamSpec => ({ ...p, optional: true });

/** The target chosen by the first three arguments. */
function targetOf(args: Args, ctx: Context): CatalogTarget {
  return ctx.resolver.target(args[0] as string, args[1] as string, args[2] as number | null);
}

/** The target and a converter from its unit to the unit the label claims (技术合同交易额（万元）). */
function claimedOf(args: Args, ctx: Context) {
  const { target: t, unit } = ctx.resolver.resolve(
    args[0] as string,
    args[1] as string,
    args[2] as number | null,
  );
  return { t, unit, toClaim: (v: number) => (unit ? convert(v, t.unit, unit) : v) };
}

/** An actual the row's rule allows (methodology.inputRange), else #VALUE! as the sheet says 输入有误. */
function checkedActual(t: CatalogTarget, actual: number | null): number | null {
  if (actual === null) return null;
  const { min, max } = inputRange(t.kind, t.unit);
  if (actual < min || actual > max) {
    const range = max === 100 ? `在 ${min}–${max} 之间` : `不小于 ${min}`;
    throw badValue(
      `实际值 ${actual} 不合理:“${t.indicatorDef.name}”(${t.unit})的实际值应${range}。请检查正负号、位数和单位`,
    );
  }
  return actual;
}

/** The methodology's input; a blank 评估年份 stays null (catalog.progressInputFor takes a year). */
const inputFor = (t: CatalogTarget, actual: number | null, asOf: number | null) => ({
  ...progressInputFor(t, actual, asOf ?? t.targetYear),
  year: asOf,
});

function progressOf(args: Args, ctx: Context): { t: CatalogTarget; p: Progress; asOf: number | null } {
  const { t, unit } = claimedOf(args, ctx);
  const asOf = args[4] as number | null;
  const raw = args[3] as number | null;
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
  if (asOf === null) throw notFound(`缺少评估年份,无法计算${what}`);
  if (asOf < t0) throw notFound(`评估年份${asOf}早于基期年${t0},无法计算${what}`);
  if (actual === null && field !== "expected") throw notFound(`缺少实际值,无法计算${what}`);
  if (field === "requiredRate" && (t.kind === "per_year" || t.kind === "milestone"))
    throw notFound(`“${t.indicatorDef.name}”是${KIND_LABEL[t.kind]}目标,不适用需年均增速`);
  if (field === "requiredRate" && t.kind === "growth_rate" && asOf === t0)
    throw notFound(`评估年份${asOf}即基期年,尚无已实现的年均增速,无法计算需年均增速`);
  if (field === "requiredRate" && p.met) throw notFound(`目标已完成,不再需要年均增速`);
  if (field === "requiredRate" && asOf >= t.targetYear)
    throw notFound(`评估年份已到目标年${t.targetYear},不再需要年均增速`);
  if (field === "completion" && p.metAtBase)
    throw notFound(`基期值已达到目标,没有待完成的进度:实际值仍达到目标为已完成,低于目标为逆向变化`);
  if (p.expected === null)
    throw notFound(`规划未给出基期值(${t0}年),无法计算${what}。可在进度表的“基期值”列填写后计算`);
  throw notFound(`无法计算${what}(实际值或目标值不为正数,或目标值等于基期值)`);
}

/** FORECAST and OUTLOOK for the arguments: the same refusals as PROGRESS (checkedActual, blank = none). */
function outlookArgs(args: Args, ctx: Context) {
  const t = targetOf(args, ctx);
  const asOf = args[4] as number | null;
  const actual = checkedActual(t, args[3] as number | null);
  return { t, asOf, actual, ...outlookOf(inputFor(t, actual, asOf), inputRange(t.kind, t.unit)) };
}

/** Why no forecast can be made, in words a statistician can act on. */
function noForecast(t: CatalogTarget, asOf: number | null, actual: number | null): never {
  const t0 = t.baseYear ?? t.plan.baseYear;
  if (asOf === null) throw notFound("缺少评估年份,无法计算预计目标年值");
  if (asOf < t0) throw notFound(`评估年份${asOf}早于基期年${t0},无法计算预计目标年值`);
  if (asOf === t0) throw notFound(`评估年份${asOf}即基期年,尚无年均变化可外推。请用基期以后年份的实际值`);
  if (actual === null) throw notFound("缺少实际值,无法计算预计目标年值");
  throw notFound(`规划未给出基期值(${t0}年),无法计算预计目标年值。可在进度表的“基期值”列填写后计算`);
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
];

/** The characters of the field names (simplified): a field written in them skips OpenCC. */
const FIELD_VOCABULARY = new Vocabulary(Object.keys(FIELD_ALIASES));

function fieldKey(raw: string): string {
  const f = fold(raw, false, FIELD_VOCABULARY).replace(/-/g, "_");
  const k = INFO_FIELDS[f] ? f : FIELD_ALIASES[f];
  if (!k)
    throw badValue(
      `未知字段“${raw.slice(0, 20)}”。可用字段:${INFO_FIELD_NAMES.join("、")}`,
      INFO_FIELD_NAMES.slice(0, 3),
    );
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

export const FUNCTIONS: FunctionSpec[] = [
  {
    id: "TARGET",
    description: "Target value of a plan indicator, in the plan's unit.",
    zhDescription: "返回规划指标的目标值(按规划原单位)。",
    params: [P.region, P.indicator, optional(P.year), P.unit],
    result: "number",
    impl: (a, ctx) => {
      const { t, unit } = claimedOf(a, ctx);
      return convert(t.threshold, t.unit, (a[3] as string | null) ?? unit);
    },
  },
  {
    id: "BASELINE",
    description: "Baseline (or a historical figure for that year) of a plan indicator.",
    zhDescription: "返回规划指标的基期值;年份为历史年份时返回该年的历史数据。",
    params: [P.region, P.indicator, { ...optional(P.year), zhName: "年份" }, P.unit],
    result: "number",
    impl: (a, ctx) => {
      const region = ctx.resolver.region(a[0] as string);
      const ind = ctx.resolver.indicator(region, a[1] as string, a[2] as number | null);
      const year = a[2] as number | null;
      const targets = ctx.catalog.targetsOf(region.id, ind);
      const obs = ctx.catalog.observationsOf(region.id, ind);
      const planUnit = targets[0]?.unit ?? obs[0]?.unit;
      const unit = (a[3] as string | null) ?? ctx.resolver.claim(a[1] as string, planUnit);
      if (year !== null && !targets.some((t) => appliesTo(t, year))) {
        const o = obs.find((x) => x.year === year);
        if (o) return convert(o.value, o.unit, unit);
        const years = [...targetYears(targets), ...obs.map((x) => `${x.year}(历史)`)];
        throw notFound(
          `${region.name}在${year}年既没有目标也没有历史数据。可选年份:${years.join("、")}`,
          years.slice(0, 3),
        );
      }
      if (targets.length === 0) {
        const o = [...obs].sort((x, y) => y.year - x.year)[0];
        return convert(o.value, o.unit, unit);
      }
      const t = ctx.resolver.target(a[0] as string, a[1] as string, year);
      if (!t.baselineObs) {
        const t0 = t.baseYear ?? t.plan.baseYear;
        throw notFound(`规划未给出“${t.indicatorDef.name}”的基期值(基期年${t0})`);
      }
      return convert(t.baselineObs.value, t.baselineObs.unit, unit);
    },
  },
  {
    id: "INFO",
    description:
      "A field of a target: 单位, 基期年, 基期值, 目标年, 类型, 比较, 原文, 出处, 规划, 主体, 指标.",
    zhDescription:
      "返回目标的某一属性:单位、基期年、基期值、目标年、类型、比较、原文、出处、规划、主体、指标。",
    params: [
      P.region,
      P.indicator,
      { ...P.year, optional: false },
      {
        name: "field",
        zhName: "字段",
        type: "text",
        description:
          "unit, base_year, baseline, target_year, kind, comparison, quote, source, plan, entity (or in Chinese).",
        zhDescription: "字段名:单位、基期年、基期值、目标年、类型、比较、原文、出处、规划、主体、指标。",
      },
    ],
    result: "any",
    impl: (a, ctx) => {
      const k = fieldKey(a[3] as string);
      const t = targetOf(a, ctx);
      const v = INFO_FIELDS[k](t);
      if (v === null) throw notFound(`规划未给出“${t.indicatorDef.name}”的${a[3]}`);
      return v;
    },
  },
  {
    id: "EXPECTED",
    description: "Expected value by the assessment year on the path from baseline to target.",
    zhDescription: "返回评估年份按序时进度应达到的预期值。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.asOfYear],
    result: "number",
    impl: (a, ctx) => {
      const { t, toClaim } = claimedOf(a, ctx);
      const asOf = a[3] as number | null;
      const p = assess(inputFor(t, null, asOf));
      return p.expected === null ? missing("expected", t, p, asOf, null) : toClaim(p.expected);
    },
  },
  {
    id: "PROGRESS",
    description: "Completion (完成进度) as a fraction: (A − B)/(V − B); for a growth-rate target A/V.",
    zhDescription: "返回完成进度(小数,0.549 即 54.9%)。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.actual, P.asOfYear],
    result: "number",
    percent: true,
    impl: (a, ctx) => {
      const { t, p, asOf } = progressOf(a, ctx);
      return p.completion ?? missing("completion", t, p, asOf, a[3] as number | null);
    },
  },
  {
    id: "VARIANCE",
    description: "差额: actual minus expected value (sign flipped when lower is better).",
    zhDescription: "返回差额:实际值减预期值(越低越好的指标取反)。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.actual, P.asOfYear],
    result: "number",
    impl: (a, ctx) => {
      const { t, p, asOf } = progressOf(a, ctx);
      if (p.variance === null) return missing("variance", t, p, asOf, a[3] as number | null);
      return claimedOf(a, ctx).toClaim(p.variance);
    },
  },
  {
    id: "STATUS",
    description:
      "Status label: 已完成, 快于预期, 符合预期, 进度滞后, 严重滞后, 逆向变化, 尚未实现, 未完成 or 无法评估.",
    zhDescription:
      "返回状态:已完成、快于预期、符合预期、进度滞后、严重滞后、逆向变化、尚未实现、未完成或无法评估。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.actual, P.asOfYear],
    result: "text",
    impl: (a, ctx) => progressOf(a, ctx).p.status,
  },
  {
    id: "REQUIRED_RATE",
    description:
      "What the target still needs each year, in its own terms: the growth rate (V/A)^(1/(T − t)) − 1; for a share the percentage points (V − A)/(T − t); for a cumulative target the amount (V − A)/(T − t); for a growth-rate target the rate the remaining years need.",
    zhDescription:
      "返回达到目标每年还需要的量(按目标本身的口径):一般为需年均增速(小数,0.13即13%);比重为需年均提高的个百分点;累计目标为需年均新增量(规划单位);年均增速目标为剩余年份需达到的年均增速。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.actual, P.asOfYear],
    result: "number",
    percent: true,
    formatOf: (a, ctx) => {
      const t = targetOf(a, ctx);
      return requiredFormat(t.kind, t.unit);
    },
    impl: (a, ctx) => {
      const { t, p, asOf } = progressOf(a, ctx);
      return p.requiredRate ?? missing("requiredRate", t, p, asOf, a[3] as number | null);
    },
  },
  {
    id: "FORECAST",
    description:
      "Value projected for the target year at the pace so far: linear A + (A − B)/(t − t0)·(T − t); geometric for money values and multiples; a growth rate: the achieved rate.",
    zhDescription:
      "返回按基期以来的年均变化外推到目标年的预计值(货币量、倍数按年均增速外推;增速类即实际增速)。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.actual, P.asOfYear],
    result: "number",
    impl: (a, ctx) => {
      const o = outlookArgs(a, ctx);
      return o.forecast ?? noForecast(o.t, o.asOf, o.actual);
    },
  },
  {
    id: "OUTLOOK",
    description: "Outlook (趋势判断): 预计可完成, 预计难以完成, 已完成 or 无法评估, from the forecast.",
    zhDescription: "返回趋势判断:预计可完成、预计难以完成、已完成或无法评估(按预计目标年值判断)。",
    params: [P.region, P.indicator, { ...P.year, optional: false }, P.actual, P.asOfYear],
    result: "text",
    impl: (a, ctx) => outlookArgs(a, ctx).outlook,
  },
  {
    id: "LIST",
    description: "All targets of a region (with a header row), optionally for one year.",
    zhDescription: "列出地区的全部目标(含表头),可按年份筛选。",
    params: [P.region, { ...optional(P.year), zhName: "年份" }],
    result: "matrix",
    impl: (a, ctx) => {
      const region = ctx.resolver.region(a[0] as string);
      const year = a[1] as number | null;
      const all = ctx.catalog.targetsByRegion.get(region.id) ?? [];
      const rows = all.filter((t) => year === null || appliesTo(t, year));
      if (rows.length === 0) {
        const years = targetYears(all);
        throw notFound(
          `${region.name}在${year}年没有目标。有目标的年份:${years.join("、")}`,
          years.slice(0, 3),
        );
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
    },
  },
  {
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
      { ...P.region, optional: true },
    ],
    result: "matrix",
    impl: (a, ctx) => {
      const region = a[1] === null ? null : ctx.resolver.region(a[1] as string);
      const scope = region
        ? [region.id, ...ctx.catalog.regions.filter((r) => r.parent === region.id).map((r) => r.id)]
        : null;
      // Without a region argument, a region named in the text (益阳 高企) ranks its targets first.
      const hits = scope
        ? searchTargets(ctx.catalog, a[0] as string, scope)
        : searchWithRegion(ctx.catalog, a[0] as string).hits;
      if (hits.length === 0) throw notFound(`没有与“${String(a[0]).slice(0, 20)}”匹配的指标`);
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
    },
  },
];

export const FUNCTION_BY_ID = new Map(FUNCTIONS.map((f) => [f.id, f]));
