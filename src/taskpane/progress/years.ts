// Assessment-year helpers.
import type { PlanInfo } from "../../core/catalog/catalog";

/** The default 评估年份: the current year clamped into the plan period. */
export function defaultYear(plan: PlanInfo, now: number = new Date().getFullYear()): number {
  return Math.min(Math.max(now, plan.period.start), plan.period.end);
}

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** A whole year in range, or null. */
export function parseYear(text: string): number | null {
  if (!/^\s*\d{4}\s*$/.test(text)) return null;
  const y = Number(text);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}
