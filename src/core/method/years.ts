// The year rule, in one place: which numbers are years, how a typed year reads, the default 评估年份, and
// what is wrong with a year that is not one, in words. The pane, the CLI, the services, the sheet layout, the
// pack schema and the function runner all ask this module.

/** Years a target, a baseline or an assessment may have. */
export const YEARS = { min: 1990, max: 2100 } as const;
export const YEAR_SPAN = `${YEARS.min}–${YEARS.max}`;

export function isYear(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= YEARS.min && n <= YEARS.max;
}

const CN_DIGITS: Record<string, string> = {
  〇: "0",
  零: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** A year as people type it: 2025, "2025年", "２０２５", "2025.0", "二〇二五年"; null when it is not a year. */
export function readYear(raw: string | number): number | null {
  if (typeof raw === "number") return isYear(raw) ? raw : null;
  const s = raw
    .normalize("NFKC")
    .trim()
    .replace(/[〇零一二三四五六七八九]/g, (c) => CN_DIGITS[c]);
  const m = /^(\d{4})(?:年|\.0+)?$/.exec(s);
  const y = m ? Number(m[1]) : NaN;
  return isYear(y) ? y : null;
}

/** The default 评估年份: the current year, clamped into the plan's period. */
export function defaultAssessmentYear(period: { start: number; end: number }, now: number): number {
  return Math.min(Math.max(now, period.start), period.end);
}

/** The years a plan's progress may be assessed in: from its base year (or a target's own, if earlier) to its last target year. */
export function assessmentSpan(
  plan: { baseYear: number; period: { end: number } },
  targets: readonly { baseYear?: number | null; targetYear: number }[] = [],
): { min: number; max: number } {
  return {
    min: Math.min(plan.baseYear, ...targets.map((t) => t.baseYear ?? plan.baseYear)),
    max: Math.max(plan.period.end, ...targets.map((t) => t.targetYear)),
  };
}

/** The span in words, the same in the pane and in the sheet's validation. */
export const assessmentSpanWords = ({ min, max }: { min: number; max: number }) =>
  `${min}–${max} 年之间(基期年至目标年)`;

/** What is wrong with a value given as a year, in words (a serial date is recognised and said). */
export function yearProblem(raw: unknown): string {
  const shown = typeof raw === "string" ? `“${raw.slice(0, 20)}”` : String(raw).slice(0, 20);
  const date = typeof raw === "number" && raw > 20000 && raw < 80000 ? "(看起来是日期,请只填年份)" : "";
  return `应为${YEAR_SPAN}之间的整数年份,如 2025;收到 ${shown}${date}`;
}
