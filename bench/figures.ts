// The honest figures of run.ts, each printed with its floor: memo-free distinct lookups (hits and misses apart),
// a 1,000-row progress sheet, start-up with a 5k-target pack. The measurements are in lookups.ts, rows.ts and
// startup.ts.
import { bundledCatalog } from "../src/core/catalog/catalog";
import { measureDistinctLookups } from "./lookups";
import { measureRows } from "./rows";
import { measureStartup } from "./startup";

export type Report = (f: {
  name: string;
  value: number | boolean;
  unit: string;
  goal?: string;
  detail?: Record<string, unknown>;
}) => void;

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function distinctLookups(report: Report) {
  const r = measureDistinctLookups(bundledCatalog());
  for (const kind of ["hit", "miss"] as const) {
    const s = r[kind];
    report({
      name: `lookup_distinct_${kind}_us`,
      value: round(s.medianUs, 1),
      unit: "µs",
      detail: {
        queries: s.n,
        of: r.queries,
        p99_us: round(s.p99Us, 1),
        mean_ns: round(s.meanNs, 0),
        map_get_ns: round(r.mapNs, 1),
        mean_vs_map: round(s.meanNs / r.mapNs, 0),
      },
    });
  }
}

export async function rows1000(report: Report) {
  const r = await measureRows();
  for (const [name, ms] of [
    ["generate", r.generateMs],
    ["refresh", r.refreshMs],
  ] as const)
    report({
      name: `rows_1000_${name}_ms`,
      value: round(ms, 0),
      unit: "ms",
      detail: {
        rows: r.rows,
        formulas: r.formulas,
        hf_build_ms: round(r.floorMs, 0),
        vs_hf_build: round(ms / r.floorMs, 2),
      },
    });
}

export async function startupPack(report: Report) {
  const r = await measureStartup();
  for (const [name, ms, recalculated] of [
    ["unchanged", r.unchangedMs, r.recalculated.unchanged],
    ["changed", r.changedMs, r.recalculated.changed],
  ] as const)
    report({
      name: `startup_pack_5k_${name}_ms`,
      value: round(ms, 0),
      unit: "ms",
      detail: {
        targets: r.targets,
        recalculations_in_5: recalculated,
        parse_validate_import_ms: round(r.floorMs, 0),
        vs_floor: round(ms / r.floorMs, 2),
      },
    });
}
