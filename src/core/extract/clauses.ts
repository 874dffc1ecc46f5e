// Splitting plan text into clauses: sections (headings 一、 / (一) / 第一章), sentences (。 and new lines),
// clauses (，；: and list markers). Offsets are in the folded text.

export interface Clause {
  start: number;
  end: number;
  /** First clause after a heading (or of the text): the year scope starts afresh. */
  sectionStart: boolean;
  /** First clause of a sentence: a hedge (力争) holds until the sentence ends. */
  sentenceStart: boolean;
}

const CN = "[一二三四五六七八九十]+";
// A heading: 一、 or (一) at the start of a line or after a sentence end, space or a closing bracket.
const HEADING = new RegExp(`(?:^|(?<=[\\s。;:%)\\]]))(?:${CN}、|\\(${CN}\\)|第${CN}[章节部分])`, "gm");
// A list marker at the start of a clause: 1. 2 . 3、 (1) ① 一是 其一.
const LIST_MARKER =
  /^\s*(?:\d{1,2}\s*[.、](?!\d)|\(\d{1,2}\)|[\u2460-\u2473\u2474-\u2487]|[一二三四五六七八九十]是|其[一二三四五六七八九十])\s*/;
// Clause ends. A comma between digits with three digits after is a thousands separator (1,234); a colon
// between digits is a time (13:05).
const CLAUSE_END = /[,，;；:：!?！？\n]|。/g;

export function splitClauses(text: string): Clause[] {
  const cuts = new Map<number, Cut>();
  for (const m of text.matchAll(HEADING)) cuts.set(m.index, "section");
  for (const m of text.matchAll(CLAUSE_END)) {
    const i = m.index;
    if (isSeparatorInNumber(text, i) || (m[0] === "\n" && isWrappedLine(text, i))) continue;
    // A new line ends a sentence; the year scope runs on to the next heading (a goal list under 到2030年).
    // A semicolon ends a sentence too: it separates items, and a hedge (力争) holds for its own item only.
    const kind: Cut = /[。!?！？\n;；]/.test(m[0]) ? "sentence" : "clause";
    const at = i + 1;
    const prev = cuts.get(at);
    if (prev !== "section") cuts.set(at, kind);
  }
  return buildClauses(text, cuts);
}

const CJK = /[\u3400-\u9fff]/;
const NOT_CONTINUATION = new RegExp(`^(?:${CN}、|\\(${CN}\\)|第${CN}[章节部分]|${CN}是|——|[\\d(①-⑳])`);

/**
 * A line break inside a sentence, as PDF copies wrap lines (年均增\n长10%): a long line that ends in a
 * character, followed by a line that starts with one and is no heading, list item or table row.
 */
function isWrappedLine(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf("\n", i - 1) + 1;
  const line = text.slice(lineStart, i).trimEnd();
  const nextEnd = text.indexOf("\n", i + 1);
  const next = text.slice(i + 1, nextEnd < 0 ? text.length : nextEnd).trimStart();
  if (line.length < 20 || !CJK.test(line[line.length - 1] ?? "") || !CJK.test(next[0] ?? "")) return false;
  return !NOT_CONTINUATION.test(next) && !/[\t|]/.test(next);
}

function isSeparatorInNumber(text: string, i: number): boolean {
  const c = text[i];
  if (c === "," && /\d/.test(text[i - 1] ?? "") && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) return true;
  if (c === ":" && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) return true;
  return false;
}

type Cut = "section" | "sentence" | "clause";
const STRENGTH: Record<Cut, number> = { clause: 0, sentence: 1, section: 2 };
const TRIM_START = /^[\s,，;；:：。!?]+/;
// Not a `+$` pattern: from every position of a long run of spaces it would scan to the run's end (quadratic).
const TRIM_END_CHAR = /[\s,，;；:：。!?]/;

function buildClauses(text: string, cuts: Map<number, Cut>): Clause[] {
  const points = [...cuts.keys()].filter((p) => p > 0 && p < text.length).sort((a, b) => a - b);
  const out: Clause[] = [];
  let start = 0;
  let kind: Cut = "section";
  for (const p of [...points, text.length]) {
    const clause = trimmed(text, start, p, kind);
    if (clause) out.push(clause);
    const next = cuts.get(p) ?? "clause";
    // An empty piece (a lone heading mark, a blank line) passes its boundary on to the next clause.
    kind = !clause && STRENGTH[kind] > STRENGTH[next] ? kind : next;
    start = p;
  }
  return out;
}

function trimmed(text: string, start: number, end: number, kind: Cut): Clause | null {
  const piece = text.slice(start, end);
  let s = start + (TRIM_START.exec(piece)?.[0].length ?? 0);
  let e = end;
  while (e > start && TRIM_END_CHAR.test(text[e - 1])) e--;
  if (e <= s) return null;
  const marker = LIST_MARKER.exec(text.slice(s, e));
  if (marker) s += marker[0].length;
  if (e <= s) return null;
  return { start: s, end: e, sectionStart: kind === "section", sentenceStart: kind !== "clause" };
}
