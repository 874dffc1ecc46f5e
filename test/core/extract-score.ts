// The held-out scoring rule, shared by the held-out texts (extract.test.ts) and the development set
// (extract-dev.test.ts): a candidate fits a key entry when its value (or min and max), unit and year agree.
import type { Candidate } from "../../src/core/extract";

export type Key = { value?: number; min?: number; max?: number; unit: string; year: number | null };

const same = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < 1e-9;

export function fits(c: Candidate, k: Key): boolean {
  const value = k.value !== undefined ? same(c.value, k.value) : same(c.min, k.min) && same(c.max, k.max);
  return value && c.unit === k.unit && c.year === k.year;
}

export interface Score {
  targets: number;
  found: number;
  proposed: number;
  correct: number;
  baselines: number;
  baselinesFound: number;
  /** Key baselines proposed as targets: never allowed. */
  baselinesAsTargets: number;
}

export function score(all: Candidate[], key: { targets: Key[]; baselines: Key[] }): Score {
  const proposed = all.filter((c) => !c.baseline);
  return {
    targets: key.targets.length,
    found: key.targets.filter((k) => proposed.some((c) => fits(c, k))).length,
    proposed: proposed.length,
    correct: proposed.filter((c) => key.targets.some((k) => fits(c, k))).length,
    baselines: key.baselines.length,
    baselinesFound: key.baselines.filter((k) => all.some((c) => c.baseline && fits(c, k))).length,
    baselinesAsTargets: key.baselines.filter((k) => proposed.some((c) => fits(c, k))).length,
  };
}
