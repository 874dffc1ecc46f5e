// lookup_distinct_*: PLAN.TARGET on distinct queries, each run once, with no memo able to answer: a fresh
// Runner (its memo and its resolver's cache are per instance, keyed by the raw arguments) per pass, and no
// query asked twice in a pass. The resolver's indexes (per region, built on first use) and OpenCC are warmed
// first with queries that are not measured. Hits (names that resolve) and misses (refused names) apart, each
// against the floor: a bare Map.get per distinct key.
import { bundledCatalog, type Catalog } from "../src/core/catalog/catalog";
import { createCatalogStore } from "../src/core/catalog/store";
import { Runner } from "../src/core/functions/runner";
import { coldLabels } from "./cold-labels";
import { queryMix } from "./queries";
import { now } from "./clock";

type Args = [string, string, number];

export interface DistinctLookups {
  queries: number;
  hit: { n: number; medianUs: number; p99Us: number; meanNs: number };
  miss: { n: number; medianUs: number; p99Us: number; meanNs: number };
  /** ns per Map.get of a distinct pre-normalized key (the floor). */
  mapNs: number;
}

/** The measured queries: the realistic mix (all resolve) and never-seen row labels (most refused), deduplicated. */
function distinctQueries(catalog: Catalog, labels: number): Args[] {
  const all: Args[] = [...queryMix(catalog).map((q) => q.args), ...coldLabels(catalog, labels)];
  const seen = new Set<string>();
  return all.filter((a) => {
    const k = JSON.stringify(a);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Queries that build every region's indexes and load OpenCC; none of them is measured. */
function warmQueries(catalog: Catalog, measured: Set<string>): Args[] {
  const out: Args[] = catalog.targets.map((t, i) => [t.regionDef.name, `預熱${i}`, t.targetYear] as Args);
  for (const a of out) if (measured.has(JSON.stringify(a))) throw new Error("a warm-up query is measured");
  return out;
}

const quantile = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** One pass on a fresh Runner: µs per query, hits and misses apart. */
function pass(catalog: Catalog, queries: Args[], warm: Args[]) {
  const runner = new Runner(createCatalogStore(catalog));
  for (const a of warm) runner.run("TARGET", a);
  const us = { hit: [] as number[], miss: [] as number[] };
  let sink = 0;
  for (const a of queries) {
    const t = now();
    const r = runner.run("TARGET", a);
    const dt = (now() - t) * 1000;
    if (r.ok) sink += r.value as number;
    us[r.ok ? "hit" : "miss"].push(dt);
  }
  return { us, sink };
}

/** ns per Map.get over as many distinct keys as queries (median of 11 passes). */
function mapFloor(catalog: Catalog, n: number): number {
  const keys = Array.from({ length: n }, (_, i) => {
    const t = catalog.targets[i % catalog.targets.length];
    return `${t.region}|${t.indicator}|${t.targetYear}|${i}`;
  });
  const map = new Map(keys.map((k, i) => [k, i]));
  const ns: number[] = [];
  let sink = 0;
  for (let rep = 0; rep < 11; rep++) {
    const t = now();
    for (const k of keys) sink += map.get(k)!;
    ns.push(((now() - t) * 1e6) / n);
  }
  if (sink < 0) throw new Error("unreachable");
  return [...ns].sort((a, b) => a - b)[5];
}

export function measureDistinctLookups(catalog: Catalog, labels = 10_000): DistinctLookups {
  const queries = distinctQueries(catalog, labels);
  const warm = warmQueries(catalog, new Set(queries.map((a) => JSON.stringify(a))));
  pass(catalog, queries, warm); // JIT warm-up, discarded
  const passes = [0, 1, 2].map(() => pass(catalog, queries, warm).us);
  const stats = (kind: "hit" | "miss") => {
    const per = passes.map((p) => [...p[kind]].sort((a, b) => a - b));
    const mid = (f: (xs: number[]) => number) => per.map(f).sort((a, b) => a - b)[1];
    return {
      n: per[0].length,
      medianUs: mid((xs) => quantile(xs, 0.5)),
      p99Us: mid((xs) => quantile(xs, 0.99)),
      meanNs: mid((xs) => (xs.reduce((s, x) => s + x, 0) / xs.length) * 1000),
    };
  };
  return {
    queries: queries.length,
    hit: stats("hit"),
    miss: stats("miss"),
    mapNs: mapFloor(catalog, queries.length),
  };
}

if (require.main === module) console.log(measureDistinctLookups(bundledCatalog()));
