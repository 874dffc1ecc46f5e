// Amounts in a clause: a number or a range with its unit, and the refusals that need only the characters
// around it (dates, ordinals and ranks, document and section numbers, 5G / 4K, qualifiers, 3个方面).
import {
  ABOUT_AFTER,
  ACTION,
  AT_LEAST_AFTER,
  AT_MOST_AFTER,
  META_NOUNS,
  NUMBER,
  ORDINAL_BEFORE,
  PROGRAMME_AFTER,
  QUALIFIER_AFTER,
  RANK_AIM,
  UNIT,
  WITHIN_RANK,
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
  /** A rank aimed at (提升到第15名, 跃居全省前40位): lower is better. */
  rank?: boolean;
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
    out.push(asRank(clause, readAmount(clause, m, start)));
  }
  out.push(...chineseAmounts(clause));
  return out.sort((a, b) => a.start - b.start);
}

/** An ordinal refused as a rank becomes a rank target when a verb aims at it (名, 位 or no unit). */
function asRank(clause: string, am: Amount): Amount {
  const within =
    /^(?:名|位)$/.test(am.unit) && /以内|之内/.test(am.suffixWord + clause.slice(am.end, am.end + 3));
  if (am.refused === null && within && WITHIN_RANK.test(clause.slice(Math.max(0, am.start - 20), am.start)))
    return { ...am, rank: true };
  if (am.refused !== "序号、排名或表号" || am.value === null || !/^(?:名|位|)$/.test(am.unit)) return am;
  const before = clause.slice(Math.max(0, am.start - BEFORE_WINDOW), am.start);
  if (!RANK_AIM.test(before)) return am;
  if (!am.unit && !/^\s*(?:水平|行列|强|,|，|。|;|；|$)/.test(clause.slice(am.end))) return am;
  return { ...am, refused: null, rank: true };
}

// Chinese numerals with a unit: 一百家, 两千人, 三十五个, 十万人. One digit alone (两个, 三家) only after a
// comparison word (达到两家): 打造三个高地 and 五大工程 name programmes, not targets.
const CN_AMOUNT = new RegExp(
  String.raw`([一二两三四五六七八九十][零一二两三四五六七八九十百千]*)\s*(${UNIT})`,
  "g",
);
const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_COUNTING = /^(?:届|次|批|期|场|部|种|条|处|位|名)$/; // 十三届, 四次会议, 第一批: ordinals and sessions

export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else {
      total += (digit || 1) * CN_POWERS[ch];
      digit = 0;
    }
  }
  return total + digit;
}

// 滚动实施百项示范项目, 建设千家企业: 百 or 千 alone, right after a verb whose object is counted, is 100 or 1,000.
// Not a programme (千人计划, 百项工程: 计划, 工程 … after the unit; a noun ending in 工程 is refused below).
const BARE_POWER = new RegExp(String.raw`(?<=(?:${ACTION}))([百千])(项|家|个|件|所|座|台|套|户)`, "g");

function barePowers(clause: string): Amount[] {
  const out: Amount[] = [];
  for (const m of clause.matchAll(BARE_POWER)) {
    const after = clause.slice(m.index + m[0].length);
    if (PROGRAMME_AFTER.test(after)) continue;
    const am: Amount = {
      start: m.index,
      end: m.index + m[0].length,
      value: m[1] === "百" ? 100 : 1000,
      min: null,
      max: null,
      unit: m[2],
      suffixWord: "",
      refused: null,
    };
    am.refused = refusal(clause, am, { a: "", range: false, infix: undefined, after, dash: undefined });
    out.push(am);
  }
  return out;
}

function chineseAmounts(clause: string): Amount[] {
  const out: Amount[] = barePowers(clause);
  for (const m of clause.matchAll(CN_AMOUNT)) {
    const [whole, numeral, unit] = m;
    const start = m.index;
    if (CN_COUNTING.test(unit) || /[\d零一二两三四五六七八九十百千万亿.]$/.test(clause.slice(0, start)))
      continue;
    const before = clause.slice(Math.max(0, start - BEFORE_WINDOW), start).trimEnd();
    const compared = /(?:达到|达|超过|突破|不少于|不低于|至少|增至|提高到|提升到|增加到)$/.test(before);
    if (numeral.length === 1 && numeral !== "十" && !compared) continue;
    const after = clause.slice(start + whole.length);
    const suffix = AT_LEAST_AFTER.exec(after) ?? ABOUT_AFTER.exec(after);
    const value = chineseNumber(numeral);
    const am: Amount = {
      start,
      end: start + whole.length + (suffix ? suffix[0].length : 0),
      value,
      min: null,
      max: null,
      unit,
      suffixWord: suffix ? suffix[0] : "",
      refused: null,
    };
    am.refused = refusal(clause, am, {
      a: String(value),
      range: false,
      infix: undefined,
      after,
      dash: undefined,
    });
    out.push(am);
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
  // 800家的目标 states a target: only a count right before the noun (3个方面) describes the plan itself.
  const noun = nounAfter(rest);
  if (am.unit && !noun.startsWith("的") && META_NOUNS.test(noun)) return "文件结构的计数(如“3个方面”)";
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
