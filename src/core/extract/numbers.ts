// Amounts in a clause: a number or a range with its unit, and the refusals that need only the characters
// around it (dates, ordinals and ranks, document and section numbers, 5G / 4K, qualifiers, 3个方面).
import {
  ABOUT_AFTER,
  AT_LEAST_AFTER,
  AT_MOST_AFTER,
  META_NOUNS,
  NUMBER,
  ORDINAL_BEFORE,
  QUALIFIER_AFTER,
  UNIT,
} from "./patterns";

export interface Amount {
  /** Offsets in the clause's text. */
  start: number;
  end: number;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  /** A word after the number that sets the comparison: 以上, 左右, 以下, 以内, 多, 余. */
  suffixWord: string;
  /** Why this amount is not a candidate; null when it is one. */
  refused: string | null;
}

const AMOUNT = new RegExp(
  // White space but not a tab: a tab separates table cells (2.63\t%).
  String.raw`(${NUMBER})[^\S\t]*(%|‰)?[^\S\t]*(?:([-~～—–至到])[^\S\t]*(${NUMBER}))?[^\S\t]*(多|余)?[^\S\t]*(${UNIT})?`,
  "g",
);

export function findAmounts(clause: string): Amount[] {
  const out: Amount[] = [];
  for (const m of clause.matchAll(AMOUNT)) {
    const start = m.index;
    if (start > 0 && /[\d.A-Za-z⁄/]/.test(clause[start - 1])) continue; // inside a longer token, or 1/2
    if (/^[⁄/]\d/.test(clause.slice(start + m[1].length))) continue; // a fraction's numerator
    out.push(readAmount(clause, m, start));
  }
  return out;
}

function readAmount(clause: string, m: RegExpMatchArray, start: number): Amount {
  const [whole, a, firstPct, dash, b, infix, unitRaw] = m;
  let end = start + whole.length;
  // The regex may eat the white space before a following word; give it back.
  while (end > start && /\s/.test(clause[end - 1])) end--;
  const unit = unitRaw ?? (firstPct && !dash ? firstPct : "");
  const lo = toNumber(a);
  const hi = b !== undefined ? toNumber(b) : null;
  const range = dash !== undefined && hi !== null;
  const after = clause.slice(end);
  const suffix = AT_LEAST_AFTER.exec(after) ?? ABOUT_AFTER.exec(after) ?? AT_MOST_AFTER.exec(after);
  const amount: Amount = {
    start,
    end: end + (suffix ? suffix[0].length : 0),
    value: range ? null : lo,
    min: range ? Math.min(lo, hi) : null,
    max: range ? Math.max(lo, hi) : null,
    unit,
    suffixWord: suffix ? suffix[0] : (infix ?? ""),
    refused: null,
  };
  amount.refused = refusal(clause, amount, { a, range, infix, after, dash });
  return amount;
}

/** How far before an amount refusal looks: past the longest ordinal word and a document title. */
const BEFORE_WINDOW = 100;

const toNumber = (s: string) => Number(s.replace(/,/g, ""));

function refusal(
  clause: string,
  am: Amount,
  t: { a: string; range: boolean; infix: string | undefined; after: string; dash: string | undefined },
): string | null {
  // The words just before (an ordinal, an open 《): a bounded window, so that a clause of many amounts is not
  // rescanned from its start for each (quadratic).
  const before = clause.slice(Math.max(0, am.start - BEFORE_WINDOW), am.start);
  const rest = clause.slice(am.end);
  if (ORDINAL_BEFORE.test(before.trimEnd())) return "序号、排名或表号";
  if (before.lastIndexOf("《") > before.lastIndexOf("》")) return "文件名中的数字";
  if (/^\s*(?:年|月|日|时|号|期|届|版|页|楼|层|栋|号线)/.test(t.after) && !am.unit) return "日期、年份或编号";
  if (!t.range && /^(?:19|20)\d\d$/.test(t.a) && /^\s*年/.test(t.after)) return "年份";
  if (t.dash && !t.range) return "编号";
  if (/^[A-Za-z]/.test(t.after)) return "型号或代号(如5G、4K)";
  if (am.unit && QUALIFIER_AFTER.test(rest)) return "修饰语(如“10亿元规模以上的企业”)";
  if (/^(?:个|家|项)$/.test(am.unit) && countsAmounts(rest)) return "计数后接金额(如“1个产值5000亿元”)";
  if (am.unit && META_NOUNS.test(nounAfter(rest))) return "文件结构的计数(如“3个方面”)";
  if (t.range && am.min === am.max) return "编号";
  return null;
}

const AMOUNT_AFTER = new RegExp(String.raw`^\s*(?:(?:产值|规模|营业收入|营收)\s*)?${NUMBER}\s*(?:${UNIT})`);

/** 1个产值5000亿元(智能家居): the count only enumerates the amounts that follow (unless they qualify a noun). */
function countsAmounts(rest: string): boolean {
  const m = AMOUNT_AFTER.exec(rest);
  return m !== null && !QUALIFIER_AFTER.test(rest.slice(m[0].length));
}

/** The noun phrase right after an amount, up to the next amount or the clause end. */
export function nounAfter(rest: string): string {
  const stop = rest.search(/\d|、|和|与|及/);
  return (stop < 0 ? rest : rest.slice(0, stop)).replace(/[“”"'‘’《》()]/g, "").trim();
}
