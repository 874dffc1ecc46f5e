// The extraction assistant: candidate targets in Chinese plan text, for a person to review. Rule-based and
// pure (no Office, Node or network), so the task pane runs the same code as `plan extract`.
import type { Comparison, TargetKind } from "../catalog/schema";
import { candidatesInClauses } from "./build";
import { splitClauses } from "./clauses";
import { normalize, originalRange } from "./normalize";
import { findStackedTables, findTables, type TableValue } from "./tables";
import { documentYears } from "./years";

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
  kind: TargetKind;
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

/** Candidate targets (and baselines) in plan text, in text order. */
export function extractCandidates(text: string): Candidate[] {
  const folded = normalize(text);
  const doc = documentYears(folded.text);
  const tables = bothTables(folded.text, doc);
  // The sentences are read with the table rows blanked out: a row's numbers are the table reader's.
  const prose = { ...folded, text: blank(folded.text, tables.rows) };
  const fromText = candidatesInClauses(text, prose, splitClauses(prose.text), doc);
  const fromTables = tables.values.map((v) => tableCandidate(text, folded, v));
  return [...fromText, ...fromTables].sort((a, b) => a.start - b.start);
}

function bothTables(text: string, doc: ReturnType<typeof documentYears>) {
  const flat = findTables(text, doc);
  const stacked = findStackedTables(text, doc);
  return { values: [...flat.values, ...stacked.values], rows: [...flat.rows, ...stacked.rows] };
}

function blank(text: string, rows: [number, number][]): string {
  const chars = text.split(""); // UTF-16 units: the offsets stay valid
  for (const [s, e] of rows) chars.fill(" ", s, e);
  return chars.join("");
}

function tableCandidate(input: string, folded: ReturnType<typeof normalize>, v: TableValue): Candidate {
  const [start, end] = originalRange(folded, v.start, v.end);
  return {
    indicator: v.indicator,
    value: v.value,
    min: v.min,
    max: v.max,
    unit: v.unit,
    year: v.year,
    comparison: v.comparison,
    comparisonWord: v.comparisonWord,
    kind: v.kind,
    hedged: false,
    baseline: v.baseline,
    quote: input.slice(start, end),
    start,
    end,
    yearFrom: "scope",
  };
}
