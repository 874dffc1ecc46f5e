// Matching a query's meaning against the catalog: what each target of a region means (its indicator's
// declared facets, with the measure its kind gives), when a query fits one, and how to say why it doesn't.
import type { Catalog, CatalogTarget } from "../catalog/catalog";
import {
  facetKey,
  foldName,
  parseName,
  type Facets,
  type Measure,
  type Parsed,
  type ParseResult,
} from "./meaning";
import { fold, normalizeIndicator, undecorate, type Vocabulary } from "../catalog/text";
import { isUnitText } from "../method/units";
import { KINDS } from "./lexicon";
import type { Indicator, TargetKind } from "../catalog/schema";

/** One thing a region has a figure for: a target's meaning, or an indicator with history only. */
export interface Entry {
  indicator: string;
  /** A name that resolves to it (see nameFor). */
  name: string;
  facets: Facets;
  flow: boolean;
  combined: boolean;
  /** A target stands behind it (not only history). */
  hasTarget: boolean;
  /** It counts people (专职科研人员): its 人数 is the figure itself. */
  people: boolean;
  /** Normalized names (indicator name, aliases, the plan's label) for spelling suggestions. */
  keys: string[];
  /** The plans' own labels, normalized into keys when spelling suggestions are first needed. */
  labels: string[];
}

/** A query label: its lookup key, the unit it claims, and its meaning. */
export interface Label {
  key: string;
  unit: string | null;
  parsed: ParseResult;
}

const TRAILING_PUNCT = /[:;,.、。,;!?*]+$/;
const TRAILING_BRACKET = /\(([^()]{1,12})\)$/;

/**
 * A plan table's marks around a name: ★/▲ notes, 其中: for a sub-row, the 属性 column (约束性/预期性), a
 * trailing 目标值 (the row is the target).
 */
const LEADING_MARK = /^(?:[★☆▲△▼▽●○◆◇■□※#*]+|其中[:：]?)/;
const ATTRIBUTE = /(?:\(|\[|【)?(?:约束性|预期性)(?:\)|\]|】)?$/;

function withoutMarks(s: string): string {
  return s
    .replace(LEADING_MARK, "")
    .replace(ATTRIBUTE, "")
    .replace(/(?<=.{2})目标值?$/, "")
    .replace(TRAILING_PUNCT, "");
}

/** Read a name or row label: “2.R&D经费投入强度(%)” → key 研发经费投入强度, unit %, facets. */
export function readLabel(raw: string, vocabulary?: Vocabulary): Label {
  let s = withoutMarks(fold(raw, false, vocabulary).replace(/r&d/g, "研发").replace(TRAILING_PUNCT, ""));
  let unit: string | null = null;
  const m = TRAILING_BRACKET.exec(s);
  if (m && isUnitText(m[1])) {
    unit = m[1].replace(/^单位[:：]?/, "");
    s = s.slice(0, m.index);
  }
  s = undecorate(s); // folded once above: the rest runs on the fast path
  s = withoutFormula(s);
  return { key: normalizeIndicator(s, true), unit, parsed: parseName(foldName(s, true)) };
}

/**
 * A trailing formula that restates the name, 研发经费投入强度(研发/gdp), is dropped; one that says something
 * else (研发经费投入强度(研发/营业收入)) stays and is read, so the name is refused.
 */
function withoutFormula(s: string): string {
  const m = /\(([^()]{2,40})\)$/.exec(s);
  if (!m || !/[/占比]/.test(m[1])) return s;
  const rest = s.slice(0, m.index);
  const outer = parseName(foldName(rest, true));
  // (研发/gdp) and (研发经费占地区生产总值比重) stand alone; (与国内生产总值之比) completes the name.
  const inner = [m[1], rest + m[1]].map((x) => parseName(foldName(x, true))).find((p) => p.ok);
  if (!inner?.ok || !outer.ok) return s;
  const a = inner.parsed.facets;
  const b = outer.parsed.facets;
  const either = a.denominator ?? b.denominator;
  const same = facetKey({ ...a, denominator: either }) === facetKey({ ...b, denominator: either });
  const agree = a.denominator === null || b.denominator === null || a.denominator === b.denominator;
  return same && agree ? rest : s;
}

const KIND_MEASURE: Partial<Record<TargetKind, Measure>> = {
  growth_rate: "growth",
  multiple: "multiple",
  cumulative: "cumulative",
  per_year: "per_year",
  share: "share",
};

/** Every target and observation of a region, as entries (one per indicator and meaning). */
export function indexRegion(catalog: Catalog, regionId: string): Entry[] {
  const out = new Map<string, Entry>();
  const add = (indicatorId: string, measure: Measure | undefined, label: string | null) => {
    const hasTarget = label !== null;
    const ind = catalog.indicatorById.get(indicatorId)!;
    const facets = { ...ind.facets, measure: measure ?? ind.facets.measure };
    const k = `${indicatorId}|${facetKey(facets)}`;
    let e = out.get(k);
    if (!e) {
      const keys = (catalog.indicatorKeys.get(indicatorId) ?? []).slice();
      const name = workingName(ind, facets.measure);
      const combined = isCombined(ind);
      e = {
        indicator: indicatorId,
        name,
        facets,
        flow: ind.flow,
        combined,
        hasTarget,
        people: ind.dimension === "people",
        keys,
        labels: [],
      };
      out.set(k, e);
    }
    if (label) e.labels.push(label);
  };
  for (const t of catalog.targetsByRegion.get(regionId) ?? [])
    add(t.indicator, KIND_MEASURE[t.kind], t.label);
  for (const o of catalog.observations)
    if (o.region === regionId && !catalog.targetsOf(regionId, o.indicator).length)
      add(o.indicator, undefined, null);
  return [...out.values()];
}

/** A target's meaning in its region, for the question "which regions have this?". */
export interface Holder {
  region: string;
  entry: Entry;
}

export interface HolderIndex {
  bySubject: Map<string, Holder[]>;
  byIndicator: Map<string, Set<string>>;
}

/** Every target's meaning by subject, and its region by indicator: one pass over the targets. */
export function holderIndex(catalog: Catalog): HolderIndex {
  const bySubject = new Map<string, Holder[]>();
  const byIndicator = new Map<string, Set<string>>();
  for (const t of catalog.targets) {
    const ind = t.indicatorDef;
    const facets = { ...ind.facets, measure: KIND_MEASURE[t.kind] ?? ind.facets.measure };
    const entry: Entry = {
      indicator: ind.id,
      name: ind.name,
      facets,
      flow: ind.flow,
      combined: false,
      hasTarget: true,
      people: ind.dimension === "people",
      keys: [],
      labels: [],
    };
    const k = facets.subject.join("+");
    if (!bySubject.has(k)) bySubject.set(k, []);
    bySubject.get(k)!.push({ region: t.region, entry });
    if (!byIndicator.has(ind.id)) byIndicator.set(ind.id, new Set());
    byIndicator.get(ind.id)!.add(t.region);
  }
  return { bySubject, byIndicator };
}

/**
 * The indicator's name, with the measure the target adds where the name alone means another figure: a
 * per-year target of 省级以上工程实验室 is “每年新增省级以上工程实验室”, a 翻番 of 专业镇经济总量 is
 * “专业镇经济总量倍数”. Formulas, suggestions and sheets use it, so every name they show resolves.
 */
function workingName(ind: Indicator, measure: Measure): string {
  if (measureFits(ind.facets.measure, measure, ind.flow)) return ind.name;
  const prefix: Partial<Record<Measure, string>> = {
    per_year: "每年新增",
    cumulative: "累计新增",
    increment: "新增",
  };
  const suffix: Partial<Record<Measure, string>> = { multiple: "倍数", growth: "增速", share: "比重" };
  return `${prefix[measure] ?? ""}${ind.name}${suffix[measure] ?? ""}`;
}

/** The name that resolves to a target in its region (the indicator's, or with its measure added). */
export function nameFor(t: CatalogTarget): string {
  return workingName(t.indicatorDef, KIND_MEASURE[t.kind] ?? t.indicatorDef.facets.measure);
}

/**
 * Is the indicator's name a combination of parts (孵化器与众创空间), not one subject (智能家居产业集群)? Its
 * declared subjects are several and its name joins them (a test checks this equals the parser's reading).
 */
export function isCombined(ind: Indicator): boolean {
  return ind.facets.subject.length > 1 && /[和与及、或]/.test(ind.name.replace(/与.+之比/, ""));
}

/**
 * Spelling suggestions for one region: Sørensen–Dice on character bigrams against every entry's keys, from
 * an inverted index, so that a failed lookup costs a few map reads rather than a comparison per key.
 */
export class Speller {
  private grams = new Map<string, [key: number, count: number][]>();
  private sizes: number[] = [];
  private owner: number[] = [];

  /**
   * `known` carries the grams of keys seen before (the Resolver keeps one for all its regions: most keys are an
   * indicator's names, the same in every region), so a region's first miss costs little more than a hit.
   */
  constructor(
    private readonly entries: Entry[],
    known: Map<string, Grams> = new Map(),
  ) {
    entries.forEach((e, i) =>
      new Set([...e.keys, ...e.labels.map((l) => normalizeIndicator(l, true))]).forEach((k) => {
        const id = this.sizes.length;
        let g = known.get(k);
        if (!g) known.set(k, (g = gramsOf(k)));
        this.sizes.push(g.total);
        this.owner.push(i);
        for (const [gram, n] of g.counts) {
          let list = this.grams.get(gram);
          if (!list) this.grams.set(gram, (list = []));
          list.push([id, n]);
        }
      }),
    );
  }

  /** Up to `limit` entry names closest in spelling (suggestions only, never accepted). */
  near(query: string, limit = 3): string[] {
    const q = gramsOf(query);
    const inter = new Float64Array(this.sizes.length);
    for (const [gram, n] of q.counts)
      for (const [id, m] of this.grams.get(gram) ?? []) inter[id] += Math.min(n, m);
    const best = new Map<string, number>();
    inter.forEach((x, id) => {
      if (x === 0) return;
      const name = this.entries[this.owner[id]].name;
      best.set(name, Math.max(best.get(name) ?? 0, (2 * x) / (q.total + this.sizes[id])));
    });
    return [...best]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh"))
      .slice(0, limit)
      .map(([n]) => n);
  }
}

export interface Grams {
  counts: Map<string, number>;
  total: number;
}

function gramsOf(s: string): Grams {
  const counts = new Map<string, number>();
  if (s.length === 1) counts.set(s, 1);
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return { counts, total: Math.max(1, s.length - 1) };
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function measureFits(q: Measure, t: Measure, flow: boolean): boolean {
  if (q === t) return true;
  if (q === "increment" && (t === "cumulative" || t === "per_year")) return true;
  // A flow's level is what was added: 引进研发人才 = 新引进研发人才 = 累计引进研发人才.
  if (flow) {
    const added = (m: Measure) => m === "level" || m === "increment" || m === "cumulative";
    if (added(q) && (added(t) || (q !== "cumulative" && t === "per_year"))) return true;
  }
  return false;
}

/** Does a query's meaning fit an entry exactly? Every facet equal; a share may leave its denominator unsaid. */
export function fits(q: Facets, e: Entry): boolean {
  const t = e.facets;
  return (
    sameSet(q.subject, t.subject) &&
    sameSet(q.scope, t.scope) &&
    q.aspect === t.aspect &&
    q.density === t.density &&
    q.tier === t.tier &&
    measureFits(q.measure, t.measure, e.flow) &&
    (q.denominator === null || q.denominator === t.denominator)
  );
}

/**
 * Does a query fit an entry when what it leaves unsaid may be anything? A stated facet must equal the
 * entry's; an unsaid tier, scope word, denominator or (for a share, rate or multiple) figure matches any value.
 * Some absences carry meaning and stay strict (docs/data.md): no 每万人 means the total, a bare name means
 * the stock (measureFits), and a count is not an amount (aspectFits).
 */
export function fitsLoosely(q: Facets, e: Entry): boolean {
  const t = e.facets;
  return (
    sameSet(q.subject, t.subject) &&
    q.scope.every((s) => t.scope.includes(s) || (s === "企业" && t.scope.some((x) => x.endsWith("企业")))) &&
    aspectFits(q, e) &&
    q.density === t.density &&
    (q.tier === null || q.tier === t.tier) &&
    measureFits(q.measure, t.measure, e.flow) &&
    (q.denominator === null || q.denominator === t.denominator)
  );
}

/** 拥有量 is the stock count itself; 人数 is the count of a people indicator, and of nothing else. */
const COUNT_ASPECTS = new Set([null, "拥有量"]);
/** Measures whose name may leave the figure unsaid: 高技术制造业占比 is the share of its 增加值. */
const FIGURE_FREE = new Set<Measure>(["share", "growth", "multiple"]);

function aspectFits(q: Facets, e: Entry): boolean {
  const a = q.aspect;
  const t = e.facets.aspect;
  if (a === t) return true;
  if (a === "人数") return e.people && t === null;
  if (a === null && FIGURE_FREE.has(q.measure)) return t !== "人数";
  return COUNT_ASPECTS.has(a) && COUNT_ASPECTS.has(t);
}

/**
 * Is the entry's subject a narrower kind of the query's (产业集群 → 智能家居产业集群, 实验室 → 省实验室,
 * 人才 → 高端人才), all else fitting? Such an entry never answers a query; it makes the query ambiguous.
 */
export function narrower(q: Facets, e: Entry): boolean {
  if (e.combined || sameSet(q.subject, e.facets.subject)) return false;
  const kindOf = (s: string) => e.facets.subject.some((t) => isKindOf(t, s));
  return q.subject.every(kindOf) && fitsLoosely(q, { ...e, facets: { ...e.facets, subject: q.subject } });
}

/** t is s or a kind of s: a head-final compound (高端人才 of 人才) or a listed kind (大学生 of 人才). */
function isKindOf(t: string, s: string): boolean {
  return t === s || t.endsWith(s) || (KINDS[s]?.includes(t) ?? false);
}

/** explainMismatch's answer for an entry whose subject narrows the query's (产业集群 → 智能家居产业集群). */
export const MORE_SPECIFIC = "比查询的名称更具体";

const MEASURE_LABEL: Record<Measure, string> = {
  level: "总量(存量)",
  increment: "新增量",
  cumulative: "累计新增量",
  per_year: "每年新增量",
  growth: "增速",
  share: "比重",
  multiple: "倍数(翻番/倍增)",
};

const tierLabel = (t: string | null) => (t ? t.replace(/\+/g, "以上") : "未分级");
const listLabel = (xs: string[]) => (xs.length ? xs.join("、") : "未限定");

/**
 * Why an entry that shares the query's subject does not fit it, in words ("是省级,不是国家级"); null when the
 * entry is about something else altogether.
 */
export function explainMismatch(q: Parsed, e: Entry): string | null {
  const a = q.facets;
  const t = e.facets;
  if (!sameSet(a.subject, t.subject)) {
    const part = a.subject.every((s) => t.subject.includes(s));
    if (!part) return null;
    return e.combined
      ? `是合并统计的目标(${t.subject.join("、")}),规划没有单列“${a.subject.join("、")}”`
      : MORE_SPECIFIC;
  }
  const diffs: string[] = [];
  if (!measureFits(a.measure, t.measure, e.flow))
    diffs.push(`是${MEASURE_LABEL[t.measure]},不是${MEASURE_LABEL[a.measure]}`);
  if (a.tier !== t.tier) diffs.push(`层级是${tierLabel(t.tier)},不是${tierLabel(a.tier)}`);
  if (a.density !== t.density) diffs.push(`口径是${t.density ?? "总数"},不是${a.density ?? "总数"}`);
  if (a.aspect !== t.aspect) diffs.push(`统计的是${t.aspect ?? "数量"},不是${a.aspect ?? "数量"}`);
  if (!sameSet(a.scope, t.scope)) diffs.push(`统计范围是${listLabel(t.scope)},不是${listLabel(a.scope)}`);
  if (a.denominator !== null && a.denominator !== t.denominator)
    diffs.push(`是占${t.denominator ?? "(未注明)"}的比重,不是占${a.denominator}`);
  return diffs.length ? diffs.join(",") : null;
}
