// From clauses to candidates: the year scope and hedges carried across clauses, and per amount its
// indicator, comparison, kind and verbatim quote.
import type { Comparison } from "../catalog/schema";
import type { Candidate } from "./candidate";
import type { Clause } from "./clauses";
import { countsListed, indicatorOf, isContinuation, kindOf, needsNounAfter, splitBetween } from "./classify";
import { findAmounts, type Amount } from "./numbers";
import { originalRange, type Normalized } from "./normalize";
import {
  BEFORE_WORDS,
  CEILING_BEFORE,
  FALL_BY,
  HEDGE,
  PAGE_CHROME_BEFORE,
  PAST_CLAUSE,
  PAST_VERB_BEFORE,
  RANK_AIM,
  SHARE_WORDS,
  WITHIN_RANK,
} from "./patterns";
import { findWordTargets, unitForNoun } from "./words";
import { isPast, yearMentions, type DocumentYears, type YearMention } from "./years";

/** One value found in a clause: a number with its unit, or a word rule. */
interface Item {
  start: number;
  end: number;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  comparison: Comparison | null;
  comparisonWord: string;
  implied: boolean;
  fixedKind: Candidate["kind"] | null;
  verb: string;
  note?: string;
}

/** What carries from clause to clause: the year (a paragraph), the hedge, 每年 and the subject (a sentence). */
interface Scope {
  year: YearMention | null;
  hedged: boolean;
  perYear: boolean;
  /** The last indicator of the sentence: 占生产总值比重 after 全社会研发投入年均增速 is 全社会研发投入's. */
  subject: string;
}

export function candidatesInClauses(
  input: string,
  folded: Normalized,
  clauses: Clause[],
  doc: DocumentYears,
): Candidate[] {
  const out: Candidate[] = [];
  const scope: Scope = { year: null, hedged: false, perYear: false, subject: "" };
  const sentence = { from: 0, reported: false, news: false, aims: false };
  const headline = headlineEnd(folded.text);
  const close = () => {
    if (sentence.reported || (sentence.news && !sentence.aims)) markReported(out.slice(sentence.from));
  };
  for (const c of clauses) {
    if (c.sectionStart) scope.year = null;
    if (c.sentenceStart) {
      close();
      Object.assign(sentence, { from: out.length, reported: false, news: false, aims: false });
      Object.assign(scope, { hedged: false, perYear: false, subject: "" });
    }
    const text = folded.text.slice(c.start, c.end);
    const mentions = yearMentions(text, doc.writtenYear);
    const ctx = { input, folded, clause: c, text, mentions, doc, scope };
    const found = clauseCandidates(ctx);
    out.push(...found);
    scope.year = carriedYear(mentions, found) ?? scope.year;
    if (HEDGE.test(text)) scope.hedged = true;
    if (found.some((f) => f.kind === "per_year")) scope.perYear = true;
    if (found.length) scope.subject = subjectOf(found[found.length - 1].indicator);
    if (REPORTED.test(text)) sentence.reported = true;
    if (NEWS_PAST.test(text) || c.start < headline) sentence.news = true;
    if (AIMS.test(text) || mentions.some((m) => m.target)) sentence.aims = true;
  }
  close();
  return out;
}

// A sentence about what was done states actuals, unless it also aims (日前…发布《规划》，提出到2025年…):
// news words (近日, 日前), 去年 (not 比去年: a comparison), a verb with 了 (增加了), a dated event (2017年8月).
const NEWS_PAST = new RegExp(
  [
    "近日|日前|近期|前不久|不久前",
    "(?<![比较与同在])(?:去年|上年|前年)",
    "(?:达到|增加到|增长到|提高到|提升到|增至|增加|增长|提高|提升|突破|实现|完成|建成|跃升|上升)了",
    String.raw`(?<![到至])(?:19|20)\d\d\s*年\s*\d{1,2}\s*月`,
  ].join("|"),
);

/** A headline (a short first line, not a sentence: 某省R&D经费投入强度1.45%创新高) reports, like news. */
function headlineEnd(text: string): number {
  const lead = text.length - text.trimStart().length;
  const nl = text.indexOf("\n", lead);
  const end = nl < 0 ? text.length : nl;
  const line = text.slice(lead, end);
  return line.length <= 60 && !/[。!?;]/.test(line) ? end : 0;
}
const AIMS = /提出|明确|力争|争取|将|目标|到\s*(?:19|20)\d\d\s*年/;

// A sentence that reports results (超额完成, 比去年同期增长 …) states actuals in every clause, before or after.
const REPORTED = /超额完成|同期|同比|[较比](?:去|上)年/;

function markReported(cands: Candidate[]): void {
  for (const c of cands)
    if (!c.baseline) {
      c.baseline = true;
      c.year = null;
      delete c.yearFrom;
    }
}

interface ClauseContext {
  input: string;
  folded: Normalized;
  clause: Clause;
  text: string;
  mentions: YearMention[];
  doc: DocumentYears;
  scope: Scope;
}

function clauseCandidates(ctx: ClauseContext): Candidate[] {
  const items = itemsOf(ctx.text).filter((it) => !pageChrome(ctx, it.start));
  const out: Candidate[] = [];
  const prefixes: string[] = [];
  const listed = new Set<Candidate>();
  let segStart = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const next = items[i + 1];
    const gapEnd = next ? next.start : ctx.text.length;
    const prefix = ctx.text.slice(segStart, item.start);
    const between = ctx.text.slice(item.end, gapEnd);
    const [own, nextPrefixAt] = next ? splitBetween(between) : [between, between.length];
    const useNoun = item.verb !== "" || needsNounAfter(prefix, own);
    const noun = useNoun ? own : "";
    const c = candidateOf(ctx, item, { prefix, noun, segStart, out });
    if (countsListed(prefix, own)) listed.add(c);
    out.push(c);
    prefixes.push(prefix);
    segStart = item.end + (useNoun ? nextPrefixAt : firstSeparatorEnd(between));
  }
  distributeRespectively(out, prefixes);
  // 进入全国前10名 with no year in sight describes a standing, not a target; 规划纲要共19篇 counts the plan.
  return out.filter(
    (c) => (c.kind !== "rank" || c.year !== null) && !PLAN_ITSELF.test(c.indicator) && !listed.has(c),
  );
}

/**
 * 专利授权量、有效发明专利分别达到8000件、2.5万件: the names before 分别 go to the amounts after it, in
 * order, when their numbers agree.
 */
function distributeRespectively(cands: Candidate[], prefixes: string[]): void {
  for (let k = 0; k < cands.length; k++) {
    if (!prefixes[k].includes("分别")) continue;
    const names = cands[k].indicator.split("、").filter(Boolean);
    let n = 1;
    while (
      k + n < cands.length &&
      cands[k + n].indicator === cands[k].indicator &&
      /^[\s、和及与]*$/.test(prefixes[k + n])
    )
      n++;
    if (n !== names.length || n < 2) continue;
    for (let j = 0; j < n; j++) cands[k + j].indicator = names[j];
  }
}

/** 点击:32次, 阅读:36: a web page's counters, read across the colon that ends the clause before. */
function pageChrome(ctx: ClauseContext, at: number): boolean {
  const end = ctx.clause.start + at;
  return PAGE_CHROME_BEFORE.test(ctx.folded.text.slice(Math.max(0, end - 12), end));
}

/** After an item whose indicator came before it, the next item's text starts after the separator. */
function firstSeparatorEnd(between: string): number {
  const m = /^[\s、和及与并]*/.exec(between);
  return m ? m[0].length : 0;
}

function itemsOf(text: string): Item[] {
  const title = headingTitleEnd(text);
  const amounts = findAmounts(text)
    .map((a) => rescueUnit(text, a))
    .filter((a) => a.refused === null)
    .map(amountItem);
  const words = findWordTargets(text).map((w): Item => ({
    start: w.start,
    end: w.end,
    value: w.value,
    min: null,
    max: null,
    unit: w.unit,
    comparison: w.comparison,
    comparisonWord: w.word,
    implied: true,
    fixedKind: w.kind,
    verb: w.verb,
  }));
  // A heading's title (二、加快高新技术企业倍增) names a section, it states no target.
  const all = [...amounts, ...words].filter((it) => it.start >= title).sort((a, b) => a.start - b.start);
  // A word rule inside an amount (至少1个 is an amount already) is dropped.
  return all.filter((it, i) => i === 0 || it.start >= all[i - 1].end);
}

const HEADING_START = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)/;

/** Where a heading's title ends in a clause that starts with one (at the first space); 0 when none. */
function headingTitleEnd(text: string): number {
  if (!HEADING_START.test(text)) return 0;
  const space = text.search(/\s/);
  return space < 0 ? text.length : space;
}

const INDEX_BEFORE = /指数(?:达到|达|为|超过|突破|提高到|提升到|提升至|提高至|保持在|不低于)$/;

/** A share whose % sign is lost (R&D/GDP达到2.65): the unit is % when the indicator is a ratio. */
function rescueUnit(text: string, a: Amount): Amount {
  if (a.rank) return a; // 达到全市前3水平: a rank needs no unit
  if (a.refused !== null || a.unit) return a.unit || a.refused !== null ? a : { ...a, refused: "没有单位" };
  const before = text.slice(0, a.start);
  const verb = BEFORE_WORDS.some((w) => w.re.test(before));
  const ratio = /(?:比重|占比|比例|强度|覆盖率|之比|\/GDP|率)(?:达到|达|为|超过|提高到|提升至)?$/.test(
    before,
  );
  // 区域科技创新指数达到160以上, 两化融合指数达到88: an index has no unit.
  if (INDEX_BEFORE.test(before.trimEnd()))
    return { ...a, note: "指数没有单位,请核对" } as Amount & { note: string };
  const plain = (a.value ?? a.max ?? 0) <= 100;
  if (verb && ratio && plain && SHARE_WORDS.test(before))
    return { ...a, unit: "%", note: "原文在数字后没有“%”,按比重指标补为 %,请核对" } as Amount & {
      note: string;
    };
  return { ...a, refused: "没有单位" };
}

function amountItem(a: Amount & { note?: string }): Item {
  const range = a.value === null;
  const w = a.suffixWord;
  const comparison: Comparison | null = range
    ? "range"
    : /以上|以下|以内/.test(w)
      ? "at_least"
      : /左右|上下/.test(w)
        ? "about"
        : /多|余/.test(w)
          ? "more_than"
          : null;
  return {
    start: a.start,
    end: a.end,
    value: a.value,
    min: a.min,
    max: a.max,
    unit: a.unit,
    comparison,
    comparisonWord: range ? "" : w,
    implied: false,
    fixedKind: a.rank ? "rank" : null,
    verb: "",
    note: a.rank ? RANK_NOTE : a.note,
  };
}

function candidateOf(
  ctx: ClauseContext,
  item: Item,
  part: { prefix: string; noun: string; segStart: number; out: Candidate[] },
): Candidate {
  const { prefix, noun } = part;
  const before = ctx.text.slice(0, item.start);
  const [comparison, comparisonWord] = comparisonOf(item, prefix, noun);
  const fall = fallOf(prefix, item, comparisonWord);
  const previous = part.out[part.out.length - 1];
  const own =
    isContinuation(prefix) && !noun ? "" : withSubject(indicatorOf(prefix, item.verb, noun), ctx.scope);
  const indicator =
    item.fixedKind === "rank"
      ? rankIndicator(prefix, previous)
      : own || previous?.indicator || ctx.scope.subject;
  // A word rule (零的突破) takes its unit from the noun; an amount keeps its own (none for an index).
  const unit = item.implied && !item.unit ? unitForNoun(indicator) : item.unit;
  const year = yearOf(ctx, item.start, item.unit);
  const fromBase = isFromBase(before, ctx.text.slice(item.end));
  const baseline =
    fromBase ||
    year.past ||
    year.actual === true ||
    PAST_CLAUSE.test(ctx.text) ||
    PAST_VERB_BEFORE.test(before.trimEnd());
  // 由15.6%提高到20%: the base has no year of its own unless the text gives one (从2015年的18名).
  if (fromBase && !year.past) year.year = possessiveYearBefore(ctx.mentions, item.start);
  // A past actual without a past year in scope: its year is unknown, not the document's target year.
  if (baseline && !year.past) year.year = null;
  let kind = item.fixedKind ?? kindOf(prefix, indicator, unit);
  if (kind === "level" && ctx.scope.perYear) kind = "per_year"; // 每年举办…2次以上，开展…2次以上
  const quoteEnd = item.end + (noun ? ctx.text.indexOf(noun, item.end) - item.end + noun.length : 0);
  const [start, end] = quoteRange(ctx, part.segStart, quoteEnd);
  const times = timesOf(prefix, item);
  const c: Candidate = {
    indicator,
    value: times.value,
    min: item.min,
    max: item.max,
    unit,
    year: year.year,
    comparison,
    comparisonWord,
    kind,
    hedged: ctx.scope.hedged || HEDGE.test(before),
    baseline,
    quote: ctx.input.slice(start, end),
    start,
    end,
  };
  if (item.implied) c.implied = true;
  if (fall.lower) c.direction = "lower";
  if (year.year !== null) c.yearFrom = year.fromDocument ? "document" : "scope";
  const note = item.note ?? times.note ?? fall.note ?? growthNote(prefix, kind, unit);
  if (note) c.note = note;
  return c;
}

const FROM_BEFORE = /[由从]\s*(?:(?:19|20)\d\d\s*年(?:底|末)?的?)?\s*$/;
const TO_AFTER = /^\s*(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|压减)?(?:到|至)|^\s*增至|^\s*降至/;

/** 由X提高到Y, 从X增至Y: X is where the indicator starts from, a base, not a target. */
function isFromBase(before: string, after: string): boolean {
  return FROM_BEFORE.test(before) && TO_AFTER.test(after);
}

/** 从2015年的22.2万亿元: the year written right before the base, else null. */
function possessiveYearBefore(mentions: YearMention[], at: number): number | null {
  const m = mentions.filter((y) => y.possessive && y.end <= at && at - y.end <= 2).pop();
  return m ? m.year : null;
}

const PLAN_ITSELF = /^(?:本|新)?(?:规划纲要|规划|纲要|方案|意见|文件|计划)(?:共|主要指标|指标)?$/;

const RANK_NOTE = "排名目标:数值越小越好;规划包暂不能导入排名目标,默认不导入,请另行记录";

/** 跃居全省前40位 → 全省排名; 从18名提升到第15名 → the indicator of the 18名 before it. */
function rankIndicator(prefix: string, previous: Candidate | undefined): string {
  const m = RANK_AIM.exec(prefix) ?? WITHIN_RANK.exec(prefix);
  const rest = indicatorOf(m ? prefix.slice(0, m.index) : prefix, "", "");
  if (rest) return rest;
  if (m?.[1]) return `${m[1]}排名`;
  return previous?.indicator ?? "排名";
}

/** 比2025年增长1倍: the level is 2 times the base, the multiple the schema means. */
function timesOf(prefix: string, item: Item): { value: number | null; note?: string } {
  if (item.unit !== "倍" || item.value === null || !/(?:增长|增加|提高|扩大)了?$/.test(prefix.trimEnd()))
    return { value: item.value };
  const value = item.value + 1;
  return { value, note: `原文“增长${item.value}倍”即基期的 ${value} 倍` };
}

/**
 * A lower-is-better target: a ceiling word (以下, 以内, 不超过, 控制在 …) or a fall (下降13.5%). A fall by a share
 * is a change against the base year, not the level itself: the reviewer is told to state the level.
 */
function fallOf(prefix: string, item: Item, word: string): { lower: boolean; note?: string } {
  const tail = prefix.trimEnd();
  if (/以下|以内/.test(word) || CEILING_BEFORE.some((w) => w.re.test(tail))) return { lower: true };
  if (item.unit === "%" && FALL_BY.test(tail))
    return {
      lower: true,
      note: `原文“下降${item.value ?? ""}%”是比基期下降的幅度:目标值应为基期值×(1−${item.value ?? ""}%),请核对后填写`,
    };
  return { lower: false };
}

function comparisonOf(item: Item, prefix: string, noun: string): [Comparison, string] {
  if (item.comparison) return [item.comparison, item.comparisonWord];
  const tail = prefix.trimEnd().replace(/(?<!\s)\s*(?:19|20)\d\d\s*年(?:底|末)?的?$/, ""); // 提升至2030年的3.2%
  for (const w of CEILING_BEFORE) {
    const m = w.re.exec(tail);
    if (m) return [w.comparison, m[0]];
  }
  for (const w of BEFORE_WORDS) {
    const m = w.re.exec(tail);
    // 突破30项关键技术: 突破 is the verb whose object is counted, not "more than".
    if (m && !(noun && /突破|实现/.test(m[0]))) return [w.comparison, m[0]];
  }
  return ["reach", ""];
}

/** 占生产总值比重 / 年均增长 alone: the sentence's subject goes first. */
function withSubject(indicator: string, scope: Scope): string {
  if (!scope.subject || !/^(?:占|年均|增速|增长)/.test(indicator)) return indicator;
  return scope.subject + indicator;
}

/** An indicator's subject: without its measure (年均增速, 占…比重, 比重). */
function subjectOf(indicator: string): string {
  return indicator.replace(/(?:年均增长|年均增速|年均增幅|增速|增长|占.*比重|比重|占比)$/, "");
}

function growthNote(prefix: string, kind: Candidate["kind"], unit: string): string | undefined {
  if (/(?:下降|降低|减少|压减|降至|降到)(?:到|至)?$/.test(prefix.trimEnd()))
    return "下降或压减目标:数值越低越好,请核对比较方向";
  if (kind === "growth_rate" && !/年均|年平均|平均每年|每年平均|增速/.test(prefix))
    return "原文没有“年均”:请核对是规划期累计增幅还是年均增速";
  if (/百分点/.test(unit)) return "百分点是变化量:请核对基期值后换算为目标值";
  return undefined;
}

/**
 * The year the next clauses inherit: the clause's last year, unless it only dated a value (2025年的9.8件)
 * and the clause went on to a target; a clause of past values (由2015年的81家增长到2020年的312家) passes on
 * its last year.
 */
function carriedYear(mentions: YearMention[], found: Candidate[]): YearMention | null {
  const plain = mentions.filter((m) => !m.possessive);
  if (plain.length) return plain[plain.length - 1];
  const last = mentions[mentions.length - 1];
  if (mentions.length && found.length && found.every((c) => c.baseline)) return last;
  // 从2015年的18名提升到2020年的第15名: the last year dates the clause's last amount, a target.
  if (last && found.length && found[found.length - 1].year === last.year) return last;
  return null;
}

/** The year of an amount: the nearest year before it in the clause, else the carried scope, else the document's. */
function yearOf(
  ctx: ClauseContext,
  at: number,
  unit: string,
): { year: number | null; past: boolean; fromDocument: boolean; actual?: boolean } {
  // 由2025年的9.8件提高到16件: 2025年的 is the year of 9.8件 only; 达到2025年的2倍: the base of a multiple.
  const dates = (m: YearMention) => !m.possessive || (at - m.end <= 2 && unit !== "倍");
  const local = ctx.mentions.filter((m) => m.at < at && dates(m)).pop();
  const m = local ?? ctx.scope.year;
  // Without the document's years, 从2025年的2.6%提升至2030年的3.2% still says which one is past.
  const earlier = (y: YearMention) => ctx.mentions.some((o) => o.possessive && o.year > y.year);
  const past = (y: YearMention) => isPast(y, ctx.doc) || (ctx.doc.lastPastYear === null && earlier(y));
  if (m) return { year: m.year, past: past(m), fromDocument: false };
  // A review written after its period ends (工信部 in 2025 on 十四五): an amount with no year of its own is an actual.
  if (ctx.doc.review) return { year: null, past: false, fromDocument: false, actual: true };
  return { year: ctx.doc.defaultYear, past: false, fromDocument: true };
}

/** The quote's offsets in the input: the clause piece from segStart to end, trimmed of separators. */
function quoteRange(ctx: ClauseContext, segStart: number, end: number): [number, number] {
  let s = segStart;
  while (s < end && /[\s、,，;；:：和及与]/.test(ctx.text[s])) s++;
  return originalRange(ctx.folded, ctx.clause.start + s, ctx.clause.start + end);
}
