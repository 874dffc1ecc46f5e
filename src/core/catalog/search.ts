// Indicator search across all plans (the pane's 公式 tab and PLAN.SEARCH): 简/繁, aliases, partial names.
import type { Catalog, CatalogTarget } from "./catalog";
import type { Region } from "./schema";
import { fold, normalizeIndicator, similarity, type BigramCache } from "./text";

export interface SearchHit {
  target: CatalogTarget;
  score: number;
}

const indexCache = new WeakMap<Catalog, Map<CatalogTarget, string[]>>();

function keysOf(catalog: Catalog): Map<CatalogTarget, string[]> {
  let idx = indexCache.get(catalog);
  if (idx) return idx;
  idx = new Map();
  for (const t of catalog.targets) {
    const ind = t.indicatorDef;
    idx.set(t, [...new Set([ind.name, ...ind.aliases, t.label].map((n) => normalizeIndicator(n, true)))]);
  }
  indexCache.set(catalog, idx);
  return idx;
}

/** Score one query against one key: substring matches rank high, otherwise bigram similarity. */
function scoreKey(q: string, key: string, grams: BigramCache): number {
  if (key === q) return 1;
  if (key.includes(q)) return 0.7 + (0.3 * q.length) / key.length;
  if (q.includes(key)) return 0.6 + (0.3 * key.length) / q.length;
  return similarity(q, key, grams);
}

/**
 * Targets matching a text, best first. An empty text lists every target (of the region, if given).
 * regionIds: the region and, when includeChildren, its sub-areas and institutions.
 */
export function searchTargets(
  catalog: Catalog,
  text: string,
  regionIds: string[] | null = null,
  limit = 50,
): SearchHit[] {
  const q = normalizeIndicator(text.slice(0, 100), false, catalog.vocabulary);
  const keys = keysOf(catalog);
  const hits: SearchHit[] = [];
  for (const t of catalog.targets) {
    if (regionIds && !regionIds.includes(t.region)) continue;
    let score = q ? 0 : 1;
    if (q) for (const k of keys.get(t)!) score = Math.max(score, scoreKey(q, k, catalog.bigrams));
    if (score >= 0.34) hits.push({ target: t, score });
  }
  hits.sort((a, b) => b.score - a.score || a.target.id.localeCompare(b.target.id));
  return hits.slice(0, limit);
}

// ---- a region named in the query: 益阳 高企, 中山 技术合同, 汕尾 … ---------------------------------------

export interface RegionSearch {
  hits: SearchHit[];
  /** The region the query names (its targets, and its sub-areas', come first), or null. */
  region: Region | null;
  /** Said to the user when the name was read loosely: 汕尾 → 汕尾城区. */
  note: string | null;
}

/** Region names by folded spelling (name, full name, aliases), longest first. */
const namesCache = new WeakMap<Catalog, [string, Region][]>();
function regionNames(catalog: Catalog): [string, Region][] {
  let names = namesCache.get(catalog);
  if (names) return names;
  names = catalog.regions.flatMap((r) =>
    [r.name, r.fullName, ...r.aliases]
      .filter((n): n is string => !!n)
      .map((n) => [fold(n, true), r] as [string, Region]),
  );
  names.sort((a, b) => b[0].length - a[0].length);
  namesCache.set(catalog, names);
  return names;
}

/**
 * The region a query names, and the query without it. A name or alias anywhere in the query counts; failing
 * that, a leading word of two or more characters that begins exactly one region's name (汕尾 → 汕尾城区, the
 * district of 汕尾市: the city has no plan of its own here), said so in the note.
 */
export function regionOfQuery(
  catalog: Catalog,
  text: string,
): { region: Region; rest: string; note: string | null } | null {
  const q = fold(text.slice(0, 100), false, catalog.vocabulary);
  for (const [name, r] of regionNames(catalog)) {
    if (name.length >= 2 && q.includes(name)) return { region: r, rest: q.replace(name, ""), note: null };
  }
  const word = /^[\u4e00-\u9fff]{2,}/.exec(
    text
      .normalize("NFKC")
      .trim()
      .split(/[\s,,、]+/)[0] ?? "",
  );
  if (!word) return null;
  const w = fold(word[0], false, catalog.vocabulary);
  // Only cities and districts: a word like 中国 begins an institution's name (中国科学院大学…) by chance.
  const starts = new Set(
    regionNames(catalog)
      .filter(([n, r]) => n.startsWith(w) && n !== w && (r.kind === "city" || r.kind === "district"))
      .map(([, r]) => r),
  );
  if (starts.size !== 1) return null;
  const r = [...starts][0];
  const full = r.fullName ?? r.name;
  return {
    region: r,
    rest: q.slice(w.length),
    note: `“${word[0]}”:收录的是${full}(${r.name})的规划,没有${word[0]}市本级的规划;以下按${r.name}查找`,
  };
}

/** The region and its sub-areas and institutions. */
export function scopeOfRegion(catalog: Catalog, region: Region): string[] {
  return [region.id, ...catalog.regions.filter((r) => r.parent === region.id).map((r) => r.id)];
}

/**
 * Search as the pane's box does: a region named in the query (益阳 高企) ranks its targets first and the
 * rest of the query is the indicator; a region chosen in the filter (regionId) restricts to it.
 */
export function searchWithRegion(
  catalog: Catalog,
  text: string,
  regionId: string | null = null,
  limit = 50,
): RegionSearch {
  const chosen = regionId ? (catalog.regions.find((r) => r.id === regionId) ?? null) : null;
  if (chosen) {
    const named = regionOfQuery(catalog, text);
    const rest = named && named.region.id === chosen.id ? named.rest : text;
    return {
      hits: searchTargets(catalog, rest, scopeOfRegion(catalog, chosen), limit),
      region: chosen,
      note: null,
    };
  }
  const named = regionOfQuery(catalog, text);
  if (!named) return { hits: searchTargets(catalog, text, null, limit), region: null, note: null };
  const scope = scopeOfRegion(catalog, named.region);
  const own = searchTargets(catalog, named.rest, scope, limit);
  const others = named.rest.trim()
    ? searchTargets(catalog, named.rest, null, limit).filter((h) => !scope.includes(h.target.region))
    : [];
  return { hits: [...own, ...others].slice(0, limit), region: named.region, note: named.note };
}
