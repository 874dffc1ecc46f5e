// Test helpers: catalogs built from modified copies of the data files (to simulate a new bundled data version),
// and an independent locator of cells in a progress sheet (by header titles and the id column, as a user would).
import indicators from "../../data/indicators.json";
import regions from "../../data/regions.json";
import { Catalog, progressInputFor, RAW_PLANS, type CatalogTarget } from "../../src/core/catalog/catalog";
import {
  COLUMNS,
  needsBaselineInput,
  planTargets,
  sheetOutlook,
  sheetStatus,
  thresholdsOf,
  type ThresholdValues,
  type ColumnKey,
} from "../../src/core/sheet/layout";
import { assess, INPUT_ERROR, PACE, type SheetStatus } from "../../src/core/method/methodology";
import type { OutlookSaid } from "../../src/core/method/reasons";
import type { CellValue, Grid } from "../../src/workbook/workbook";

interface RawTarget {
  id: string;
  comparison: string;
  kind: string;
  value?: number | null;
  min?: number | null;
  max?: number | null;
  baseline?: string | null;
  region: string;
  entity?: string | null;
  indicator: string;
  unit: string;
  baseYear?: number | null;
  label: string;
  quote: string;
  restates?: string | null;
}
interface RawPlan {
  id: string;
  baseYear: number;
  observations: Record<string, unknown>[];
  targets: RawTarget[];
}

export type Mutation =
  | { kind: "value"; target: string; value: number }
  | { kind: "add"; after: string; id: string }
  | { kind: "remove"; target: string }
  | { kind: "baseline"; target: string; value: number }
  | { kind: "unit"; target: string; unit: string }
  | { kind: "direction"; target: string; direction: "higher" | "lower" }
  | { kind: "attribute"; target: string; attribute: "约束性" | "预期性" };

/** The bundled catalog with every target of these plans 约束性, as a pack may state (no bundled plan does). */
export function catalogBinding(planIds: string[]): Catalog {
  const ids = (RAW_PLANS as RawPlan[])
    .filter((p) => planIds.includes(p.id))
    .flatMap((p) => p.targets.map((t) => t.id));
  return catalogWith(...ids.map((target): Mutation => ({ kind: "attribute", target, attribute: "约束性" })));
}

/** The bundled catalog with some targets changed, added or removed (a "new data version"). */
export function catalogWith(...mutations: Mutation[]): Catalog {
  const plans = structuredClone(RAW_PLANS) as RawPlan[];
  const find = (id: string) => {
    for (const p of plans) {
      const i = p.targets.findIndex((t) => t.id === id);
      if (i >= 0) return { p, i, t: p.targets[i] };
    }
    throw new Error(`no target ${id}`);
  };
  for (const m of mutations) {
    const { p, i, t } = find(m.kind === "add" ? m.after : m.target);
    if (m.kind === "value") {
      if (t.comparison === "range") [t.min, t.max] = [m.value, Math.max(m.value, t.max ?? m.value)];
      else t.value = m.value;
    } else if (m.kind === "add") {
      p.targets.splice(i + 1, 0, {
        ...structuredClone(t),
        id: m.id,
        label: `${t.label}(新增)`,
        quote: `${t.quote}(新增)`,
        restates: null,
      });
    } else if (m.kind === "unit") {
      t.unit = m.unit;
    } else if (m.kind === "direction") {
      (t as RawTarget & { direction?: string }).direction = m.direction;
    } else if (m.kind === "attribute") {
      Object.assign(t, { attribute: m.attribute, attributeQuote: `${t.quote}(${m.attribute})` });
    } else if (m.kind === "remove") {
      p.targets.splice(i, 1);
      for (const x of p.targets) if (x.restates === m.target) x.restates = null;
    } else {
      const id = `${t.id}.obs.test`;
      p.observations.push({
        id,
        region: t.region,
        entity: t.entity ?? null,
        indicator: t.indicator,
        year: t.baseYear ?? p.baseYear,
        value: m.value,
        unit: t.unit,
        quote: "测试用基期值",
      });
      t.baseline = id;
    }
  }
  return new Catalog(plans, regions, indicators);
}

/** The plan with the most targets. */
export function largestPlan(catalog: Catalog): string {
  return [...catalog.plans].sort(
    (a, b) => planTargets(catalog, b.id).length - planTargets(catalog, a.id).length,
  )[0].id;
}

export interface Located {
  header: number;
  col: (k: ColumnKey) => number;
  /** Row of a live target id, or of its 已删除目标 row. */
  rowOf: (id: string) => number | undefined;
  deletedRowOf: (id: string) => number | undefined;
  /** Every id-column text below the header, with its row. */
  ids: { id: string; row: number }[];
  cell: (row: number, k: ColumnKey) => CellValue;
}

/** Find the table in a sheet's values by its header titles, independently of the code under test. */
export function locate(values: Grid): Located {
  const idTitle = COLUMNS.find((c) => c.key === "id")!.title;
  const header = values.findIndex((row) => row?.includes(idTitle));
  if (header < 0) throw new Error("no header row");
  const col = (k: ColumnKey) => {
    const c = values[header].indexOf(COLUMNS.find((x) => x.key === k)!.title);
    if (c < 0) throw new Error(`no column ${k}`);
    return c;
  };
  const idCol = col("id");
  const ids = values.flatMap((row, r) =>
    r > header && typeof row?.[idCol] === "string" ? [{ id: row[idCol] as string, row: r }] : [],
  );
  return {
    header,
    col,
    ids,
    rowOf: (id) => ids.find((x) => x.id === id)?.row,
    deletedRowOf: (id) => ids.find((x) => x.id === `已删除目标:${id}`)?.row,
    cell: (row, k) => values[row]?.[col(k)] ?? null,
  };
}

/** What a progress-sheet row shows for these cell values: 输入有误 and blanks for refused inputs, else assess(). */
export interface RowExpectation {
  status: SheetStatus;
  elapsed: number | null;
  completion: number | null;
  expected: number | null;
  variance: number | null;
  requiredRate: number | null;
  forecast: number | null;
  outlook: OutlookSaid | typeof INPUT_ERROR;
}

export function expectedRow(
  t: CatalogTarget,
  actual: CellValue,
  baseline: CellValue,
  year: CellValue,
  thresholds?: ThresholdValues,
): RowExpectation {
  const status = sheetStatus(t, actual, baseline, year, new Map(), thresholds);
  const { forecast, outlook } = sheetOutlook(t, actual, baseline, year);
  const none = { elapsed: null, completion: null, expected: null, variance: null, requiredRate: null };
  if (status === INPUT_ERROR || typeof year !== "number") return { status, ...none, forecast, outlook };
  const typed = needsBaselineInput(t) && typeof baseline === "number" ? baseline : null;
  const p = assess(
    progressInputFor(t, typeof actual === "number" ? actual : null, year, typed),
    thresholdsOf(thresholds ?? PACE),
  );
  const { elapsed, completion, expected, variance, requiredRate } = p;
  return { status: p.status, elapsed, completion, expected, variance, requiredRate, forecast, outlook };
}

/**
 * The bundled catalog with one plan moved to span base → end (its base year and every baseline at `base`, its
 * period to `end`): the longest history block the pack schema accepts is 1990 → 2100.
 */
export function catalogSpanning(planId: string, base: number, end: number): Catalog {
  const plans = structuredClone(RAW_PLANS) as (RawPlan & { period: { start: number; end: number } })[];
  const p = plans.find((x) => x.id === planId);
  if (!p) throw new Error(`no plan ${planId}`);
  p.baseYear = base;
  p.period = { start: base + 1, end };
  for (const t of p.targets) if (t.baseYear) t.baseYear = base;
  for (const o of p.observations) if (typeof o.year === "number") o.year = base;
  return new Catalog(plans, regions, indicators);
}
