// The 公式 tab's search state: the query, the region filter, the active hit, and the hits themselves.
import { useMemo, useState } from "react";
import { searchWithRegion } from "../../core/catalog/search";
import { useCatalog } from "../context";

export const SEARCH_LIMIT = 30;

export function useIndicatorSearch() {
  const catalog = useCatalog();
  const [query, setQueryState] = useState("");
  const [active, setActive] = useState(0);
  const [regionId, setRegionState] = useState("");
  const regions = useMemo(
    () => catalog.regions.filter((r) => r.parent === null && catalog.targetsByRegion.has(r.id)),
    [catalog],
  );
  const found = useMemo(
    () =>
      query.trim() || regionId
        ? searchWithRegion(catalog, query, regionId || null, SEARCH_LIMIT)
        : { hits: [], region: null, note: null },
    [catalog, query, regionId],
  );
  const hits = found.hits;
  const activeIndex = Math.min(active, hits.length - 1);
  return {
    query,
    regionId,
    regions,
    hits,
    note: found.note,
    searching: Boolean(query.trim() || regionId),
    activeIndex,
    current: hits[activeIndex]?.target ?? null,
    setActive,
    // A new query or region starts again at the first hit.
    setQuery: (q: string) => (setQueryState(q), setActive(0)),
    setRegionId: (id: string) => (setRegionState(id), setActive(0)),
  };
}
