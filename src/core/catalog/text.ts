// Text normalization shared by the resolver and the search: 繁→简 (OpenCC), 全角→半角 (NFKC),
// and the decorations statisticians put on row labels ("1.", "（三）", "（家）", trailing colons).
import { canChange, convertHkToCn } from "./opencc";

/**
 * Traditional (HK/TW) → simplified with OpenCC (opencc.ts: loaded on first use, its converter built for the
 * first text it can change): the bundled data is simplified already, so start-up (catalog_cold_ms) does not
 * pay for it.
 */
export function toSimplified(s: string): string {
  // A pack's name is converted for its record, its key and its reading: once, then remembered (a fixed
  // function, so the memo changes no answer; bounded, so a long session does not keep every text).
  let out = converted.get(s);
  if (out === undefined) {
    if (converted.size >= 50_000) converted.clear();
    converted.set(s, (out = canChange(s) ? convertHkToCn(s) : s));
  }
  return out;
}
const converted = new Map<string, string>();

// Only a CJK character can change under t2s; and a string whose every CJK character already occurs in a
// (simplified) vocabulary has nothing to convert for matching. Such strings skip OpenCC, so the first
// ordinary query does not pay for building its dictionaries. Each catalog owns its vocabulary (plans imported
// into one catalog do not change what another skips); without one, every CJK string is converted.
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** The CJK characters a set of simplified names is written in. */
export class Vocabulary {
  private readonly known = new Set<number>();

  constructor(...lists: Iterable<string>[]) {
    // A name in several lists (an indicator's key is most often its plans' label key too) is read once.
    const seen = new Set<string>();
    for (const names of lists)
      for (const n of names) {
        if (seen.has(n)) continue;
        seen.add(n);
        this.addName(n);
      }
  }

  add(names: Iterable<string>): void {
    for (const n of names) this.addName(n);
  }

  private addName(n: string): void {
    for (let i = 0; i < n.length; i++) {
      const c = n.charCodeAt(i);
      if (isCjk(c)) this.known.add(c);
    }
  }

  /** Has the string a CJK character outside the vocabulary (one OpenCC might change)? */
  needsConversion(s: string): boolean {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isCjk(c) && !this.known.has(c)) return true;
    }
    return false;
  }
}

const EMPTY = new Vocabulary();

/**
 * Width and script folding: NFKC, simplified characters, lower case, no white space.
 * simplified: the text is known to be simplified already (the bundled data; a test checks it).
 * vocabulary: characters known to be simplified (a catalog's); strings made of them skip OpenCC.
 */
export function fold(s: string, simplified = false, vocabulary: Vocabulary = EMPTY): string {
  let out = s.normalize("NFKC");
  if (!simplified && vocabulary.needsConversion(out)) out = toSimplified(out);
  return out.toLowerCase().replace(/[\s\u00a0\u3000]+/g, "");
}

const CN_NUM = "[一二三四五六七八九十百零〇两]+";
const LEADING_NUMBERING = new RegExp(
  [
    `^\\(${CN_NUM}\\)[、.:]?`, // (三)
    `^${CN_NUM}[、.]`, // 一、
    `^\\(\\d+\\)[、.]?`, // (1)
    `^\\d+(\\.\\d+)*[、.)](?!\\d)`, // 1.  1.2.  1)  1、
    `^[\\u2460-\\u2473\\u2474-\\u2487\\u2488-\\u249b]`, // ① ⑴ ⒈
    `^第${CN_NUM}[条项章节部分]`,
  ].join("|"),
);
const UNIT_WORDS =
  "%|百分比|百分点|家|个|项|件|次|名|人|万人|元|千元|万元|百万元|亿元|倍|所|座|台|套|平方米|亩|吨|户";
const TRAILING_UNIT = new RegExp(`\\((?:单位[:：]?)?(?:${UNIT_WORDS})\\)$|\\(单位[:：][^()]*\\)$`);
const TRAILING_PUNCT = /[:;,.、。,;!?*]+$/;
const REGION_PREFIX = /^(全市|全区|全县|全社会|本市|本区|我市|我区)/;
const COUNT_SUFFIX = /(总数|数量|个数|数目|数)$/;
const KEEP_SUFFIX = /(指数|系数|倍数|函数|人数)$/;

/**
 * Normalize an indicator name or a report row label to a lookup key.
 * The catalog's names and aliases go through the same function, so both sides meet.
 */
export function normalizeIndicator(raw: string, simplified = false, vocabulary?: Vocabulary): string {
  let s = fold(raw, simplified, vocabulary);
  s = s.replace(/r&d|r＆d|r\/d(?=\/)/g, "研发");
  // The bundled names carry no row-label decorations (a test checks that skipping this changes nothing).
  if (!simplified) s = undecorate(s);
  s = s.replace(REGION_PREFIX, "");
  if (!KEEP_SUFFIX.test(s) && s.length > 3) s = s.replace(COUNT_SUFFIX, "");
  return s;
}

/** Strip leading numbering, a unit in brackets and trailing punctuation from a folded row label. */
export function undecorate(s: string): string {
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEADING_NUMBERING, "");
    s = s.replace(TRAILING_PUNCT, "");
    s = s.replace(TRAILING_UNIT, "");
    s = s.replace(/^[:;,.、]+/, "");
    if (s === before) break;
  }
  return s;
}

/** Normalize a region name: folded, without a trailing punctuation. */
export function normalizeRegion(raw: string, simplified = false, vocabulary?: Vocabulary): string {
  return fold(raw, simplified, vocabulary).replace(TRAILING_PUNCT, "");
}

/**
 * Bigrams of strings asked for again and again: a catalog's keys, on every keystroke of a search. Each
 * catalog keeps its own (Catalog.bigrams), so what one caches does not outlive it.
 */
export class BigramCache {
  private readonly grams = new Map<string, Map<string, number>>();

  of(s: string): Map<string, number> {
    const hit = this.grams.get(s);
    if (hit) return hit;
    const m = computeBigrams(s);
    if (this.grams.size > 20_000) this.grams.clear();
    this.grams.set(s, m);
    return m;
  }
}

function computeBigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  if (s.length === 1) m.set(s, 1);
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice similarity on character bigrams, in [0, 1]. */
export function similarity(a: string, b: string, cache: BigramCache): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const A = cache.of(a);
  const B = cache.of(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of A.values()) na += v;
  for (const [g, v] of B) {
    nb += v;
    const w = A.get(g);
    if (w) inter += Math.min(v, w);
  }
  return (2 * inter) / (na + nb);
}
