// The name resolver: (region, indicator, year) → one target, or a #N/A with suggestions. Never a guess.
// A name is read into facets (meaning.ts) and a target is accepted only when every facet agrees; a word
// that is not understood, a facet that differs, or two targets that fit make a #N/A that says why.
import type { Catalog, CatalogTarget } from "../catalog/catalog";
import { notFound, PlanError } from "../errors";
import {
  Speller,
  explainMismatch,
  fits,
  fitsLoosely,
  indexRegion,
  holderIndex,
  type Grams,
  type HolderIndex,
  narrower,
  measureFits,
  MORE_SPECIFIC,
  readLabel,
  type Entry,
  type Label,
} from "./matching";
import type { Parsed } from "./meaning";
import type { Region } from "../catalog/schema";
import { normalizeRegion, similarity } from "../catalog/text";
import { claimedUnit } from "../method/units";

const MAX_NAME = 200;
const PROVINCE =
  /^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?/;

/** A resolved target with the unit its label claimed (null: the plan's own unit). */
export interface Resolved {
  target: CatalogTarget;
  unit: string | null;
}

export class Resolver {
  private cache = new Map<string, Resolved | PlanError>();
  private entries = new Map<string, Entry[]>();
  private spellers = new Map<string, Speller>();
  /** Character bigrams of every key a Speller has read, shared by the regions' spellers. */
  private grams = new Map<string, Grams>();
  /** Every region's targets by subject and indicator (built on the first miss): who else has what a query asks for. */
  private holderIndex: HolderIndex | null = null;

  constructor(readonly catalog: Catalog) {}

  region(raw: string): Region {
    const k = normalizeRegion(raw.slice(0, MAX_NAME), false, this.catalog.vocabulary);
    const hit = this.regionByKey(k);
    if (hit) return hit;
    const province = PROVINCE.exec(k);
    const rest = province ? k.slice(province[0].length) : k;
    if (province && rest) {
      const r = this.regionByKey(rest);
      const own = r && this.provinceOf(r);
      if (r && own && own === province[1]) return r;
      if (r && own)
        throw notFound({ reason: "regionOtherProvince", fullName: r.fullName, own, province: province[0] }, [
          r.name,
        ]);
    }
    const district = this.catalog.regions.find((r) =>
      r.enclosing.some((n) => normalizeRegion(n, true) === rest),
    );
    if (district)
      throw notFound(
        {
          reason: "regionOnlyDistrict",
          raw: raw.trim().slice(0, 20),
          districtFullName: district.fullName,
          districtName: district.name,
        },
        [district.name],
      );
    const suggestions = this.nearRegions(k);
    throw notFound({ reason: "unknownRegion", raw: clip(raw), suggestions }, suggestions);
  }

  /** A region by its exact key, or a sub-area written with its city in front (中山市火炬开发区). */
  private regionByKey(k: string): Region | undefined {
    const hit = this.catalog.regionByKey.get(k);
    if (hit) return hit;
    for (const r of this.catalog.regions) {
      if (!r.parent) continue;
      const p = this.catalog.regionById.get(r.parent)!;
      for (const prefix of [p.fullName, p.name]) {
        const key = normalizeRegion(prefix, true);
        if (k.startsWith(key) && this.catalog.regionByKey.get(k.slice(key.length)) === r) return r;
      }
    }
    return undefined;
  }

  private provinceOf(r: Region): string | undefined {
    return r.province ?? (r.parent ? this.catalog.regionById.get(r.parent)?.province : undefined);
  }

  private nearRegions(k: string): string[] {
    return this.catalog.regions
      .map((r) => ({
        r,
        score: Math.max(
          ...[r.name, r.fullName, ...r.aliases].map((n) =>
            similarity(k, normalizeRegion(n, true), this.catalog.bigrams),
          ),
        ),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((s) => s.r.name);
  }

  /** What each target and observation of a region means (built on first use per region). */
  private entriesOf(regionId: string): Entry[] {
    let e = this.entries.get(regionId);
    if (!e) this.entries.set(regionId, (e = indexRegion(this.catalog, regionId)));
    return e;
  }

  /**
   * Resolve an indicator name or a decorated row label within one region: an indicator id. With a year, the
   * targets of that year decide which names are one answer (an unsaid qualifier may be any value there).
   */
  indicator(region: Region, raw: string, year: number | null = null): string {
    return this.match(region, readLabel(raw.slice(0, MAX_NAME), this.catalog.vocabulary), raw, year);
  }

  private match(region: Region, label: Label, raw: string, year: number | null): string {
    if (!label.key) throw notFound({ reason: "emptyIndicator" });
    const entries = this.entriesOf(region.id);
    const exact =
      this.catalog.indicatorByKey.get(label.key) ??
      this.catalog.labelKeysByRegion.get(region.id)?.get(label.key);
    const found = label.parsed.ok ? this.choose(region, label.parsed.parsed, entries, year) : null;
    if (found?.one) return found.one.indicator;
    // A target's own name or reviewed alias (人才资源总量, 智能家居产值) is never ambiguous and may say less
    // than its facets — but not where the target adds a measure (每年新增, 倍增) that the name does not say.
    const trusted = exact ? entries.filter((e) => e.indicator === exact) : [];
    const among = !found?.choices.length || found.choices.some((e) => e.indicator === exact);
    if (among && trusted.length && trusted.every((e) => !this.addsMeasure(e, label))) return exact!;
    if (!label.parsed.ok) {
      const near = this.nearNames(label.key, region.id);
      const words = label.parsed.unknown.filter(Boolean);
      throw notFound({ reason: "unknownIndicator", raw: clip(raw), unknownWords: words, near }, near);
    }
    if (found?.choices.length) {
      const names = [...new Set(found.choices.map((e) => e.name))];
      throw notFound(
        { reason: "vagueIndicator", raw: clip(raw), names, broader: found.broader },
        names.slice(0, 3),
      );
    }
    throw this.mismatch(region, label, raw, entries, exact);
  }

  private addsMeasure(e: Entry, label: Label): boolean {
    const own = this.catalog.indicatorById.get(e.indicator)!.facets.measure;
    const m = label.parsed.ok ? label.parsed.parsed.facets.measure : own;
    return e.facets.measure !== own && !measureFits(m, e.facets.measure, e.flow);
  }

  /**
   * The entries a query can mean: one is the answer, several are the choices of an ambiguous name, none
   * a mismatch. The year's entries decide when it has any (all years' otherwise). An exact reading wins
   * over one that fills in unsaid qualifiers; a narrower kind of the subject (高端人才 for 人才) is always a
   * further choice, never the answer.
   */
  private choose(region: Region, q: Parsed, entries: Entry[], year: number | null): Choice {
    const exact = entries.filter((e) => fits(q.facets, e));
    const loose = entries.filter((e) => fitsLoosely(q.facets, e));
    const kinds = q.total ? [] : entries.filter((e) => narrower(q.facets, e));
    const inYear = (es: Entry[]) =>
      year === null ? es : es.filter((e) => this.hasTargetIn(region, e, year));
    for (const scoped of [true, false]) {
      const pick = (es: Entry[]) => distinct(scoped ? inYear(es) : es);
      const more = pick(kinds);
      for (const first of [pick(exact), pick(loose)]) {
        if (first.length === 1 && !more.length) return { one: first[0], choices: first, broader: false };
        if (first.length) return { one: null, choices: distinct([...first, ...more]), broader: false };
      }
      if (more.length) return { one: null, choices: more, broader: true };
    }
    return { one: null, choices: [], broader: false };
  }

  private hasTargetIn(region: Region, e: Entry, year: number): boolean {
    return this.catalog.targetsOf(region.id, e.indicator).some((t) => appliesTo(t, year));
  }

  /** No target of the region fits: say what differs, where else it exists, and what is near. */
  private mismatch(region: Region, label: Label, raw: string, entries: Entry[], exact?: string): PlanError {
    const q = label.parsed.ok ? label.parsed.parsed : null;
    const why: { name: string; diff: string }[] = [];
    const near: string[] = [];
    const specific: string[] = [];
    if (q)
      for (const e of entries) {
        const diff = explainMismatch(q, e);
        if (!diff || near.includes(e.name) || specific.includes(e.name)) continue;
        if (diff === MORE_SPECIFIC) specific.push(e.name);
        else {
          near.push(e.name);
          why.push({ name: e.name, diff });
        }
      }
    if (specific.length)
      return notFound(
        { reason: "equallyNearIndicators", raw: clip(raw), names: specific },
        specific.slice(0, 3),
      );
    const elsewhere = this.holders(q, exact).filter((r) => r.id !== region.id);
    const children = elsewhere.filter((r) => r.parent === region.id);
    const suggestions = [...near, ...children.map((r) => r.name), ...this.nearNames(label.key, region.id)];
    const unique = [...new Set(suggestions)].slice(0, 3);
    const reason = {
      reason: "noTargetInRegion",
      region: region.name,
      raw: clip(raw),
      why: why.slice(0, 3),
      children: children.map((r) => r.name),
      elsewhere: elsewhere.map((r) => r.name),
      suggestions: unique,
    } as const;
    return notFound(reason, unique);
  }

  /** Regions (entities included) that have a target fitting the query, found through the subject index. */
  private holders(q: Parsed | null, exact?: string): Region[] {
    const index = (this.holderIndex ??= holderIndex(this.catalog));
    const ids = new Set(exact ? index.byIndicator.get(exact) : []);
    if (q)
      for (const h of index.bySubject.get(q.facets.subject.join("+")) ?? [])
        if (fits(q.facets, h.entry)) ids.add(h.region);
    return this.catalog.regions.filter((r) => ids.has(r.id));
  }

  /** Up to three indicator names of the region closest in spelling (suggestions only, never accepted). */
  private nearNames(key: string, regionId: string): string[] {
    let speller = this.spellers.get(regionId);
    if (!speller) this.spellers.set(regionId, (speller = new Speller(this.entriesOf(regionId), this.grams)));
    return speller.near(key);
  }

  /**
   * One target for (region, indicator, year), with the unit its label claims. year null → the latest plan's
   * target. Results (and errors) are cached by the raw arguments.
   */
  resolve(regionRaw: string, indicatorRaw: string, year: number | null): Resolved {
    const ck = JSON.stringify([regionRaw, indicatorRaw, year]);
    const cached = this.cache.get(ck);
    if (cached instanceof PlanError) throw cached;
    if (cached) return cached;
    try {
      const r = this.resolveUncached(regionRaw, indicatorRaw, year);
      this.remember(ck, r);
      return r;
    } catch (e) {
      if (e instanceof PlanError) this.remember(ck, e);
      throw e;
    }
  }

  /** The unit a label claims, checked against the plan's unit (null when it claims none). */
  claim(indicatorRaw: string, planUnit: string): string | null {
    const { unit } = readLabel(indicatorRaw.slice(0, MAX_NAME), this.catalog.vocabulary);
    return unit === null ? null : claimedUnit(unit, planUnit, indicatorRaw);
  }

  target(regionRaw: string, indicatorRaw: string, year: number | null): CatalogTarget {
    return this.resolve(regionRaw, indicatorRaw, year).target;
  }

  private remember(k: string, v: Resolved | PlanError) {
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(k, v);
  }

  private resolveUncached(regionRaw: string, indicatorRaw: string, year: number | null): Resolved {
    const region = this.region(regionRaw);
    const label = readLabel(indicatorRaw.slice(0, MAX_NAME), this.catalog.vocabulary);
    const ind = this.match(region, label, indicatorRaw, year);
    const target = this.pickYear(region, ind, year);
    const unit = label.unit === null ? null : claimedUnit(label.unit, target.unit, indicatorRaw);
    return { target, unit };
  }

  private pickYear(region: Region, ind: string, year: number | null): CatalogTarget {
    const name = this.catalog.indicatorById.get(ind)!.name;
    const all = this.catalog.targetsOf(region.id, ind);
    if (all.length === 0) {
      const years = this.catalog.observationsOf(region.id, ind).map((o) => o.year);
      throw notFound({ reason: "historyOnly", region: region.name, name, years }, years.map(String));
    }
    if (year === null) return latest(all);
    const hits = all.filter((t) => appliesTo(t, year));
    if (hits.length === 1) return hits[0];
    if (hits.length === 0) {
      const years = targetYears(all);
      throw notFound({ reason: "noTargetInYear", region: region.name, name, year, years }, years);
    }
    const plans = hits.map((t) => t.plan.title);
    throw notFound({ reason: "severalTargets", region: region.name, name, year, plans }, plans);
  }
}

/** Does a target apply to a year? Per-year targets apply to every year of their period. */
export function appliesTo(t: CatalogTarget, year: number): boolean {
  if (t.kind === "per_year" && t.period) return year >= t.period.start && year <= t.period.end;
  return t.targetYear === year;
}

/** Years that have a target, as the error message lists them ("2021-2025" for a per-year target). */
export function targetYears(ts: CatalogTarget[]): string[] {
  const ys = ts.map((t) =>
    t.kind === "per_year" && t.period ? `${t.period.start}-${t.period.end}` : String(t.targetYear),
  );
  return [...new Set(ys)].sort();
}

/** The latest plan's target: the plan whose period ends last, then the one issued last. */
export function latest(ts: CatalogTarget[]): CatalogTarget {
  return [...ts].sort(
    (a, b) =>
      b.plan.period.end - a.plan.period.end ||
      b.plan.issued.localeCompare(a.plan.issued) ||
      b.targetYear - a.targetYear,
  )[0];
}

/** What a name can mean in a region: the one answer, or the choices of an ambiguous name. */
interface Choice {
  one: Entry | null;
  choices: Entry[];
  /** The choices are all narrower kinds of the name's subject (实验室 → 省实验室). */
  broader: boolean;
}

/** Entries of distinct indicators (one indicator may stand behind two entries: a target and history). */
function distinct(es: Entry[]): Entry[] {
  const seen = new Set<string>();
  return es.filter((e) => !seen.has(e.indicator) && seen.add(e.indicator));
}

function clip(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
