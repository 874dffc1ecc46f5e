// What an indicator name means: the lexicon's words (lexicon.ts) read into facets — subject, scope, aspect,
// measure, denominator, density, tier. The resolver accepts a target only when the query's facets equal the
// target's; a word the lexicon does not know makes the name unreadable, never ignorable.
import { ABOVE, COMPOUNDS, MAX_WORD, WORDS, type Word } from "./lexicon";
import { fold, undecorate } from "../catalog/text";

export type Measure = "level" | "increment" | "cumulative" | "per_year" | "growth" | "share" | "multiple";

export interface Facets {
  /** What is counted or measured; two or more for a combined target (孵化器与众创空间). */
  subject: string[];
  /** The population it is taken from: 规上, 工业企业 (before another subject). */
  scope: string[];
  /** Which figure of the subject: 增加值, 产值, 营业收入, 金额, 拥有量, 申请量; null for a count or level. */
  aspect: string | null;
  measure: Measure;
  /** A share's denominator: GDP, 规上工业增加值, 营业收入; null when the name does not say. */
  denominator: string | null;
  /** 每万人, 每百万人, 人均. */
  density: string | null;
  /** 国家级, 省级, 市级, 区级; "+" for 以上 (市级+). */
  tier: string | null;
}

export interface Parsed {
  facets: Facets;
  /** Parts were joined by 和/与/及/、/或. */
  combined: boolean;
  /** The name says it is the whole (人才资源总量, 规模): a narrower kind (高端人才) is not among its meanings. */
  total: boolean;
}

export type ParseResult = { ok: true; parsed: Parsed } | { ok: false; unknown: string[] };

const POPULATIONS = new Set(["工业企业", "企业", "高新技术企业"]);
/** Words that say a figure is the whole of its subject. */
const TOTAL_WORDS = new Set(["总量", "总数", "规模", "总规模"]);

/** Fold a name, turn R&D into 研发 and strip row-label numbering and trailing punctuation. */
export function foldName(raw: string, simplified = false): string {
  let s = fold(raw, simplified);
  s = s.replace(/r&d|r＆d|r\/d(?=\/)/g, "研发");
  s = s.replace(/研究与试验发展\(研发\)|研究与试验发展\(r&d\)/g, "研发");
  // An annotation in the middle (研究与试验发展经费支出占地区生产总值(R&D)的比重) says nothing more.
  s = s.replace(/\(研发\)/g, "");
  // 的 joins words and never changes a figure (重大的科技基础设施, 占GDP的比重).
  s = s.replace(/的/g, "");
  // 地区生产总值(GDP): the bracket repeats the word before it.
  s = s.replace(/(生产总值)\(gdp\)/g, "$1");
  return simplified ? s : undecorate(s);
}

interface Token {
  word: Word | null;
  text: string;
}

/** First character of a lexicon surface → the longest surface starting with it: tokenize tries only those
 * lengths (a character that starts no word is not sliced MAX_WORD times). */
const LONGEST_FROM = new Map<string, number>();
for (const w of [...WORDS.keys(), ...COMPOUNDS.keys()])
  LONGEST_FROM.set(w[0], Math.max(LONGEST_FROM.get(w[0]) ?? 0, w.length));

/** Longest-match reading of a folded name into lexicon words; runs of unknown characters stay together. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let unknown = "";
  for (let i = 0; i < s.length;) {
    let hit: Word | Word[] | undefined;
    let len = Math.min(LONGEST_FROM.get(s[i]) ?? 0, MAX_WORD, s.length - i);
    for (; len > 0; len--) {
      const part = s.slice(i, i + len);
      hit = WORDS.get(part) ?? COMPOUNDS.get(part);
      if (hit) break;
    }
    if (hit) {
      if (unknown) out.push({ word: null, text: unknown });
      unknown = "";
      const text = s.slice(i, i + len);
      for (const word of Array.isArray(hit) ? hit : [hit]) out.push({ word, text });
      i += len;
    } else {
      unknown += s[i];
      i++;
    }
  }
  if (unknown) out.push({ word: null, text: unknown });
  return out;
}

class Reader {
  subjects = new Set<string>();
  scope = new Set<string>();
  aspect: string | null = null;
  measures = new Set<Measure>();
  denominator: string | null = null;
  density: string | null = null;
  tiers = new Set<string>();
  intensity = false;
  joined = false;
  total = false;
  unknown: string[] = [];
  /** Words after 占 (or after 与, until 之比): the denominator being read. */
  denomWords: string[] | null = null;
  lastTier: string | null = null;

  read(tokens: Token[]) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!t.word) this.unknown.push(t.text);
      else this.word(t.word, t.text, tokens[i - 1]?.word ?? null);
    }
    this.closeDenominator();
  }

  private word(w: Word, text: string, prev: Word | null) {
    if (w.kind !== "tier") this.lastTier = null;
    switch (w.kind) {
      case "tier":
        if (w.value === "+") {
          if (!this.lastTier) return void this.unknown.push(text);
          this.tiers.delete(this.lastTier);
          this.tiers.add(`${this.lastTier}+`);
          this.lastTier = null;
        } else {
          this.tiers.add(w.value);
          this.lastTier = w.value;
        }
        return;
      case "occupy":
        this.closeDenominator();
        this.denomWords = [];
        return;
      case "ratio":
        return this.ratio(text);
      case "measure":
        if (w.value === "share" && this.denomWords) this.closeDenominator();
        this.measures.add(w.value as Measure);
        return;
      case "joiner":
        if (text === "与" && !this.denomWords) this.pendingWith = this.content.length;
        this.joined = true;
        return;
      case "neutral":
        if (TOTAL_WORDS.has(text)) this.total = true;
        return;
      case "intensity":
        this.intensity = true;
        return;
      case "density":
        if (this.density && this.density !== w.value) this.unknown.push(text); // 人均每万人: two bases
        this.density = w.value;
        return;
      case "denom":
        if (this.denomWords?.length) this.closeDenominator(true);
        if (this.denomWords) this.denomWords.push(w.value);
        else this.content.push({ kind: "denom", value: w.value });
        return;
      default:
        // A denominator is one word (GDP, 规上工业增加值, 营业收入); a second content word ends it.
        if (this.denomWords?.length) this.closeDenominator(true);
        if (this.denomWords) this.denomWords.push(w.value);
        else this.content.push(w);
        void prev;
    }
  }

  /** Content words in order (subjects, scopes, aspects, and denominators met outside 占 …). */
  content: Word[] = [];
  /** Index into content where "与" was met: "X与Y之比" makes the words after it the denominator. */
  pendingWith: number | null = null;

  private ratio(text: string) {
    if (this.denomWords) return this.closeDenominator(true);
    if (this.pendingWith === null) return void this.unknown.push(text);
    const tail = this.content.splice(this.pendingWith);
    this.denominator = denominatorOf(tail.map((w) => w.value));
    this.measures.add("share");
    this.pendingWith = null;
  }

  private closeDenominator(share = false) {
    if (!this.denomWords) return;
    if (this.denomWords.length) {
      this.denominator = denominatorOf(this.denomWords);
      this.measures.add("share");
    } else if (share) this.measures.add("share");
    this.denomWords = null;
  }

  result(): ParseResult {
    if (this.unknown.length) return { ok: false, unknown: this.unknown };
    for (const w of this.content) {
      if (w.kind === "subject") this.subjects.add(w.value);
      else if (w.kind === "scope") this.scope.add(w.value);
      else if (w.kind === "aspect") {
        if (this.aspect && this.aspect !== w.value) return { ok: false, unknown: [w.value] };
        this.aspect = w.value;
      } else if (w.kind === "denom") {
        // A denominator word outside 占 … 比重 is the figure itself (规上工业增加值 as a level).
        return { ok: false, unknown: [w.value] };
      }
    }
    if (this.intensity) {
      const enterprise = this.subjects.has("企业") || this.subjects.has("工业企业") || this.scope.has("规上");
      this.measures.add("share");
      this.denominator ??= enterprise ? "营业收入" : "GDP";
    }
    // 公民 + 公民科学素质: the longer subject already says it.
    for (const a of this.subjects)
      for (const b of this.subjects) if (a !== b && b.includes(a)) this.subjects.delete(a);
    // A population before another subject is that subject's scope (规上工业企业研发机构).
    if (this.subjects.size > 1)
      for (const p of POPULATIONS)
        if (this.subjects.has(p)) {
          this.subjects.delete(p);
          this.scope.add(p);
        }
    if (this.subjects.size === 0) return { ok: false, unknown: [] };
    const measure = measureOf(this.measures);
    if (!measure) return { ok: false, unknown: [...this.measures].join("+").split(" ") };
    return {
      ok: true,
      parsed: {
        facets: {
          subject: [...this.subjects].sort(),
          scope: [...this.scope].sort(),
          aspect: this.aspect,
          measure,
          denominator: measure === "share" ? this.denominator : null,
          density: this.density,
          tier: this.tiers.size ? [...this.tiers].sort().join("、") : null,
        },
        combined: this.joined && this.subjects.size > 1,
        total: this.total,
      },
    };
  }
}

/** The denominator's canonical name: a known denominator word, else its words joined. */
function denominatorOf(values: string[]): string {
  const known = values.find((v) => ["GDP", "规上工业增加值", "规上工业产值", "公共财政支出"].includes(v));
  return known ?? values.join("");
}

/** One measure from the words met: 累计新增 is cumulative, 每年新增 per-year, 新增 alone increment. */
function measureOf(ms: Set<Measure>): Measure | null {
  const m = new Set(ms);
  if (m.has("cumulative") || m.has("per_year")) m.delete("increment");
  if (m.has("growth") && m.has("share")) return null; // 占比增长: a change of a share, not in the catalog
  if (m.size > 1) return null;
  return [...m][0] ?? "level";
}

/** Read a folded name (see foldName) into facets. */
export function parseName(folded: string): ParseResult {
  const r = new Reader();
  r.read(tokenize(folded));
  return r.result();
}

/** A stable key of facets (for indexes and tests). */
export function facetKey(f: Facets): string {
  return [
    f.subject.join("+"),
    f.scope.join("+"),
    f.aspect ?? "",
    f.measure,
    f.denominator ?? "",
    f.density ?? "",
    f.tier ?? "",
  ].join("|");
}

export const ABOVE_WORDS = ABOVE;
