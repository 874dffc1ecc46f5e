// Units: values stay in the plan's own unit; an explicit unit converts within one dimension.
import { badValue } from "../errors";
import { fold, Vocabulary } from "../catalog/text";

type UnitDim = "money" | "people" | "percent" | "multiple" | `count:${string}`;
interface UnitDef {
  dim: UnitDim;
  factor: number;
}

const UNITS: Record<string, UnitDef> = {
  元: { dim: "money", factor: 1 },
  千元: { dim: "money", factor: 1e3 },
  万元: { dim: "money", factor: 1e4 },
  百万元: { dim: "money", factor: 1e6 },
  亿元: { dim: "money", factor: 1e8 },
  人: { dim: "people", factor: 1 },
  名: { dim: "people", factor: 1 },
  万人: { dim: "people", factor: 1e4 },
  "%": { dim: "percent", factor: 1 },
  百分比: { dim: "percent", factor: 1 },
  倍: { dim: "multiple", factor: 1 },
};
// Count units convert only to themselves: 家 is not 项.
for (const u of ["家", "个", "项", "件", "次", "所"]) UNITS[u] = { dim: `count:${u}`, factor: 1 };

/** The characters unit names are written in (simplified): a unit made of them skips OpenCC. */
const UNIT_VOCABULARY = new Vocabulary(Object.keys(UNITS), ["单位每十百万人口"]);

const SPELLINGS: Record<string, string> = {
  yuan: "元",
  万: "万元",
  亿: "亿元",
  percent: "%",
  pct: "%",
  people: "人",
  persons: "人",
};

export function canonicalUnit(raw: string): string | null {
  const f = fold(raw, false, UNIT_VOCABULARY).replace(/^\((.*)\)$/, "$1");
  if (UNITS[f]) return f;
  const alt = SPELLINGS[f];
  return alt ?? null;
}

/** Round away binary noise (1650万元 → 0.165亿元, not 0.16500000000000001). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/** Convert value from the plan's unit to the requested one, or throw #VALUE! with a Chinese message. */
export function convert(value: number, from: string, to: string | null | undefined): number {
  if (to === null || to === undefined || to === "") return value;
  const target = canonicalUnit(to);
  const source = canonicalUnit(from) ?? from;
  if (!target) {
    throw badValue({ reason: "unknownUnit", unit: to }, [source]);
  }
  if (target === source) return value;
  const a = UNITS[source];
  const b = UNITS[target];
  if (!a || !b || a.dim !== b.dim) {
    throw badValue({ reason: "unitDimension", from, to: target }, [from]);
  }
  return clean((value * a.factor) / b.factor);
}

/** "件/万人" → "件": the unit of a density, as a label writes it. */
function baseUnit(raw: string): string {
  return fold(raw, false, UNIT_VOCABULARY)
    .replace(/^单位[:：]?/, "")
    .replace(/\/(每)?(万|百万|十万)?人口?$/, "");
}

/** Is this bracketed text a unit (万元, %, 家, 件/万人)? */
export function isUnitText(raw: string): boolean {
  return canonicalUnit(baseUnit(raw)) !== null;
}

/**
 * A unit a row label claims (“技术合同交易额（万元）”) against the plan's unit. Same dimension: the unit to
 * convert to (count units — 家, 个, 项 — all name the same count, so the plan's own). Otherwise #VALUE!
 * naming both units.
 */
export function claimedUnit(claim: string, planUnit: string, label: string): string {
  const c = canonicalUnit(baseUnit(claim));
  const p = canonicalUnit(planUnit) ?? planUnit;
  const a = c ? UNITS[c] : undefined;
  const b = UNITS[p];
  if (c && a && b) {
    if (a.dim === b.dim) return c;
    // 个 is the general classifier: it may stand for 家, 项, 件 or 次. Other count units name different
    // things (家 enterprises, 次 events, 件 patents) and contradict each other.
    if (a.dim.startsWith("count:") && b.dim.startsWith("count:") && (c === "个" || p === "个")) return p;
  }
  throw badValue({ reason: "claimedUnitDimension", label, claim, planUnit }, [planUnit]);
}
