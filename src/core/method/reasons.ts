// Why a row is 无法评估: the methodology's unassessable cases (assess), named, with what would supply the missing
// input. The CLI's summary, 批量's preview and the functions' messages say the same words.
import {
  elapsedShare,
  impliedBaseline,
  isRateLike,
  OUTLOOK,
  outlookOf,
  type Outlook,
  type ProgressInput,
} from "./methodology";

export type UnassessableReason = "noYear" | "beforeBase" | "atBase" | "noActual" | "noBaseline" | "noPace";

/** Each reason: its words, what fixes it, and (where a CSV column supplies the input) how to in `plan report --actuals`. */
export const UNASSESSABLE: Record<UnassessableReason, { label: string; fix: string; csv?: string }> = {
  noYear: { label: "缺评估年份", fix: "请填写评估年份" },
  beforeBase: { label: "评估年份早于基期", fix: "请把评估年份改为基期年以后的年份" },
  atBase: { label: "评估年份即基期年", fix: "基期年尚无进度可评估,请用基期以后年份的实际值" },
  noActual: { label: "缺实际值", fix: "请填写实际值", csv: "在 CSV 中加入该指标的一行,填 value(实际值)" },
  noBaseline: {
    label: "缺基期值",
    fix: "规划未给出基期值,请填写基期值",
    csv: "可在 CSV 中加入 baseline(基期值) 列",
  },
  noPace: { label: "目标值等于基期值或为 0", fix: "该目标没有可衡量的进度" },
};

/**
 * The reasons a row that assess() calls 无法评估 is so: every missing input at once, so one pass tells the user all
 * there is to fill. Mirrors assess()'s unassessable branches; noPace where none is missing (V = B, V = 0).
 */
export function unassessableReasons(input: ProgressInput): UnassessableReason[] {
  const { year: t, baseYear: t0, targetYear: T, kind } = input;
  if (t === null) return ["noYear"];
  const tau = elapsedShare(t, t0, T);
  if (tau === null) return t0 !== null && t < t0 ? ["beforeBase"] : ["noPace"];
  if (tau === 0) return ["atBase"];
  const out: UnassessableReason[] = [];
  if (input.actual === null) out.push("noActual");
  if (!isRateLike(kind) && (impliedBaseline(kind) ?? input.baseline) === null) out.push("noBaseline");
  return out.length ? out : ["noPace"];
}

/** "缺基期值、缺实际值": the reasons in words. */
export const reasonWords = (reasons: readonly UnassessableReason[]) =>
  reasons.map((r) => UNASSESSABLE[r].label).join("、");

/** 趋势判断 of a row that cannot be assessed, saying why: "无法评估(缺基期值、缺实际值)". */
export const unassessableOutlook = (reasons: readonly UnassessableReason[]) =>
  `${OUTLOOK.unassessable}(${reasonWords(reasons)})` as const;

/** What 趋势判断 says: an outlook, or 无法评估 with its reasons. */
export type OutlookSaid =
  Exclude<Outlook, typeof OUTLOOK.unassessable> | ReturnType<typeof unassessableOutlook>;

/** outlookOf, with the reasons said where it is 无法评估: the sheet's 趋势判断 and PLAN.OUTLOOK give this. */
export function outlookSaid(
  input: ProgressInput,
  range: { min: number; max: number },
): { forecast: number | null; outlook: OutlookSaid } {
  const o = outlookOf(input, range);
  if (o.outlook !== OUTLOOK.unassessable) return { forecast: o.forecast, outlook: o.outlook };
  return { forecast: o.forecast, outlook: unassessableOutlook(unassessableReasons(input)) };
}
