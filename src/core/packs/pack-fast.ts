// A pack's targets and indicators checked by hand where they are plainly valid: a 50,000-target pack spent
// most of its validation in zod (a cold schema, a payload object per field). A record the hand check is unsure
// of goes to zod's own schema for it; anything zod refuses sends the whole pack to zod, so errors and messages
// stay zod's.
import { Attribute, Comparison, TargetKind } from "../catalog/schema";
import { YEARS } from "../method/years";
import { PACK_LIMITS, UNIT } from "./pack";

/** A target as zod's PackTarget gives it (keys in the schema's order), without label, direction or note. */
export interface PlainTarget {
  id: string;
  region: string;
  entity: string | null;
  indicator: string;
  unit: string;
  value: number | null;
  min: number | null;
  max: number | null;
  comparison: string;
  kind: string;
  targetYear: number;
  period: { start: number; end: number } | null;
  baseYear: number | null;
  baseline: string | null;
  hedged: boolean;
  quote: string;
  attribute: string | null;
  attributeQuote: string | null;
  restates: string | null;
  implied: boolean;
}

type Raw = Record<string, unknown>;

// The schema's own enums (one list each: a kind added there is plain here too).
const COMPARISONS = new Set<string>(Comparison.options);
const KINDS = new Set<string>(TargetKind.options);
const ATTRIBUTES = new Set<string>(Attribute.options);
const RECORD_ID = /^[a-z0-9_.-]+$/;

const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const isYear = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= YEARS.min && v <= YEARS.max;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** A field that defaults to null: left out, null, or a value that passes. */
const nullOr = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || v === null || ok(v);
const isString = (v: unknown) => typeof v === "string";
const isQuote = (v: unknown): v is string => typeof v === "string" && v.length >= 2;
const isAttribute = (v: unknown) => typeof v === "string" && ATTRIBUTES.has(v);
const isPeriod = (v: unknown) => isRecord(v) && isYear(v.start) && isYear(v.end);
const isBoolean = (v: unknown) => v === undefined || typeof v === "boolean";

/** The fields zod checks with a rule (an id, a unit, an enum, a year, a quote), all passing? */
function plainRequired(r: Raw): boolean {
  return (
    typeof r.id === "string" &&
    RECORD_ID.test(r.id) &&
    typeof r.region === "string" &&
    typeof r.indicator === "string" &&
    typeof r.unit === "string" &&
    UNIT.test(r.unit) &&
    typeof r.comparison === "string" &&
    COMPARISONS.has(r.comparison) &&
    typeof r.kind === "string" &&
    KINDS.has(r.kind) &&
    isYear(r.targetYear) &&
    isQuote(r.quote) &&
    !("label" in r || "direction" in r || "note" in r)
  );
}

/** The fields with a default, each left out or passing? */
function plainOptional(r: Raw): boolean {
  return (
    nullOr(r.entity, isString) &&
    nullOr(r.value, isNumber) &&
    nullOr(r.min, isNumber) &&
    nullOr(r.max, isNumber) &&
    nullOr(r.period, isPeriod) &&
    nullOr(r.baseYear, isYear) &&
    nullOr(r.baseline, isString) &&
    isBoolean(r.hedged) &&
    nullOr(r.attribute, isAttribute) &&
    nullOr(r.attributeQuote, isQuote) &&
    nullOr(r.restates, isString) &&
    isBoolean(r.implied)
  );
}

/** The target as zod would give it, or null when the hand check is unsure (zod then decides). */
export function plainTarget(r: unknown): PlainTarget | null {
  if (!isRecord(r) || !plainRequired(r) || !plainOptional(r)) return null;
  const period = (r.period ?? null) as PlainTarget["period"];
  const t: PlainTarget = {
    id: r.id as string,
    region: r.region as string,
    entity: (r.entity ?? null) as string | null,
    indicator: r.indicator as string,
    unit: r.unit as string,
    value: (r.value ?? null) as number | null,
    min: (r.min ?? null) as number | null,
    max: (r.max ?? null) as number | null,
    comparison: r.comparison as string,
    kind: r.kind as string,
    targetYear: r.targetYear as number,
    period: period && { start: period.start, end: period.end },
    baseYear: (r.baseYear ?? null) as number | null,
    baseline: (r.baseline ?? null) as string | null,
    hedged: (r.hedged ?? false) as boolean,
    quote: r.quote as string,
    attribute: (r.attribute ?? null) as string | null,
    attributeQuote: (r.attributeQuote ?? null) as string | null,
    restates: (r.restates ?? null) as string | null,
    implied: (r.implied ?? false) as boolean,
  };
  return refined(t) ? t : null;
}

/** PackTarget's own rules (its superRefine): a range has min ≤ max, another target a value, a per-year one a
 * period. */
function refined(t: PlainTarget): boolean {
  const bounds = t.comparison === "range" ? t.min !== null && t.max !== null && t.min <= t.max : t.value !== null;
  return bounds && (t.kind !== "per_year" || t.period !== null);
}

/** Each plan's targets array, when every plan has one of 1 to PACK_LIMITS.targets entries; else null. */
export function targetArrays(json: unknown): unknown[][] | null {
  if (!isRecord(json) || !Array.isArray(json.plans)) return null;
  const out: unknown[][] = [];
  for (const p of json.plans) {
    if (!isRecord(p) || !Array.isArray(p.targets)) return null;
    if (p.targets.length < 1 || p.targets.length > PACK_LIMITS.targets) return null;
    out.push(p.targets);
  }
  return out;
}

/** An indicator as zod's PackIndicator gives it, without dimension, path or facets. */
export interface PlainIndicator {
  id: string;
  name: string;
  aliases: string[];
  direction: "higher" | "lower";
  flow: boolean;
}

const INDICATOR_ID = /^[a-z0-9_]+$/;
const isAliases = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** The indicator as zod would give it, or null when the hand check is unsure (zod then decides). */
export function plainIndicator(r: unknown): PlainIndicator | null {
  if (!isRecord(r) || "dimension" in r || "path" in r || "facets" in r) return null;
  const { id, name, aliases = [], direction = "higher", flow = false } = r;
  if (typeof id !== "string" || !INDICATOR_ID.test(id) || typeof name !== "string" || !name) return null;
  if (!isAliases(aliases) || (direction !== "higher" && direction !== "lower") || typeof flow !== "boolean")
    return null;
  return { id, name, aliases: aliases.slice(), direction, flow };
}

/** Each record checked by hand, else by zod's schema for it (`schema`); null when zod refuses one. */
export function parseEach<T>(
  raw: unknown[],
  plain: (r: unknown) => T | null,
  schema: (r: unknown) => T | null,
): T[] | null {
  const out: T[] = [];
  for (const r of raw) {
    const t = plain(r) ?? schema(r);
    if (t === null) return null;
    out.push(t);
  }
  return out;
}
