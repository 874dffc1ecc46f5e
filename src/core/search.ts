// Indicator search across all plans (the pane's 公式 tab and PLAN.SEARCH): 简/繁, aliases, partial names.
import type { Catalog, CatalogTarget } from "./catalog";
import { normalizeIndicator, similarity } from "./text";

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
function scoreKey(q: string, key: string): number {
  if (key === q) return 1;
  if (key.includes(q)) return 0.7 + (0.3 * q.length) / key.length;
  if (q.includes(key)) return 0.6 + (0.3 * key.length) / q.length;
  return similarity(q, key);
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
  const q = normalizeIndicator(text.slice(0, 100));
  const keys = keysOf(catalog);
  const hits: SearchHit[] = [];
  for (const t of catalog.targets) {
    if (regionIds && !regionIds.includes(t.region)) continue;
    let score = q ? 0 : 1;
    if (q) for (const k of keys.get(t)!) score = Math.max(score, scoreKey(q, k));
    if (score >= 0.34) hits.push({ target: t, score });
  }
  hits.sort((a, b) => b.score - a.score || a.target.id.localeCompare(b.target.id));
  return hits.slice(0, limit);
}
