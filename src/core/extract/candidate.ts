// One candidate target (or baseline) found in plan text, as the pane and `plan extract` show it for review.
import type { Comparison, TargetKind } from "../catalog/schema";

/** A catalog kind, or a rank (第15名, 前10位: lower is better), which packs cannot import yet. */
export type CandidateKind = TargetKind | "rank";

export interface Candidate {
  /** The indicator phrase as the text words it, cleaned of 全市, 到2025年, 力争, 达到 … */
  indicator: string;
  /** The value; null for a range. */
  value: number | null;
  min: number | null;
  max: number | null;
  /** As written: 家, %, 亿元, 万人, 件, 个 …; "" when the text gives none. */
  unit: string;
  /** The target year from the scope of 到20XX年 / 20XX年; for a baseline, the year of the actual. */
  year: number | null;
  comparison: Comparison;
  /** The word found: 达到 / 超过 / 以上 / 左右 / 突破 / 不低于 / …; "" when the number stands alone. */
  comparisonWord: string;
  /** A ceiling or a fall (以下, 不超过, 控制在…以内, 下降X%): lower is better. Absent for an increase target. */
  direction?: "lower";
  kind: CandidateKind;
  /** 力争 / 争取 … in the sentence. */
  hedged: boolean;
  /** A historical actual (2020年达到…, 由2015年的81家…): proposed as a baseline only, never as a target. */
  baseline: boolean;
  /** A verbatim substring of the input: text.slice(start, end) === quote. */
  quote: string;
  start: number;
  end: number;
  /** The value comes from a word rule: 翻番 / 倍增 = 2, 全覆盖 = 100 %, 零的突破 = 1. */
  implied?: boolean;
  /**
   * Where the year came from: "scope" (到20XX年 / 20XX年 in the paragraph) or "document" (no year in the
   * paragraph: the year the document's 到20XX年 name most often, else its period or 十X五).
   */
  yearFrom?: "scope" | "document";
  /** What a reviewer should check, in Chinese (e.g. a growth without 年均, a % sign the text lacks). */
  note?: string;
}
