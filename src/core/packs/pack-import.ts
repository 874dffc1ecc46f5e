// Imported plans beside the bundled ones: each pack's regions, indicators and plans are mapped onto the
// catalog built so far (bundled, then the packs before it) and given ids of their own; a target that
// another plan already states (same region, entity, indicator and year) is left out and reported.
import { BUNDLED_DATA, bundledCatalog, Catalog, type PackOrigin } from "../catalog/catalog";
import type { CatalogStore } from "../catalog/store";
import { facetKey, foldName, parseName, type Facets } from "../resolve/meaning";
import type { PackIndicator, PackPlan, PackTarget, PlanPack } from "./pack";
import { placeInPack } from "./issue-text";
import type { Dimension, Indicator, Observation, Plan, Region, Target, TargetKind } from "../catalog/schema";
import { normalizeIndicator, normalizeRegion, toSimplified, undecorate } from "../catalog/text";
import { canonicalUnit } from "../method/units";
import { TargetKeys, yearOfKey } from "./target-keys";

export interface Conflict {
  packId: string;
  targetLabel: string;
  region: string;
  entity: string | null;
  indicator: string;
  year: number;
  /** Who has it: a bundled plan's name, or a pack's name. */
  existing: string;
  message: string;
}

export interface ImportReport {
  plans: { id: string; name: string; source: string; targets: number; packId: string }[];
  conflicts: Conflict[];
  errors: string[];
  /** A region or indicator of a pack taken as an existing one (by its name or its meaning), in Chinese. */
  notes: string[];
}

/** What one pack adds to a catalog, with its ids already namespaced. */
export interface PackAdditions {
  /** Said to the user: a region or indicator of the pack taken as an existing one. */
  notes: string[];
  regions: Region[];
  indicators: Indicator[];
  plans: (Plan & { pack: PackOrigin })[];
  conflicts: Conflict[];
  errors: string[];
}

/** The prefix of every id an imported record gets: bundled ids never start with it. */
export const PACK_ID_PREFIX = "pack-";

/**
 * Catalog ids of a pack's records. A pack id has no "--" and does not end in "-" (pack.ts), so the first
 * "--" (regions, plans), "." (targets, observations) or "__" (indicators) after it ends it: two packs never
 * give one id, whatever their records' own ids.
 */
export const packIds = (packId: string) => {
  // Each prefix made once: a record's id is then one join (50,000 targets), not three.
  const place = `${PACK_ID_PREFIX}${packId}--`;
  const record = `${PACK_ID_PREFIX}${packId}.`;
  const indicator = `pack_${packId.replace(/-/g, "_")}__`;
  return {
    region: (id: string) => place + id,
    plan: (id: string) => place + id,
    record: (id: string) => record + id,
    indicator: (id: string) => indicator + id,
  };
};

/**
 * Build the catalog of bundled + imported plans and install it in `store` (what that face's functions, pane,
 * progress sheets and search answer from). A pack with errors adds nothing; conflicting targets are left out.
 * Calling it again replaces the previous import (pass every pack the workbook holds).
 */
export function importPacks(store: CatalogStore, packs: PlanPack[]): ImportReport {
  const { catalog, report } = buildCatalogWithPacks(packs);
  store.install(packs.length ? catalog : null);
  return report;
}

/** The catalog of bundled + imported plans, without installing it (the CLI and tests use it directly). */
export function buildCatalogWithPacks(packs: PlanPack[]): { catalog: Catalog; report: ImportReport } {
  let catalog = bundledCatalog();
  const regions = [...BUNDLED_DATA.regions];
  const indicators = [...BUNDLED_DATA.indicators];
  const plans = [...BUNDLED_DATA.plans];
  const report: ImportReport = { plans: [], conflicts: [], errors: [], notes: [] };
  const seen = new Set<string>();
  for (const pack of packs) {
    if (seen.has(pack.id)) {
      report.errors.push(`规划包“${pack.name}”(${pack.id}):同一编号的规划包已导入,未重复导入`);
      continue;
    }
    seen.add(pack.id);
    const add = mapPack(pack, catalog);
    report.conflicts.push(...add.conflicts);
    if (add.errors.length) {
      report.errors.push(...add.errors.map((e) => `规划包“${pack.name}”:${e}`));
      continue;
    }
    const next = tryCatalog(
      [...plans, ...add.plans],
      [...regions, ...add.regions],
      [...indicators, ...add.indicators],
    );
    if (typeof next === "string") {
      report.errors.push(`规划包“${pack.name}”:${next}`);
      continue;
    }
    catalog = next;
    report.notes.push(...add.notes.map((n) => `规划包“${pack.name}”:${n}`));
    plans.push(...add.plans);
    regions.push(...add.regions);
    indicators.push(...add.indicators);
    for (const p of add.plans)
      report.plans.push({
        id: p.id,
        name: p.title,
        source: p.pack.source,
        targets: p.targets.length,
        packId: pack.id,
      });
  }
  return { catalog, report };
}

function tryCatalog(plans: unknown[], regions: unknown[], indicators: unknown[]): Catalog | string {
  try {
    return new Catalog(plans, regions, indicators);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

// ---- One pack ---------------------------------------------------------------------------------------------

/** Map a pack onto a catalog: regions and indicators reused where they exist, the rest added. */
export function mapPack(pack: PlanPack, catalog: Catalog): PackAdditions {
  const out: PackAdditions = { notes: [], regions: [], indicators: [], plans: [], conflicts: [], errors: [] };
  const origin: PackOrigin = { id: pack.id, name: pack.name, source: pack.source };
  const regionId = mapRegions(pack, catalog, out);
  const nameOf = namesOnce();
  const indicatorId = mapIndicators(pack, catalog, out, nameOf);
  const keys = new TargetKeys();
  const taken = new Map<string | number, string>();
  for (const t of catalog.allTargets)
    for (const k of targetKeys(t, keys)) if (!taken.has(k)) taken.set(k, sourceName(t.plan));
  const labelOf = labelsOf(pack, nameOf);
  const who = `规划包“${pack.name}”`;
  pack.plans.forEach((p, pi) => {
    const plan = mapPlan(pack, p, pi, regionId, indicatorId, labelOf, out);
    if (!plan) return;
    plan.targets = plan.targets.filter((t) => {
      if (t.restates) return true;
      const clash = claim(t, who, taken, keys);
      if (clash === undefined) return true;
      out.conflicts.push(conflictOf(pack, t, yearOfKey(clash), taken.get(clash)!, catalog, out));
      return false;
    });
    observationNotes(plan, catalog, out);
    out.plans.push({ ...plan, pack: p.source ? { ...origin, source: p.source } : origin });
  });
  return out;
}

/**
 * A target's keys: region, entity, indicator and each year it applies to (a per-year target, every year of
 * its period), so that two targets never answer one (region, indicator, year) — the resolver would refuse it.
 */
type Keyed = Pick<Target, "region" | "entity" | "indicator" | "targetYear" | "kind" | "period">;
function targetKeys(t: Keyed, keys: TargetKeys) {
  const years = isPerYear(t)
    ? Array.from({ length: t.period!.end - t.period!.start + 1 }, (_, i) => t.period!.start + i)
    : [t.targetYear];
  return years.map((y) => keys.key(t.region, t.entity, t.indicator, y));
}
const isPerYear = (t: Keyed) => t.kind === "per_year" && !!t.period;

/**
 * The first of the target's keys that `taken` has, or undefined and every key taken for `who`. A target of one
 * year (50,000 of them) is keyed once, without an array.
 */
function claim(
  t: Keyed,
  who: string,
  taken: Map<string | number, string>,
  keys: TargetKeys,
): string | number | undefined {
  if (!isPerYear(t)) {
    const k = keys.key(t.region, t.entity, t.indicator, t.targetYear);
    if (taken.has(k)) return k;
    taken.set(k, who);
    return undefined;
  }
  const all = targetKeys(t, keys);
  const clash = all.find((k) => taken.has(k));
  if (clash === undefined) for (const k of all) taken.set(k, who);
  return clash;
}

/** A figure the pack gives for a year another plan gives another figure for: said, not silently shadowed. */
function observationNotes(plan: Plan, catalog: Catalog, out: PackAdditions) {
  for (const o of plan.observations) {
    const old = catalog
      .observationsOf(o.region, o.indicator)
      .find((x) => x.year === o.year && (x.entity ?? null) === (o.entity ?? null) && x.value !== o.value);
    if (!old) continue;
    const name = catalog.indicatorById.get(o.indicator)?.name ?? o.indicator;
    const who = o.entity ?? catalog.regionById.get(o.region)?.name ?? o.region;
    out.notes.push(
      `${who}“${name}”${o.year}年的数值,规划包为 ${o.value}${o.unit},${sourceName(old.plan)}为 ${old.value}${old.unit}:` +
        "规划包目标的基期值用规划包的数值;PLAN.BASELINE 按年份查历史数据时取已有的数值",
    );
  }
}

const sourceName = (p: { title: string; pack?: PackOrigin }) =>
  p.pack ? `规划包“${p.pack.name}”` : `内置规划《${p.title}》`;

function conflictOf(
  pack: PlanPack,
  t: Target,
  year: number,
  existing: string,
  catalog: Catalog,
  add: PackAdditions,
): Conflict {
  const region =
    catalog.regionById.get(t.region)?.name ?? add.regions.find((r) => r.id === t.region)?.name ?? t.region;
  const indicator =
    catalog.indicatorById.get(t.indicator)?.name ??
    add.indicators.find((i) => i.id === t.indicator)?.name ??
    t.indicator;
  const who = t.entity ?? region;
  return {
    packId: pack.id,
    targetLabel: t.label,
    region,
    entity: t.entity,
    indicator,
    year,
    existing,
    message:
      `${who}“${indicator}”${year}年的目标已由${existing}给出,规划包中的这条目标(“${t.label}”)未导入。` +
      "如确属新规划调整了目标,请先移除原有的规划包,或把这条目标从规划包中删去",
  };
}

// ---- Regions -----------------------------------------------------------------------------------------------

/** Pack region id → catalog region id: an existing region where a name matches one, else a new one. */
type Ref = (ref: string) => string | null | undefined;

function mapRegions(pack: PlanPack, catalog: Catalog, out: PackAdditions): Ref {
  const map = new Map<string, string>();
  const existing = (n: string) => catalog.regionByKey.get(normalizeRegion(n));
  const failed = new Set<string>();
  for (const r of pack.regions) {
    // The region's own names decide which region it is; an alias that is another region's name is an error.
    const hits = new Set([r.name, r.fullName].filter((n) => !!n).flatMap((n) => existing(n) ?? []));
    const aliasHits = r.aliases.flatMap((a) => {
      const e = existing(a);
      return e && !hits.has(e) ? [`别名“${a}”已是${e.fullName}(${e.name})的名称`] : [];
    });
    if (hits.size > 1 || aliasHits.length) {
      const names = [...hits].map((e) => e.fullName);
      out.errors.push(
        `地区“${r.name}”:` +
          (hits.size > 1 ? `名称同时对应已有的${names.join("、")}` : aliasHits.join(";")) +
          ",请删去或改写这个名称",
      );
      failed.add(r.id);
      continue;
    }
    const same = [...hits][0];
    if (same)
      out.notes.push(
        `地区“${r.name}”按已有的${same.fullName}(${same.name})导入;如不是同一地区,请写出全称以示区别`,
      );
    map.set(r.id, same ? same.id : packIds(pack.id).region(r.id));
  }
  // A region already reported as an error: its records say nothing more (undefined, not null).
  const ref = (id: string) =>
    failed.has(id) ? undefined : (map.get(id) ?? (catalog.regionById.has(id) ? id : null));
  for (const r of pack.regions) {
    const id = map.get(r.id);
    if (!id || catalog.regionById.has(id)) continue;
    const parent = r.parent === null ? null : ref(r.parent);
    if (r.parent !== null && parent === null)
      out.errors.push(`地区“${r.name}”的上级地区“${r.parent}”不存在,请在 regions 中补上`);
    out.regions.push({
      ...r,
      id,
      parent: parent ?? null,
      aliases: r.aliases.map((a) => toSimplifiedName(a)),
      name: toSimplifiedName(r.name),
      fullName: toSimplifiedName(r.fullName),
    });
  }
  return ref;
}

/**
 * A target's label as the catalog keeps it: its own label, else its indicator's name (else the indicator id).
 * Each text is converted once (nameOf), however many targets share it.
 */
function labelsOf(pack: PlanPack, nameOf: (s: string) => string): (t: PackTarget) => string {
  const names = new Map(pack.indicators.map((i) => [i.id, i.name]));
  return (t) => nameOf(t.label ?? names.get(t.indicator) ?? t.indicator);
}

/** indicatorName for one pack, each text once: for its indicator and for its targets' labels. */
function namesOnce(): (s: string) => string {
  const done = new Map<string, string>();
  return (s) => {
    let v = done.get(s);
    if (v === undefined) done.set(s, (v = indicatorName(s)));
    return v;
  };
}

/** Catalog keys are folded from simplified names: a pack written in 繁体 is converted here once. */
const toSimplifiedName = (s: string) => toSimplified(s.normalize("NFKC").trim());

/**
 * An indicator name or label as the catalog keeps it: simplified, without row-label decorations (1., (家)),
 * since the catalog folds its names on the fast path that does not strip them.
 */
const indicatorName = (s: string) => {
  const simplified = toSimplifiedName(s);
  return undecorate(simplified) || simplified;
};

// ---- Indicators ------------------------------------------------------------------------------------------

const KIND_MEASURE: Record<TargetKind, Facets["measure"]> = {
  level: "level",
  share: "share",
  growth_rate: "growth",
  multiple: "multiple",
  cumulative: "cumulative",
  per_year: "per_year",
  milestone: "level",
};

/**
 * Pack indicator id → catalog indicator id. A name (or alias) the vocabulary has is that entry; a name whose
 * facets equal one entry's is that entry (so 新增高新技术企业 never reaches an imported 高新技术企业 stock);
 * otherwise a new entry: its facets if the name reads, else a private one matched by its exact name only.
 */
function mapIndicators(
  pack: PlanPack,
  catalog: Catalog,
  out: PackAdditions,
  nameOf: (s: string) => string,
): (ref: string) => string | null {
  const map = new Map<string, string>();
  const byFacets = new Map<string, string[]>();
  for (const ind of catalog.indicators) {
    const k = facetKey(ind.facets);
    byFacets.set(k, [...(byFacets.get(k) ?? []), ind.id]);
  }
  // New names and aliases by key, for an alias that names another new indicator: kept only when the pack has
  // an alias to check (else 10,000 new names would each be normalized for nothing).
  const newKeys = new Map<string, string>();
  const aliased = pack.indicators.some((i) => i.aliases.length > 0);
  // The pack's new indicators by meaning (private ones excepted), and each indicator's first target: maps,
  // so that import stays linear in the number of new names.
  const twins = new Map<string, Indicator>();
  const first = firstTargets(pack);
  const idOf = packIds(pack.id).indicator;
  for (const ind of pack.indicators) {
    const facets = ind.facets ?? readFacets(ind.name); // read once: parsing a name is most of the work
    const nameKey = normalizeIndicator(ind.name);
    const existing = existingIndicator(ind, nameKey, facets, catalog, byFacets, out.notes);
    if (existing) {
      map.set(ind.id, existing);
      continue;
    }
    const def = newIndicator(idOf(ind.id), ind, nameKey, facets, first.get(ind.id) ?? null, nameOf);
    const k = facetKey(def.facets);
    const twin = twins.get(k);
    const own = isPrivate(def);
    if (twin && !own) {
      map.set(ind.id, twin.id);
      continue;
    }
    if (!own && !twins.has(k)) twins.set(k, def);
    if (def.aliases.length) def.aliases = ownAliases(ind.name, def, catalog, newKeys, out.errors);
    if (aliased) for (const n of [def.name, ...def.aliases]) newKeys.set(normalizeIndicator(n), def.id);
    map.set(ind.id, def.id);
    out.indicators.push(def);
    byFacets.set(k, [def.id]);
  }
  return (id) => map.get(id) ?? (catalog.indicatorById.has(id) ? id : null);
}

/** A new indicator's aliases that name no other indicator (each that does is an error). */
function ownAliases(
  name: string,
  def: Indicator,
  catalog: Catalog,
  newKeys: Map<string, string>,
  errors: string[],
): string[] {
  return def.aliases.filter((a) => {
    const key = normalizeIndicator(a);
    const owner = catalog.indicatorByKey.get(key) ?? newKeys.get(key);
    if (owner === undefined || owner === def.id) return true;
    errors.push(`指标“${name}”的别名“${a}”已是另一指标的名称,请删去这个别名`);
    return false;
  });
}

/**
 * The existing indicator a pack's indicator is: by a name or alias of the vocabulary, by a plan's own label
 * (its words are that indicator's somewhere already), else by equal facets. The last is said in a note.
 */
function existingIndicator(
  ind: PackIndicator,
  nameKey: string,
  facets: Facets | null,
  catalog: Catalog,
  byFacets: Map<string, string[]>,
  notes: string[],
): string | null {
  let hit = namedIndicator(catalog, nameKey);
  for (let i = 0; !hit && i < ind.aliases.length; i++)
    hit = namedIndicator(catalog, normalizeIndicator(ind.aliases[i]));
  if (hit) return hit;
  hit = facets ? byFacets.get(facetKey(facets))?.[0] : undefined;
  if (hit)
    notes.push(`指标“${ind.name}”与已有的“${catalog.indicatorById.get(hit)!.name}”含义相同,按同一指标导入`);
  return hit ?? null;
}

/** The indicator a key names: a name or alias of the vocabulary, else a plan's own label. */
function namedIndicator(catalog: Catalog, key: string): string | undefined {
  return catalog.indicatorByKey.get(key) ?? labelOwner(catalog, key);
}

function labelOwner(catalog: Catalog, key: string): string | undefined {
  for (const labels of catalog.labelKeysByRegion.values()) {
    const id = labels.get(key);
    if (id) return id;
  }
  return undefined;
}

function readFacets(name: string): Facets | null {
  const r = parseName(foldName(name));
  return r.ok ? r.parsed.facets : null;
}

/** A private entry's subject: its own normalized name, which no readable query produces. */
const PRIVATE_MARK = "名称:";
function isPrivate(i: Indicator): boolean {
  for (const s of i.facets.subject) if (s.startsWith(PRIVATE_MARK)) return true;
  return false;
}

function newIndicator(
  id: string,
  ind: PackIndicator,
  nameKey: string,
  read: Facets | null,
  first: PackTarget | null,
  nameOf: (s: string) => string,
): Indicator {
  const measure = first ? KIND_MEASURE[first.kind] : "level";
  const facets: Facets = read ?? {
    subject: [`${PRIVATE_MARK}${nameKey}`],
    scope: [],
    aspect: null,
    measure,
    denominator: null,
    density: null,
    tier: null,
  };
  const dimension = ind.dimension ?? dimensionOf(first?.unit ?? "", first?.kind ?? "level");
  return {
    id,
    name: nameOf(ind.name),
    aliases: ind.aliases.map(nameOf),
    dimension,
    direction: ind.direction,
    path: ind.path ?? (dimension === "money" || dimension === "multiple" ? "geometric" : "linear"),
    facets,
    flow: ind.flow,
  };
}

/** Each indicator's first target in the pack (its kind and unit give a new indicator's measure and dimension). */
function firstTargets(pack: PlanPack): Map<string, PackTarget> {
  const out = new Map<string, PackTarget>();
  for (const p of pack.plans) for (const t of p.targets) if (!out.has(t.indicator)) out.set(t.indicator, t);
  return out;
}

/** The dimension a unit gives (万元 → money, % → share, 人 → people, 倍 → multiple, else a count). */
export function dimensionOf(unit: string, kind: TargetKind): Dimension {
  // Remembered per unit and kind: a pack of 10,000 new names has a handful of units (a bounded memo of a pure
  // function: it changes no answer).
  const k = `${kind}|${unit}`;
  let d = dimensions.get(k);
  if (d === undefined) {
    if (dimensions.size >= 1000) dimensions.clear();
    dimensions.set(k, (d = readDimension(unit, kind)));
  }
  return d;
}
const dimensions = new Map<string, Dimension>();

function readDimension(unit: string, kind: TargetKind): Dimension {
  const u = canonicalUnit(unit);
  if (kind === "growth_rate") return "rate";
  if (kind === "multiple" || u === "倍") return "multiple";
  if (u === "%" || kind === "share") return "share";
  if (u && /元$/.test(u)) return "money";
  if (u === "人" || u === "名" || u === "万人") return "people";
  return "count";
}

// ---- Plans -----------------------------------------------------------------------------------------------

function mapPlan(
  pack: PlanPack,
  p: PackPlan,
  pi: number,
  regionId: Ref,
  indicatorId: Ref,
  labelOf: (t: PackTarget) => string,
  out: PackAdditions,
): Plan | null {
  const at = (...path: PropertyKey[]) => placeInPack(pack, ["plans", pi, ...path]);
  const region = regionId(p.region);
  if (region === null)
    out.errors.push(`${at("region")}:地区“${p.region}”不在规划包的 regions 中,也不是内置地区编号`);
  const obsId = packIds(pack.id).record;
  const observations: Observation[] = [];
  p.observations.forEach((o, oi) => {
    const r = regionId(o.region);
    const ind = indicatorId(o.indicator);
    if (r === null) out.errors.push(`${at("observations", oi, "region")}:未知地区“${o.region}”`);
    if (ind === null) out.errors.push(`${at("observations", oi, "indicator")}:未知指标“${o.indicator}”`);
    if (r && ind) observations.push({ ...o, id: obsId(o.id), region: r, indicator: ind });
  });
  const targets: Target[] = [];
  p.targets.forEach((t, ti) => {
    const r = regionId(t.region);
    const ind = indicatorId(t.indicator);
    if (r === null)
      out.errors.push(`${at("targets", ti, "region")}:未知地区“${t.region}”,请在 regions 中补上`);
    if (ind === null)
      out.errors.push(`${at("targets", ti, "indicator")}:未知指标“${t.indicator}”,请在 indicators 中补上`);
    if (!r || !ind) return;
    const target = copyTarget(t);
    target.id = obsId(t.id);
    target.region = r;
    target.indicator = ind;
    target.label = labelOf(t);
    target.baseline = t.baseline ? obsId(t.baseline) : null;
    target.restates = t.restates ? obsId(t.restates) : null;
    targets.push(target);
  });
  if (!region) return null;
  return {
    ...p,
    id: packIds(pack.id).plan(p.id),
    file: "",
    shortName: p.shortName ?? p.title.slice(0, 20),
    region,
    observations,
    targets,
  };
}

/**
 * A target's copy with its keys in the order of the target's (the catalog's version hashes their JSON), label
 * last when the target has none. Not {...t, label}: V8 gives each such object (a spread plus a field the
 * source lacks) a hidden class of its own, ≈ 0.5 KB per target, as it does Object.assign's copies of a
 * literal; a literal of the schema's keys (all a target without label, direction or note has) shares one.
 */
function copyTarget(t: PackTarget): Target {
  if ("label" in t || "direction" in t || "note" in t) return Object.assign({}, t) as Target;
  return {
    id: t.id,
    region: t.region,
    entity: t.entity,
    indicator: t.indicator,
    unit: t.unit,
    value: t.value,
    min: t.min,
    max: t.max,
    comparison: t.comparison,
    kind: t.kind,
    targetYear: t.targetYear,
    period: t.period,
    baseYear: t.baseYear,
    baseline: t.baseline,
    hedged: t.hedged,
    quote: t.quote,
    attribute: t.attribute,
    attributeQuote: t.attributeQuote,
    restates: t.restates,
    implied: t.implied,
    label: "",
  };
}
