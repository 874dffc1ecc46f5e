// What an amount measures: its indicator phrase (before it, or after it when only a verb precedes:
// 引进2家国家重大科技基础设施) and its kind (share, growth rate, per year, cumulative, level).
import type { TargetKind } from "../catalog/schema";
import {
  ACTION,
  ADVERBS,
  CUMULATIVE,
  GROWTH,
  LEAD_TRIM,
  PER_YEAR,
  PLAIN_GROWTH,
  TAIL_TRIM,
} from "./patterns";

const VERB_ONLY = new RegExp(`^(?:${ADVERBS})*(?:${ACTION})?$`);
/** The verb (with its adverbs) that ends a longer text: 积极向省争取在…方向【谋划建设】1家省实验室. */
const TRAILING_VERB = new RegExp(`(?:${ADVERBS})*(?:${ACTION})$`);
// Not an indicator's words: a base of comparison (在2014年基础上, 比2015年), a count before an amount (1个产值).
const BASE_WORDS =
  /(?:在|比|较|与|同)\s*(?:19|20)\d\d\s*年(?:的)?(?:基础上|相比|水平)?|(?<!\d)\d+\s*个\s*(?:产值|规模)?/g;

// Year phrases and headings inside an indicator phrase.
const YEAR_WORDS =
  /(?:(?:力争|争取)?(?:到|至|截至|截止)\s*|(?:力争|争取)\s*)?(?:(?:19|20)\d\d\s*年(?:底|末|前)?|[“"]?十[一二三四五六]五[”"]?(?:期末|末|时期|期间)?)/g;
const HEADING_MARK = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)\s*/;

/**
 * True when the text before an amount is empty or ends with a verb whose object is counted: the indicator
 * is (that verb and) the noun after the amount.
 */
export function needsNounAfter(prefix: string, noun: string): boolean {
  const before = clean(prefix);
  if (VERB_ONLY.test(before)) return true;
  if (MEMBERS.test(before) && cleanNoun(noun) !== "") return true; // 电子信息、生物医药等3个产业集群
  return TRAILING_VERB.test(before) && cleanNoun(noun) !== "" && !/^(?:以上|左右)/.test(noun);
}

/** The indicator phrase: the cleaned text before the amount, or its verb and the noun after the amount. */
export function indicatorOf(prefix: string, verb: string, noun: string): string {
  const before = clean(prefix);
  const after = cleanNoun(noun);
  if (!after) return before + verb;
  if (MEMBERS.test(before)) return clean(leadVerb(before) + verb + after);
  const lead = VERB_ONLY.test(before) ? before : (TRAILING_VERB.exec(before)?.[0] ?? before);
  return clean(lead + verb + after);
}

/** A change verb alone (增长到, 增至): the amount continues the previous one's indicator. */
export function isContinuation(prefix: string): boolean {
  return /^(?:(?:增长|增加|提高|上升|提升|下降|增)?(?:到|至)?|是|为|分别为|分别是)$/.test(clean(prefix));
}

/**
 * 云计算、大数据…等8项列入重点产业: the count of a listed set that is then classed (列入, 纳入, 入选 …) describes
 * the list; it is no target.
 */
export function countsListed(prefix: string, after: string): boolean {
  return MEMBERS.test(clean(prefix)) && LISTED_AFTER.test(after);
}
const LISTED_AFTER =
  /^\s*[^\s,;:。]{0,6}?(?:被|已|均|都)?(?:列入|纳入|入选|入围|列为|获评|获批|上榜|成为|进入)/;

// A list of members before the count (电子信息、生物医药等3个产业集群): the indicator is the category counted.
const MEMBERS = /等$/;
const LEADING_VERB = new RegExp(`^(?:${ADVERBS})*(?:${ACTION})`);

/** 打造电子信息、生物医药等 → 打造: the verb before the list, kept with the category. */
function leadVerb(before: string): string {
  return LEADING_VERB.exec(before)?.[0] ?? "";
}

function clean(s: string): string {
  let out = s.replace(BASE_WORDS, "").replace(YEAR_WORDS, "").replace(/\s+/g, "");
  for (let i = 0; i < 3; i++) {
    const prev = out;
    out = out
      .replace(HEADING_MARK, "")
      .replace(LEAD_TRIM, "")
      .replace(TAIL_TRIM, "")
      .replace(/(?:从|由)?的?$/, "")
      .replace(/^[、,;:和及与并“”"]+|[、,;:和及与并“”"]+$/g, "");
    if (out === prev) break;
  }
  return out;
}

function cleanNoun(noun: string): string {
  return noun
    .replace(/^(?:的|之)/, "")
    .replace(/[、,;:和及与并]+$/g, "")
    .replace(/^\((.*)\)/, "$1")
    .trim();
}

/**
 * Split the text between two amounts: [the first amount's noun, where the second amount's own text starts].
 * The cut is the last 、 (else 和 / 及 / 与) between them; without one, all of it is the first amount's noun.
 */
export function splitBetween(between: string): [string, number] {
  let cut = between.lastIndexOf("、");
  if (cut < 0) cut = Math.max(between.lastIndexOf("和"), between.lastIndexOf("及"));
  if (cut < 0) return [between, between.length];
  return [between.slice(0, cut), cut + 1];
}

export function kindOf(prefix: string, indicator: string, unit: string): TargetKind {
  const context = prefix + indicator;
  if (unit === "倍") return "multiple";
  if (GROWTH.test(context) && /%|‰/.test(unit)) return "growth_rate";
  if (/%|‰/.test(unit) && PLAIN_GROWTH.test(prefix.trimEnd())) return "growth_rate";
  if (PER_YEAR.test(context)) return "per_year";
  if (CUMULATIVE.test(context)) return "cumulative";
  if (/%|‰|百分点/.test(unit)) return "share";
  return "level";
}
