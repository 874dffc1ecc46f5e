// The name resolver: (region, indicator, year) → one target, or a #N/A with suggestions. Never a guess.
import type { Catalog, CatalogTarget } from "./catalog";
import { notFound, PlanError } from "./errors";
import type { Region } from "./schema";
import { normalizeIndicator, normalizeRegion, similarity } from "./text";

/** Fuzzy matches are accepted only above this similarity … */
export const FUZZY_ACCEPT = 0.6;
/** … and only when the runner-up (a different indicator) trails by this much. */
export const FUZZY_MARGIN = 0.15;
const REGION_FUZZY_ACCEPT = 0.8;
const MAX_NAME = 200;

interface Scored {
  id: string;
  name: string;
  score: number;
}

export class Resolver {
  private cache = new Map<string, CatalogTarget | PlanError>();

  constructor(readonly catalog: Catalog) {}

  region(raw: string): Region {
    const k = normalizeRegion(raw.slice(0, MAX_NAME));
    const hit = this.catalog.regionByKey.get(k);
    if (hit) return hit;
    const scored = this.catalog.regions
      .map((r) => ({
        r,
        score: Math.max(
          ...[r.name, r.fullName, ...r.aliases].map((n) => similarity(k, normalizeRegion(n, true))),
        ),
      }))
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score >= REGION_FUZZY_ACCEPT && (!second || best.score - second.score >= FUZZY_MARGIN))
      return best.r;
    const suggestions = scored.slice(0, 3).map((s) => s.r.name);
    throw notFound(`未找到地区“${clip(raw)}”。您是不是要找:${suggestions.join("、")}?`, suggestions);
  }

  /** Every key each indicator of a region answers to (built with the catalog). */
  private regionKeys(regionId: string): Map<string, Set<string>> {
    return this.catalog.keysByRegion.get(regionId) ?? new Map();
  }

  /** Resolve an indicator name or a decorated row label within one region. */
  indicator(region: Region, raw: string): string {
    const k = normalizeIndicator(raw.slice(0, MAX_NAME));
    if (!k) throw notFound(`指标名称为空。请填写指标名称,例如“高新技术企业”`);
    const inRegion = this.regionKeys(region.id);
    const exact = this.catalog.indicatorByKey.get(k) ?? this.catalog.labelKeysByRegion.get(region.id)?.get(k);
    if (exact && inRegion.has(exact)) return exact;
    if (exact) throw this.notInRegion(region, exact);

    const scored = this.score(k, inRegion);
    const [best, second] = scored;
    // A fragment found inside the names of two or more indicators (年均增速, 占GDP比重) is ambiguous.
    const containing = [...inRegion].filter(([, keys]) => [...keys].some((key) => key.includes(k))).length;
    if (
      best &&
      best.score >= FUZZY_ACCEPT &&
      (!second || best.score - second.score >= FUZZY_MARGIN) &&
      containing < 2
    )
      return best.id;
    let suggestions = scored.filter((s) => s.score > 0).slice(0, 3);
    if (suggestions.length === 0) suggestions = scored.slice(0, 3);
    const names = suggestions.map((s) => s.name);
    const why =
      containing >= 2 || (best && best.score >= FUZZY_ACCEPT)
        ? "名称与多个指标同样接近,为避免取错数不作猜测"
        : `${region.name}的规划中没有这个指标`;
    throw notFound(`未找到指标“${clip(raw)}”(${why})。您是不是要找:${names.join("、")}?`, names);
  }

  private score(k: string, inRegion: Map<string, Set<string>>): Scored[] {
    const out: Scored[] = [];
    for (const [id, keys] of inRegion) {
      let best = 0;
      for (const key of keys) best = Math.max(best, similarity(k, key));
      out.push({ id, name: this.catalog.indicatorById.get(id)!.name, score: best });
    }
    return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh"));
  }

  /** The indicator exists, but not for this region: point to the entities or regions that have it. */
  private notInRegion(region: Region, indicatorId: string): PlanError {
    const name = this.catalog.indicatorById.get(indicatorId)!.name;
    const holders = [
      ...new Set(this.catalog.targets.filter((t) => t.indicator === indicatorId).map((t) => t.regionDef)),
    ];
    const children = holders.filter((r) => r.parent === region.id);
    if (children.length) {
      const names = children.map((r) => r.name);
      return notFound(
        `${region.name}本级规划没有“${name}”的目标;该目标属于下列主体,请把主体名称作为地区参数:${names.join("、")}`,
        names.slice(0, 3),
      );
    }
    const elsewhere = holders.map((r) => r.name);
    const near = this.score(normalizeIndicator(name, true), this.regionKeys(region.id))
      .filter((s) => s.score > 0)
      .slice(0, 3)
      .map((s) => s.name);
    return notFound(
      `${region.name}的规划中没有“${name}”的目标` +
        (near.length ? `。您是不是要找:${near.join("、")}?` : "") +
        (elsewhere.length ? `(有此目标的地区:${elsewhere.join("、")})` : ""),
      near.length ? near : elsewhere.slice(0, 3),
    );
  }

  /**
   * One target for (region, indicator, year). year null → the latest plan's target.
   * Results (and errors) are cached by the raw arguments.
   */
  target(regionRaw: string, indicatorRaw: string, year: number | null): CatalogTarget {
    const ck = `${regionRaw}\u0000${indicatorRaw}\u0000${year ?? ""}`;
    const cached = this.cache.get(ck);
    if (cached instanceof PlanError) throw cached;
    if (cached) return cached;
    try {
      const t = this.resolveTarget(regionRaw, indicatorRaw, year);
      this.remember(ck, t);
      return t;
    } catch (e) {
      if (e instanceof PlanError) this.remember(ck, e);
      throw e;
    }
  }

  private remember(k: string, v: CatalogTarget | PlanError) {
    if (this.cache.size > 20000) this.cache.clear();
    this.cache.set(k, v);
  }

  private resolveTarget(regionRaw: string, indicatorRaw: string, year: number | null): CatalogTarget {
    const region = this.region(regionRaw);
    const ind = this.indicator(region, indicatorRaw);
    const name = this.catalog.indicatorById.get(ind)!.name;
    const all = this.catalog.targetsOf(region.id, ind);
    if (all.length === 0) {
      const years = this.catalog.observationsOf(region.id, ind).map((o) => o.year);
      throw notFound(
        `${region.name}“${name}”只有历史数据(${years.join("、")}年),规划没有给出目标。可用 PLAN.BASELINE 取历史数据`,
        years.map(String),
      );
    }
    if (year === null) return latest(all);
    const hits = all.filter((t) => appliesTo(t, year));
    if (hits.length === 1) return hits[0];
    if (hits.length === 0) {
      const years = targetYears(all);
      throw notFound(`${region.name}“${name}”在${year}年没有目标。有目标的年份:${years.join("、")}`, years);
    }
    const plans = hits.map((t) => t.plan.title);
    throw notFound(
      `${region.name}“${name}”在${year}年有多个规划目标,无法确定取哪一个:${plans.join(";")}`,
      plans,
    );
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

function clip(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}
