// The progress methodology: 序时进度, expected value, 完成进度, pace, 差额, required growth and status.
// This is the only place these are computed; the progress sheet's Excel formulas mirror it operation by
// operation (src/core/sheet/layout.ts), and a differential test holds the two together. See docs/methodology.md.
import type { Comparison, Direction, TargetKind } from "../catalog/schema";

export const STATUS = {
  unassessable: "无法评估",
  achieved: "已完成",
  missed: "未完成",
  ahead: "快于预期",
  onTrack: "符合预期",
  behind: "进度滞后",
  farBehind: "严重滞后",
  regressing: "逆向变化",
  /** A milestone (零的突破) not yet reached before its target year. */
  pending: "尚未实现",
  /** A 约束性 target before its target year that meets its limit. */
  kept: "守住约束",
  /** A 约束性 target before its target year whose limit, once kept, is no longer met. */
  broken: "突破约束",
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];
export const STATUS_ORDER: Status[] = Object.values(STATUS);
/**
 * What the progress sheet shows where an input is not a value in range (text, a boolean, an error value,
 * a negative count, a fractional year): the sheet's counterpart of the functions' #VALUE!. Never a result of
 * assess(), which takes only valid inputs.
 */
export const INPUT_ERROR = "输入有误";
export type SheetStatus = Status | typeof INPUT_ERROR;
export const SHEET_STATUS_ORDER: SheetStatus[] = [...STATUS_ORDER, INPUT_ERROR];
/**
 * What each status means, in one line: the function help and docs/methodology.md ("状态一览", checked by a test)
 * say these words, and every status the code can produce has one.
 */
export const STATUS_MEANING: Record<SheetStatus, string> = {
  无法评估: "缺实际值、评估年份或所需的基期值,或评估年份不晚于基期年",
  已完成: "实际值达到目标(年均增速、每年类目标只在目标年及以后)",
  未完成: "已到目标年,实际值未达到目标",
  快于预期: "目标年前,进度比(完成进度 ÷ 序时进度)不低于 1.05",
  符合预期: "目标年前,进度比在 0.95–1.05 之间;每年类目标当年达标;年均增速上限类未超过上限",
  进度滞后: "目标年前,进度比在 0.6–0.95 之间",
  严重滞后: "目标年前,进度比在 0–0.6 之间",
  逆向变化: "目标年前,进度比为负(离目标越来越远),或基期已达标而实际值不再达标",
  尚未实现: "零的突破类目标在目标年前尚未实现",
  守住约束: "约束性目标在目标年前达到约束值(每年类目标当年达标)",
  突破约束: "约束性目标在目标年前:基期已达到的约束值不再达到,或每年类目标当年未达标",
  输入有误: "输入不是合理数值(仅进度表;函数返回 #VALUE!),原因见“输入检查”列",
};

/** The input rule (limits by unit class, verdicts, messages) lives in inputs.ts; re-exported for the method's users. */
export { inputRange, MAX_ABS } from "./inputs";

/**
 * Pace thresholds (P = 完成进度 / 序时进度): the lower bound of 快于预期, 符合预期 and 进度滞后; below `behind` is
 * 严重滞后, below farBehind (0, not settable: moving away from the target) 逆向变化. The defaults; a progress
 * sheet may set its own in its title block (provinces set their own), the functions keep these.
 */
export const PACE = { ahead: 1.05, onTrack: 0.95, behind: 0.6, farBehind: 0 } as const;
/** The thresholds a workbook may set (see PACE). */
export interface PaceThresholds {
  ahead: number;
  onTrack: number;
  behind: number;
}
/** The largest threshold a sheet may set (a pace of 2: twice the calendar's). */
export const THRESHOLD_MAX = 2;
/** Are these thresholds usable: numbers, THRESHOLD_MAX ≥ ahead ≥ onTrack ≥ behind ≥ 0? */
export const validThresholds = (th: { [K in keyof PaceThresholds]: unknown }): th is PaceThresholds =>
  typeof th.ahead === "number" &&
  typeof th.onTrack === "number" &&
  typeof th.behind === "number" &&
  th.ahead <= THRESHOLD_MAX &&
  th.ahead >= th.onTrack &&
  th.onTrack >= th.behind &&
  th.behind >= 0;
/** A 左右 target counts as met within this relative tolerance below the value. */
export const ABOUT_TOLERANCE = 0.05;
/**
 * Thresholds are compared with this absolute slack, so that binary rounding (21/100/0.2 =
 * 1.0499999999999998) does not move a decimal-exact pace of 1.05 below its threshold. The sheet's
 * formulas use the same literals (see thresholdLiteral).
 */
export const EPSILON = 1e-9;
/** A threshold minus the slack, as the number both the core and the sheet compare with. */
export const slack = (threshold: number) => threshold - EPSILON;

export interface ProgressInput {
  kind: TargetKind;
  /** The plan's unit ("%", "家", "万人" …): 需年均增速 is stated in it for shares and cumulative targets. */
  unit?: string;
  comparison: Comparison;
  /** "geometric" for money values and multiples; "linear" otherwise. */
  path: "linear" | "geometric";
  direction: Direction;
  /** 约束性: the plan binds itself to the limit (judged against the limit itself, see bindingStatus). */
  binding?: boolean;
  /** V: the target value (for a range, its lower bound; for a multiple, the multiple itself, base = 1). */
  value: number;
  targetYear: number;
  baseYear: number | null;
  /** B; null where the document gives none and the user has typed none. */
  baseline: number | null;
  /**
   * A, the actual in year t; for a growth-rate target the achieved average annual rate; for a multiple the
   * actual level divided by the base-year level.
   */
  actual: number | null;
  /** t, the assessment year (评估年份); null where none is given (nothing can be assessed). */
  year: number | null;
}

export interface Progress {
  /** τ, 序时进度, in [0, 1]. */
  elapsed: number | null;
  expected: number | null;
  /** C, 完成进度. */
  completion: number | null;
  /** P = C / τ (C itself for rates and per-year targets). */
  pace: number | null;
  /** 差额 = A − E, sign flipped for lower-is-better indicators. */
  variance: number | null;
  /**
   * 需年均增速 in the target's own terms (requiredUnit): the average annual growth still needed (a fraction), the
   * percentage points a share still needs a year, or the amount a cumulative target still needs a year.
   */
  requiredRate: number | null;
  status: Status;
  met: boolean | null;
  /** The baseline already meets the target (an increase target with B ≥ V): no progress to measure, C is null. */
  metAtBase: boolean;
}

/** Does the kind compare a rate or an annual amount directly with the target (no path from a baseline)? */
export const isRateLike = (kind: TargetKind) => kind === "growth_rate" || kind === "per_year";
/**
 * Baselines implied by the kind: a cumulative target counts from 0 at the base year; a multiple (翻番, 倍增)
 * is tracked as an index with the base-year level = 1, so its actual is "times the base-year level".
 */
export const impliedBaseline = (kind: TargetKind): number | null =>
  kind === "cumulative" || kind === "milestone" ? 0 : kind === "multiple" ? 1 : null;
/** impliedBaseline in words, for a baseline given where the kind fixes it (a pack's, a typed one). */
export const IMPLIED_BASELINE_WORDS: Partial<Record<TargetKind, string>> = {
  cumulative: "累计类目标从基期的 0 起算",
  milestone: "零的突破类目标的基期为 0",
  multiple: "倍数类目标以基期为 1 计",
};

/**
 * A milestone (实现…零的突破) is reached once, from nothing: its baseline is 0 by definition, and it has no path.
 * E = V (the milestone itself), C = A/V; 已完成 (提前实现) once reached, 尚未实现 before the target year, 未完成
 * after it. No pace, no needed growth; its forecast is the actual itself (a breakthrough has no trend).
 */
export const isMilestone = (kind: TargetKind) => kind === "milestone";

/**
 * How each kind's 完成进度 is computed, in words: the sheet's 说明, the 上报 footnote and the pane's help are
 * generated from this (src/core/sheet/method-text.ts), so they say what assess() does. A kind added to TargetKind
 * must say its own (the Record makes it a type error not to). `linear`/`geometric`: by the indicator's path.
 */
export const KIND_METHOD: Record<TargetKind, { linear: string; geometric?: string }> = {
  level: {
    linear: "(实际值 − 基期值) ÷ (目标值 − 基期值)",
    geometric: "ln(实际值 ÷ 基期值) ÷ ln(目标值 ÷ 基期值)",
  },
  share: {
    linear: "(实际值 − 基期值) ÷ (目标值 − 基期值)",
    geometric: "ln(实际值 ÷ 基期值) ÷ ln(目标值 ÷ 基期值)",
  },
  cumulative: { linear: "累计实际值 ÷ 目标值(基期为 0)" },
  multiple: {
    linear: "(实际倍数 − 1) ÷ (目标倍数 − 1)(基期 = 1)",
    geometric: "ln(实际倍数) ÷ ln(目标倍数)(基期 = 1)",
  },
  growth_rate: { linear: "实际年均增速 ÷ 目标增速,目标年前不判已完成" },
  per_year: { linear: "当年实际值 ÷ 每年目标,目标年前当年达标为符合预期" },
  milestone: { linear: "达到即已完成,目标年前未达到为尚未实现" },
};

export const clamp01 = (x: number) => Math.min(Math.max(x, 0), 1);

/** τ = min((t − t0)/(T − t0), 1); null before the base year (nothing of the plan has elapsed to assess). */
export function elapsedShare(
  year: number | null,
  baseYear: number | null,
  targetYear: number,
): number | null {
  if (year === null || baseYear === null || targetYear <= baseYear || year < baseYear) return null;
  return clamp01((year - baseYear) / (targetYear - baseYear));
}

/** E: linear B + (V − B)·τ, or geometric B·(V/B)^τ (money values and multiples, when B and V are positive). */
export function expectedValue(B: number, V: number, tau: number, path: "linear" | "geometric"): number {
  if (tau === 1) return V; // exactly the target in the target year, not V ± 1 ulp
  if (path === "geometric" && B > 0 && V > 0) return B * Math.pow(V / B, tau);
  return B + (V - B) * tau;
}

/**
 * C on the target's own path: linear (A − B)/(V − B); geometric ln(A/B)/ln(V/B) (money values and multiples,
 * when A, B and V are positive; else linear), so that an actual exactly on the path B·(V/B)^τ has C = τ and
 * P = 1: 1.4142 times the base halfway through a 翻番 is 符合预期. V ≠ B.
 */
export function completionOf(A: number, B: number, V: number, path: "linear" | "geometric"): number {
  if (path === "geometric" && A > 0 && B > 0 && V > 0) return Math.log(A / B) / Math.log(V / B);
  return (A - B) / (V - B);
}

/** (V/A)^(1/(T − t)) − 1; null once the target year is reached or when A or V is not positive. */
export function requiredAnnualRate(A: number, V: number, year: number, targetYear: number): number | null {
  if (targetYear - year <= 0 || A <= 0 || V <= 0) return null;
  return Math.pow(V / A, 1 / (targetYear - year)) - 1;
}

/**
 * What 需年均增速 is for a target, as practice states it: "points" for a share (研发经费投入强度 2.1 → 2.5 in two
 * years: 需年均提高0.20个百分点), "amount" for a cumulative target (需年均新增0.1万人), "rate" otherwise (a growth
 * rate: 需年均增长13.0%; for a growth-rate target the rate the remaining years still need).
 */
export type RequiredUnit = "rate" | "points" | "amount";
export function requiredUnit(kind: TargetKind, unit: string | undefined): RequiredUnit {
  if (kind === "cumulative") return "amount";
  if (unit === "%" && kind !== "growth_rate") return "points";
  return "rate";
}

/** The words and number format of 需年均增速 by what it is (the sheet's cells, the functions' results in Excel). */
export function requiredFormat(kind: TargetKind, unit: string): string {
  const u = requiredUnit(kind, unit);
  if (u === "rate") return "0.0%";
  if (u === "points") return `0.00"个百分点/年"`;
  return `#,##0.00"${unit.replace(/"/g, "")}/年"`;
}

/** (V − A)/(T − t): the points or the amount a year still needed; null from the target year on. */
export function requiredAnnualChange(A: number, V: number, year: number, targetYear: number): number | null {
  return targetYear - year <= 0 ? null : (V - A) / (targetYear - year);
}

/**
 * The average rate still needed in the remaining years for a growth-rate target (rates in %, result a fraction):
 * ((1 + V)^(T − t0) / (1 + A)^(t − t0))^(1/(T − t)) − 1, the growth the whole period needs over what the years so
 * far achieved. 益阳 年均增速超过12%, 11 % over 2021–2023: (1.12⁵/1.11³)^½ − 1 = 13.5 % in 2024–2025. Null from
 * the target year on, and where a rate is −100 % or below (the level would vanish).
 */
export function remainingRate(
  A: number,
  V: number,
  year: number,
  baseYear: number,
  targetYear: number,
): number | null {
  if (targetYear - year <= 0 || 1 + A / 100 <= 0 || 1 + V / 100 <= 0) return null;
  const total = Math.pow(1 + V / 100, targetYear - baseYear);
  const sofar = Math.pow(1 + A / 100, year - baseYear);
  return Math.pow(total / sofar, 1 / (targetYear - year)) - 1;
}

/** Is the target met? ≥ V (≤ V when lower is better); a 左右 target within 5 % below counts as met. */
export function isMet(A: number, V: number, comparison: Comparison, direction: Direction): boolean {
  if (direction === "lower")
    return comparison === "about" ? A <= V * (1 + ABOUT_TOLERANCE) + EPSILON : A <= V;
  return comparison === "about" ? A >= V * (1 - ABOUT_TOLERANCE) - EPSILON : A >= V;
}

export function statusFromPace(P: number, th: PaceThresholds = PACE): Status {
  if (P >= slack(th.ahead)) return STATUS.ahead;
  if (P >= slack(th.onTrack)) return STATUS.onTrack;
  if (P >= slack(th.behind)) return STATUS.behind;
  if (P >= slack(PACE.farBehind)) return STATUS.farBehind;
  return STATUS.regressing;
}

/**
 * Can the target be 已完成 before its target year? Not an average growth rate: it concerns the whole period, so
 * until the target year the average so far is compared with it by pace (13 % against 12 % is 快于预期; the
 * 十四五 mid-term reports rate such targets 快于预期, not 完成). Nor a per-year target: every year must meet it,
 * so a year that does is 符合预期 (当年达标), and one good year completes nothing.
 */
export const completesEarly = (kind: TargetKind) => !isRateLike(kind);
/**
 * Does 趋势判断 read 已完成 before the target year once the target is met? As completesEarly, but not for a 约束性
 * target its limit rule judges (守住约束 must still hold in the target year: its outlook is the forecast's).
 */
export const outlookCompletesEarly = (kind: TargetKind, binding: boolean) =>
  completesEarly(kind) && !(binding && !isMilestone(kind));

/**
 * A per-year target before its target year: 符合预期 when the year meets it; a year short of it is at best
 * 进度滞后 (the year missed), lower by pace.
 */
export function perYearStatus(met: boolean, pace: number | null, th: PaceThresholds = PACE): Status {
  if (met) return STATUS.onTrack;
  if (pace === null) return STATUS.unassessable;
  return pace >= slack(th.behind) ? STATUS.behind : statusFromPace(pace, th);
}

/**
 * A 约束性 target before its target year is judged against its limit, and its status says so: 守住约束 while the
 * actual meets the limit, 突破约束 once a limit the base already met (or, for a per-year limit, this year's) is not
 * met. Null where the binding rule says nothing: a binding target still on its way to the limit is graded by pace
 * (its limit falls due in the target year), and growth-rate and milestone targets keep their own rules.
 */
export function bindingStatus(kind: TargetKind, met: boolean, metAtBase: boolean): Status | null {
  if (kind === "growth_rate" || isMilestone(kind)) return null;
  if (met) return STATUS.kept;
  return metAtBase || kind === "per_year" ? STATUS.broken : null;
}

/**
 * A ceiling on a growth rate (年均增长控制在3%以内: lower is better, V > 0). Before its target year it is judged
 * against the ceiling itself, as a per-year target is (perYearStatus): within it 符合预期, above it graded by V/A.
 * A/V would read a rate kept well under its ceiling as behind and one above it as ahead. (A fall, 年均下降3%, is
 * V < 0: A/V reads it the right way round.)
 */
export const isRateCeiling = (kind: TargetKind, direction: Direction, V: number) =>
  kind === "growth_rate" && direction === "lower" && V > 0;

/**
 * A cap on a running total (累计…控制在3000亩以内): the total cannot fall, so no yearly amount is "needed" (once
 * exceeded, −200 亩 a year would read as a plan); 需年均增速 is blank.
 */
export const isTotalCap = (kind: TargetKind, direction: Direction) =>
  kind === "cumulative" && direction === "lower";

/** The methodology for one target; `th`: the pace thresholds (a sheet's own, else the defaults). */
export function assess(input: ProgressInput, th: PaceThresholds = PACE): Progress {
  const { kind, comparison, path, direction, value: V0, targetYear: T, year: t, actual: A } = input;
  const rateLike = isRateLike(kind);
  const implied = impliedBaseline(kind);
  const B = implied ?? input.baseline;
  const tau = elapsedShare(t, input.baseYear, T);
  const V = V0;
  const sign = direction === "lower" ? -1 : 1;

  // A target the base year already meets (B = 700 against 600以上) has no progress to measure: while the actual
  // still meets it, it is 已完成; once lost, the indicator moved away from the target (逆向变化), not 150 % ahead.
  const metAtBase = !rateLike && !isMilestone(kind) && B !== null && isMet(B, V, comparison, direction);
  let expected: number | null = null;
  let completion: number | null = null;
  let pace: number | null = null;
  if (tau === null) {
    // No assessment year, or one before the base year: nothing is assessed, for rates alike.
  } else if (rateLike) {
    expected = V0;
    if (A !== null && V0 !== 0) completion = pace = A / V0;
  } else if (isMilestone(kind)) {
    // From B = 0 to the milestone itself, with no path between: no pace.
    expected = V;
    if (A !== null && V !== 0) completion = A / V;
  } else if (B !== null) {
    expected = expectedValue(B, V, tau, path);
    if (A !== null && V !== B && !metAtBase) {
      completion = completionOf(A, B, V, path);
      if (tau > 0) pace = completion / tau;
    }
  }
  const variance = A !== null && expected !== null ? sign * (A - expected) : null;
  const met = A !== null ? isMet(A, V, comparison, direction) : null;
  // No growth is "needed" once the target is met (it would read −1.9 % beside 已完成).
  const requiredRate =
    kind === "growth_rate"
      ? A !== null && t !== null && tau !== null && tau > 0 && input.baseYear !== null
        ? remainingRate(A, V, t, input.baseYear, T)
        : null
      : !rateLike &&
          !isMilestone(kind) &&
          !isTotalCap(kind, direction) &&
          A !== null &&
          t !== null &&
          tau !== null &&
          !met
        ? requiredUnit(kind, input.unit) === "rate"
          ? requiredAnnualRate(A, V, t, T)
          : requiredAnnualChange(A, V, t, T)
        : null;

  const needsBaseline = !rateLike;
  const held = input.binding ? bindingStatus(kind, met === true, metAtBase) : null;
  let status: Status;
  if (A === null || (needsBaseline && B === null) || tau === null || tau === 0 || t === null)
    status = STATUS.unassessable;
  else if (t >= T) status = met ? STATUS.achieved : STATUS.missed;
  else if (held) status = held;
  else if (kind === "per_year") status = perYearStatus(met === true, pace, th);
  else if (isMilestone(kind)) status = met ? STATUS.achieved : STATUS.pending;
  else if (isRateCeiling(kind, direction, V))
    status = perYearStatus(met === true, A !== null && A > 0 ? V / A : null, th);
  else if (kind === "growth_rate") status = pace === null ? STATUS.unassessable : statusFromPace(pace, th);
  else if (met) status = STATUS.achieved;
  else if (metAtBase) status = STATUS.regressing;
  else if (pace === null) status = STATUS.unassessable;
  else status = statusFromPace(pace, th);

  return { elapsed: tau, expected, completion, pace, variance, requiredRate, status, met, metAtBase };
}

/** 趋势判断: will the target be met at the pace so far? (OUTLOOK; the sheet's 趋势判断 column.) */
export const OUTLOOK = {
  likely: "预计可完成",
  unlikely: "预计难以完成",
  achieved: STATUS.achieved,
  unassessable: STATUS.unassessable,
} as const;
export type Outlook = (typeof OUTLOOK)[keyof typeof OUTLOOK];
export const OUTLOOK_ORDER: Outlook[] = Object.values(OUTLOOK);

/**
 * A forecast meets the target with this relative slack (× max(1, |V|)): a linear path that lands on V in decimals
 * (300 → 480 in 3 of 5 years: 600) must not read 599.9999999999999 and miss. The sheet uses the same literal.
 */
export const FORECAST_SLACK = 1e-9;

/**
 * 预计目标年值 F, the value projected for the target year T from the pace between the base year t0 and t:
 * linear A + (A − B)/(t − t0)·(T − t) (counts, levels, shares, cumulative); geometric A·(A/B)^((T − t)/(t − t0))
 * (money values and multiples, when A and B are positive; else linear); a rate or per-year target: A itself.
 * From the target year on, F = A. Clamped to the row's range (a count is not forecast below 0, a share not
 * above 100). Null without an actual, without a needed baseline, or when t ≤ t0 (no pace yet).
 */
export function forecastValue(input: ProgressInput, range: { min: number; max: number }): number | null {
  const { kind, path, targetYear: T, year: t, actual: A, baseYear: t0 } = input;
  if (A === null || t === null || t0 === null || t <= t0) return null;
  if (isRateLike(kind) || isMilestone(kind)) return A;
  const B = impliedBaseline(kind) ?? input.baseline;
  if (B === null) return null;
  if (t >= T) return A;
  const raw =
    path === "geometric" && A > 0 && B > 0
      ? A * Math.pow(A / B, (T - t) / (t - t0))
      : A + ((A - B) / (t - t0)) * (T - t);
  return Math.min(Math.max(raw, range.min), range.max);
}

/** STATUS's met rule applied to a forecast, with FORECAST_SLACK in the target's favour. */
export function forecastMeets(F: number, V: number, comparison: Comparison, direction: Direction): boolean {
  const s = FORECAST_SLACK * Math.max(1, Math.abs(V));
  return isMet(direction === "lower" ? F - s : F + s, V, comparison, direction);
}

/**
 * The outlook, decided in this order: 无法评估 when there is no forecast (see forecastValue); 已完成 when the actual
 * already meets the target (for a target that cannot complete early, or a 约束性 one, only from the target year on);
 * 预计可完成 when the forecast meets it; else 预计难以完成.
 */
export function outlookOf(
  input: ProgressInput,
  range: { min: number; max: number },
): { forecast: number | null; outlook: Outlook } {
  const forecast = forecastValue(input, range);
  const { actual: A, value: V, comparison, direction } = input;
  if (forecast === null || A === null) return { forecast, outlook: OUTLOOK.unassessable };
  const early = input.year !== null && input.year < input.targetYear;
  if (isMet(A, V, comparison, direction) && (outlookCompletesEarly(input.kind, !!input.binding) || !early))
    return { forecast, outlook: OUTLOOK.achieved };
  return {
    forecast,
    outlook: forecastMeets(forecast, V, comparison, direction) ? OUTLOOK.likely : OUTLOOK.unlikely,
  };
}
