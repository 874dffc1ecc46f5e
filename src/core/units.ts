// Units: values stay in the plan's own unit; an explicit unit converts within one dimension.
import { PlanError } from "./errors";
import { fold } from "./text";

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
  const f = fold(raw).replace(/^\((.*)\)$/, "$1");
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
    throw new PlanError(
      "#VALUE!",
      `无法识别的单位“${to.slice(0, 20)}”。可用单位:元、万元、亿元、人、万人、%、家、个、项、件`,
      [source],
    );
  }
  if (target === source) return value;
  const a = UNITS[source];
  const b = UNITS[target];
  if (!a || !b || a.dim !== b.dim) {
    throw new PlanError(
      "#VALUE!",
      `无法把“${from}”换算为“${target}”:两者不是同一量纲。请省略单位参数,按规划原单位“${from}”返回`,
      [from],
    );
  }
  return clean((value * a.factor) / b.factor);
}
