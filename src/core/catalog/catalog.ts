// The plan catalog: the reviewable data files under data/, indexed once. The zod schema (schema.ts)
// validates these files in the tests and in the build (scripts/check-data.ts); the runtime does not
// import zod, so it only fills in the schema's defaults here (cold start matters in Excel).
import regionsJson from "../../../data/regions.json";
import indicatorsJson from "../../../data/indicators.json";
import plan000 from "../../../data/plans/000-zhongshan-14th.json";
import plan001 from "../../../data/plans/001-zhongshan-gba-2019.json";
import plan002 from "../../../data/plans/002-shanwei-chengqu.json";
import plan003 from "../../../data/plans/003-zhongshan-towns.json";
import plan004 from "../../../data/plans/004-yiyang-14th.json";
import { LEXICON_SURFACES } from "../resolve/lexicon";

/** Characters of row-label decorations (numbering, 单位) that are simplified already: no OpenCC for them. */
const LABEL_DECORATIONS = [
  "一二三四五六七八九十百零〇两第条项章节部分",
  "单位",
  "元千万百亿人家个项件次名所座台套倍",
];
import {
  BINDING,
  type Direction,
  type Indicator,
  type Observation,
  type Plan,
  type Region,
  type Target,
} from "./schema";
import { BigramCache, normalizeIndicator, normalizeRegion, Vocabulary } from "./text";
import type { ProgressInput } from "../method/methodology";
import { coreMessage } from "../messages";

export const RAW_PLANS: unknown[] = [plan000, plan001, plan002, plan003, plan004];

/** Where an imported plan came from: its pack, and the 出处 the user gave. Bundled plans have none. */
export interface PackOrigin {
  id: string;
  name: string;
  source: string;
}

export type PlanInfo = Omit<Plan, "targets" | "observations"> & { pack?: PackOrigin };

/** A target joined with its plan, indicator, region and baseline. */
export interface CatalogTarget extends Omit<Target, "direction"> {
  /** Which way is better: the target's own direction, else its indicator's (see Direction in schema.ts). */
  direction: Direction;
  plan: PlanInfo;
  indicatorDef: Indicator;
  regionDef: Region;
  baselineObs: Observation | null;
  /** The value used to judge the target: the value, or the lower bound of a range. */
  threshold: number;
}

export interface CatalogObservation extends Observation {
  plan: PlanInfo;
}

const key = (region: string, indicator: string) => `${region}|${indicator}`;

export class Catalog {
  readonly plans: PlanInfo[] = [];
  readonly regions: Region[];
  readonly indicators: Indicator[];
  /** Every target record, restatements included. */
  readonly allTargets: CatalogTarget[] = [];
  /** Targets without restatements: what queries return. */
  readonly targets: CatalogTarget[] = [];
  readonly observations: CatalogObservation[] = [];

  readonly regionById = new Map<string, Region>();
  readonly regionByKey = new Map<string, Region>();
  readonly indicatorById = new Map<string, Indicator>();
  /** Normalized name/alias → indicator id (global vocabulary). */
  readonly indicatorByKey = new Map<string, string>();
  /** Indicator id → its normalized name and aliases. */
  readonly indicatorKeys = new Map<string, string[]>();
  /** Normalized plan label → indicator id, per region (a plan's own wording is an alias there). */
  readonly labelKeysByRegion = new Map<string, Map<string, string>>();
  readonly observationsByKey = new Map<string, CatalogObservation[]>();
  readonly targetsByRegion = new Map<string, CatalogTarget[]>();
  /** The characters of this catalog's names: a query made of them is simplified already (see fold). */
  readonly vocabulary: Vocabulary;
  /** Bigrams of names for spelling suggestions and search (see similarity). */
  readonly bigrams = new BigramCache();

  constructor(
    private readonly rawPlans: unknown[],
    rawRegions: unknown,
    rawIndicators: unknown,
  ) {
    this.regions = (rawRegions as Partial<Region>[]).map(
      (r) => ({ parent: null, aliases: [], enclosing: [], ...r }) as Region,
    );
    this.indicators = (rawIndicators as Partial<Indicator>[]).map(
      (i) => ({ aliases: [], direction: "higher", flow: false, ...i }) as Indicator,
    );
    // One memo of keys for names and labels: a plan's label is most often its indicator's name.
    const keyOf = memo((name: string) => normalizeIndicator(name, true));
    for (const r of this.regions) {
      this.regionById.set(r.id, r);
      for (const name of [r.name, r.fullName, ...r.aliases]) this.addRegionKey(name, r);
    }
    for (const ind of this.indicators) {
      this.indicatorById.set(ind.id, ind);
      const keys: string[] = [];
      this.indicatorKeys.set(ind.id, keys);
      for (const name of [ind.name, ...ind.aliases]) {
        const k = keyOf(name);
        keys.push(k);
        const prev = this.indicatorByKey.get(k);
        if (prev && prev !== ind.id)
          throw new Error(
            coreMessage({ reason: "indicatorAliasConflict", name, first: prev, second: ind.id }),
          );
        this.indicatorByKey.set(k, ind.id);
      }
    }
    for (const raw of rawPlans) this.addPlan(raw as Plan, keyOf);
    this.vocabulary = new Vocabulary(
      this.regionByKey.keys(),
      LEXICON_SURFACES,
      LABEL_DECORATIONS,
      this.indicatorByKey.keys(),
      ...[...this.labelKeysByRegion.values()].map((labels) => labels.keys()),
    );
  }

  private addRegionKey(name: string, r: Region) {
    const k = normalizeRegion(name, true);
    const prev = this.regionByKey.get(k);
    if (prev && prev.id !== r.id) throw new Error(coreMessage({ reason: "regionAliasConflict", name }));
    this.regionByKey.set(k, r);
  }

  /** One plan's records, with the schema's defaults filled in as each is joined (one object per target). */
  private addPlan(p: Plan & { pack?: PackOrigin }, labelKey: (label: string) => string) {
    const { targets, observations: raw, ...info } = p;
    this.plans.push(info);
    const observations = raw.map((o) => ({ ...o, entity: o.entity ?? null }));
    // A baseline is found by id in a map, not by a scan per target (the first of an id, as find() gave).
    const obsById = new Map<string, Observation>();
    for (const o of observations) if (!obsById.has(o.id)) obsById.set(o.id, o);
    for (const o of observations) {
      const co: CatalogObservation = { ...o, plan: info };
      this.observations.push(co);
      push(this.observationsByKey, key(o.region, o.indicator), co);
    }
    for (const t of targets) {
      const ct = this.joinTarget(t, info, obsById);
      this.allTargets.push(ct);
      let labels = this.labelKeysByRegion.get(t.region);
      if (!labels) this.labelKeysByRegion.set(t.region, (labels = new Map()));
      labels.set(labelKey(t.label), t.indicator);
      if (t.restates) continue;
      this.targets.push(ct);
      push(this.targetsByRegion, t.region, ct);
    }
  }

  /** A target with the schema's defaults, joined with its plan, indicator, region and baseline. */
  private joinTarget(t: Target, info: PlanInfo, obsById: Map<string, Observation>): CatalogTarget {
    const indicatorDef = this.indicatorById.get(t.indicator);
    const regionDef = this.regionById.get(t.region);
    if (!indicatorDef)
      throw new Error(
        coreMessage({ reason: "unknownTargetIndicator", target: t.id, indicator: t.indicator }),
      );
    if (!regionDef)
      throw new Error(coreMessage({ reason: "unknownTargetRegion", target: t.id, region: t.region }));
    const baseline = t.baseline ?? null;
    const baselineObs = baseline ? (obsById.get(baseline) ?? null) : null;
    if (baseline && !baselineObs)
      throw new Error(coreMessage({ reason: "missingBaselineObservation", target: t.id, baseline }));
    // Every field of TargetFields (schema.ts) written out, so a new optional field must be added here too: one
    // allocation of one shape for every target (a spread plus fields gives each object a hidden class of its
    // own; Object.assign grows the copy's property store field by field).
    const value = t.value ?? null;
    const min = t.min ?? null;
    return {
      id: t.id,
      region: t.region,
      entity: t.entity ?? null,
      indicator: t.indicator,
      label: t.label,
      unit: t.unit,
      value,
      min,
      max: t.max ?? null,
      comparison: t.comparison,
      direction: t.direction ?? indicatorDef.direction,
      kind: t.kind,
      targetYear: t.targetYear,
      period: t.period ?? null,
      baseYear: t.baseYear ?? null,
      baseline,
      hedged: t.hedged,
      quote: t.quote,
      attribute: t.attribute ?? null,
      attributeQuote: t.attributeQuote ?? null,
      restates: t.restates ?? null,
      implied: t.implied ?? false,
      note: t.note,
      plan: info,
      indicatorDef,
      regionDef,
      baselineObs,
      threshold: t.comparison === "range" ? (min as number) : (value as number),
    };
  }

  private byId: Map<string, CatalogTarget> | null = null;
  /** Target id → target (the last of an id), indexed when first asked: an import of 50,000 targets does not
   * hash each id before a sheet asks for one. */
  get targetById(): ReadonlyMap<string, CatalogTarget> {
    if (!this.byId) {
      this.byId = new Map();
      for (const t of this.allTargets) this.byId.set(t.id, t);
    }
    return this.byId;
  }

  /** Per region, indicator id → its targets: built for a region when it is first asked about (a pack of
   * 50,000 targets is not indexed twice before any formula asks). */
  private readonly targetsByIndicator = new Map<string, Map<string, CatalogTarget[]>>();

  targetsOf(regionId: string, indicatorId: string): CatalogTarget[] {
    let byIndicator = this.targetsByIndicator.get(regionId);
    if (!byIndicator) {
      byIndicator = new Map();
      for (const t of this.targetsByRegion.get(regionId) ?? []) push(byIndicator, t.indicator, t);
      this.targetsByIndicator.set(regionId, byIndicator);
    }
    return byIndicator.get(indicatorId) ?? [];
  }

  observationsOf(regionId: string, indicatorId: string): CatalogObservation[] {
    return this.observationsByKey.get(key(regionId, indicatorId)) ?? [];
  }

  planById(id: string): PlanInfo | undefined {
    return this.plans.find((p) => p.id === id);
  }

  /** Plans of a region (sub-area targets belong to the plan of their parent city). */
  plansOfRegion(regionId: string): PlanInfo[] {
    return this.plans.filter((p) => p.region === regionId);
  }

  private versionCache: string | null = null;
  /** A short content hash of the bundled data: written into every progress sheet. */
  get version(): string {
    if (!this.versionCache)
      this.versionCache = fnv1a(JSON.stringify([this.rawPlans, this.regions, this.indicators]));
    return this.versionCache;
  }
}

/** f, remembering each answer (for a pure function asked again for the same text, e.g. a label per target). */
function memo(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) seen.set(s, (v = f(s)));
    return v;
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** FNV-1a of a string, as 8 hex digits (data versions, stored-pack checksums). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

// The bundled plans never change at run time, so one Catalog of them serves every store, runner and pack
// import in a runtime. It is built on first use, not at module load (cold start: custom functions register
// before any formula asks), and kept in a const holder: a value computed once, not state anyone installs
// into. What a face answers from is its own CatalogStore (store.ts).
const bundled: { catalog?: Catalog } = {};
/** The bundled plans alone, built once per runtime. */
export function bundledCatalog(): Catalog {
  return (bundled.catalog ??= new Catalog(RAW_PLANS, regionsJson, indicatorsJson));
}

/** The bundled data as raw records, for a catalog that adds imported plans to them. */
export const BUNDLED_DATA = {
  plans: RAW_PLANS,
  regions: regionsJson as unknown[],
  indicators: indicatorsJson as unknown[],
};

/** The methodology's input for a catalog target, an actual and an assessment year. */
export function progressInputFor(
  t: CatalogTarget,
  actual: number | null,
  year: number,
  baselineOverride: number | null = null,
): ProgressInput {
  return {
    kind: t.kind,
    unit: t.unit,
    comparison: t.comparison,
    path: t.indicatorDef.path,
    direction: t.direction,
    binding: t.attribute === BINDING,
    value: t.threshold,
    targetYear: t.targetYear,
    baseYear: t.baseYear ?? t.plan.baseYear,
    baseline: baselineOverride ?? t.baselineObs?.value ?? null,
    actual,
    year,
  };
}
