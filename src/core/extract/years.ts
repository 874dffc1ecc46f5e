// Years: which ones a document aims at, which ones are past, and the year mentions of one clause.
import { FIVE_YEAR_PLANS } from "./patterns";

export interface DocumentYears {
  /** The year a clause with no year in its paragraph aims at: the document's usual 到20XX年. */
  defaultYear: number | null;
  /** Years up to this one are past: the stated base year, or the year before the earliest 到20XX年. */
  lastPastYear: number | null;
  /** The year the document was written (a date line, else the title's year): what 今年/明年/去年 mean. */
  writtenYear: number | null;
  /**
   * Written (a dated line) in or after the last year of the period it names (十四五, 2021-2025年) and with no
   * 到20XX年 of its own: a review of that period, so an amount with no year of its own is an actual.
   */
  review: boolean;
  /** The year of a date line near the top (2023年8月30日, 发布时间:2025-11-6); null when none. */
  datedYear: number | null;
  /** The text has a 到/至20XX年 of its own (after any base year): it sets targets. */
  aims: boolean;
}

/** A year mention in a clause, at offset `at` (in the clause's folded text). */
export interface YearMention {
  at: number;
  end: number;
  year: number;
  /** True for 到/至20XX年: the year aimed at. */
  target: boolean;
  /** 2025年的9.8件: the year of the amount right after it only, not of the rest of the clause. */
  possessive?: boolean;
  /** “十四五”期间 / 以来 / 时期: the whole period, not its end. */
  period?: boolean;
}

const TO_YEAR = /(?<!截)(?:到|至)\s*((?:19|20)\d\d)\s*年(?![\d月的])/g;
const PERIOD = /((?:19|20)\d\d)\s*[-—–~至到]\s*((?:19|20)\d\d)\s*年/g;
const BASE_YEAR =
  /(?:基年|基期|基准年)(?:年份)?(?:为|是|:)?\s*((?:19|20)\d\d)\s*年|以\s*((?:19|20)\d\d)\s*年为基/;
const FIVE_YEAR = /十[一二三四五六]五/;

export function documentYears(text: string): DocumentYears {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(TO_YEAR)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  const base = BASE_YEAR.exec(text);
  const baseYear = base ? Number(base[1] ?? base[2]) : null;
  const future = [...counts.keys()].filter((y) => baseYear === null || y > baseYear);
  // The plan the title names (十五五 → 2030) settles which 到20XX年 is the plan's own; else the most frequent.
  const named = namedPlanEnd(text);
  const own = named !== null && counts.has(named) ? named : mostFrequent(future, counts);
  const period = periodEnd(text) ?? named;
  const defaultYear = own ?? period ?? titleYear(text);
  const earliest = future.length ? Math.min(...future) : defaultYear;
  const lastPastYear = baseYear ?? (earliest === null ? null : earliest - 1);
  const dated = dateLineYear(text);
  const review = own === null && period !== null && dated !== null && dated >= period;
  return {
    defaultYear,
    lastPastYear,
    writtenYear: dated ?? titleYear(text),
    review,
    datedYear: dated,
    aims: own !== null,
  };
}

function mostFrequent(years: number[], counts: Map<number, number>): number | null {
  let best: number | null = null;
  for (const y of years.sort((a, b) => a - b))
    if (best === null || counts.get(y)! > counts.get(best)!) best = y;
  return best;
}

/** 某市科学技术局2027年工作要点 → 2027: a year in the first line (the title), not a date. */
function titleYear(text: string): number | null {
  const first = text.trimStart().split("\n")[0];
  if (first.length > 40 || /[。,;，；]/.test(first)) return null; // a sentence, not a title
  const m = /((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月|的)/.exec(first);
  return m ? Number(m[1]) : null;
}

// 2023年8月30日, 2022-02-23, 发布时间:2025-11-6: a full date near the top gives the year it was written.
// Also 2022/02/23, 2022.02.23 and 23.02.2022.
const DATE_LINE =
  /((?:19|20)\d\d)\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|([-/.])\d{1,2}\2\d{1,2}(?!\d))|(?<![\d.])\d{1,2}\.\d{1,2}\.((?:19|20)\d\d)(?!\d)/;

function dateLineYear(text: string): number | null {
  const m = DATE_LINE.exec(text.slice(0, 600));
  return m ? Number(m[1] ?? m[3]) : null;
}

/** 规划期限为2021-2025年 → 2025. */
function periodEnd(text: string): number | null {
  for (const m of text.matchAll(PERIOD)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (b > a && b - a <= 15) return b;
  }
  return null;
}

/** The first 十X五 the document names (its title comes first) → the last year of that period. */
function namedPlanEnd(text: string): number | null {
  const m = FIVE_YEAR.exec(text.slice(0, 400));
  return m ? FIVE_YEAR_PLANS[m[0]] : null;
}

// A year that sets a scope: 到2025年, 2020年, 十三五. Not a date (2021年5月), not a base of comparison
// (比2015年, 较2015年, 在2014年基础上, 与2020年相比), not part of a period (2021-2025年).
const YEAR_MENTION =
  /(?:(比|较|与|相比|对比)\s*)?(?:(到|至|截至|截止)\s*)?(?<![\d\-—–~])((?:19|20)\d\d)\s*年(?!\s*\d{1,2}\s*月|[-—–~])(基础上|相比|水平|同期)?/g;
const FIVE_YEAR_MENTION = /(?:(到|至)\s*)?[“"]?(十[一二三四五六]五)[”"]?(期末|末|时期|期间|以来)?/g;

// 今年/明年/去年 by the document's date; not after 比/较 (比去年增长: a comparison, the clause has no year).
const RELATIVE_YEAR = /(?<![比较与同])(今年|明年|去年|上年|前年)(?!同期)/g;
const RELATIVE_OFFSET: Record<string, number> = { 今年: 0, 明年: 1, 去年: -1, 上年: -1, 前年: -2 };

export function yearMentions(clause: string, writtenYear: number | null = null): YearMention[] {
  const out: YearMention[] = [];
  if (writtenYear !== null)
    for (const m of clause.matchAll(RELATIVE_YEAR)) {
      const end = m.index + m[0].length;
      out.push({ at: m.index, end, year: writtenYear + RELATIVE_OFFSET[m[1]], target: m[1] === "明年" });
    }
  for (const m of clause.matchAll(YEAR_MENTION)) {
    if (m[1] || m[4]) continue; // a base of comparison, not the clause's year
    const to = m[2];
    const after = clause.slice(m.index + m[0].length);
    // 增长至2020年的34.94亿元: 至 is "rose to", the year is the time of a past value.
    const target = (to === "到" || to === "至") && !after.startsWith("的");
    const possessive = /^\s*的/.test(after);
    out.push({ at: m.index, end: m.index + m[0].length, year: Number(m[3]), target, possessive });
  }
  for (const m of clause.matchAll(FIVE_YEAR_MENTION)) {
    out.push({
      at: m.index,
      end: m.index + m[0].length,
      year: FIVE_YEAR_PLANS[m[2]],
      target: Boolean(m[1]) || m[3] === "期末" || m[3] === "末",
      period: !m[1] && /期间|以来|时期/.test(m[3] ?? ""),
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Is this year mention about the past, given the document's years? */
export function isPast(m: YearMention, doc: DocumentYears): boolean {
  // “十四五”期间 in a text dated 2025 or later: the period is over, its figures are actuals.
  if (m.period && doc.datedYear !== null && doc.datedYear >= m.year) return true;
  // A dated text with no 到20XX年 of its own (news, a report) sets no target for a year before its date.
  // Not when it aims at a year: a page reposting an old plan carries the date it was posted.
  if (doc.datedYear !== null && !doc.aims && m.year < doc.datedYear) return true;
  if (doc.lastPastYear === null) return false;
  return m.year <= doc.lastPastYear;
}
