// The text the rules read: NFKC (full-width digits and punctuation → ASCII) and simplified characters, with a
// map back to the original offsets, so every quote is a verbatim slice of what the user gave.
import { toSimplified } from "../catalog/text";

export interface Normalized {
  /** The folded text the patterns run on. */
  text: string;
  /** origin[i]: the offset in the input of text[i]; origin[text.length] = input.length. */
  origin: number[];
}

// Only CJK and full-width forms change under the folding; pure ASCII text skips OpenCC.
const NEEDS_T2S = /[\u3400-\u9fff\uf900-\ufaff]/;

export function normalize(input: string): Normalized {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const folded = ch.normalize("NFKC");
    for (let k = 0; k < folded.length; k++) origin.push(i);
    text += folded;
    i += ch.length;
  }
  origin.push(input.length);
  return dropReadings({ text: simplifyInPlace(text), origin });
}

// 達(dá)到, 經(jīng)濟: pinyin a conversion site put after characters. Dropped from the folded text (the map keeps
// the quote verbatim), so 达(dá)到 reads as 达到.
const READING = /(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;

function dropReadings(n: Normalized): Normalized {
  if (!n.text.includes("(")) return n;
  let text = "";
  const origin: number[] = [];
  let from = 0;
  for (const m of n.text.matchAll(READING)) {
    text += n.text.slice(from, m.index);
    origin.push(...n.origin.slice(from, m.index));
    from = m.index + m[0].length;
  }
  if (from === 0) return n;
  text += n.text.slice(from);
  origin.push(...n.origin.slice(from));
  return { text, origin };
}

/** Traditional → simplified without changing the length (the offset map stays valid). */
function simplifyInPlace(text: string): string {
  if (!NEEDS_T2S.test(text)) return text;
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  // OpenCC replaced a phrase by one of another length: convert character by character instead.
  let out = "";
  for (const ch of text) {
    const s = toSimplified(ch);
    out += s.length === ch.length ? s : ch;
  }
  return out;
}

/** The input's offsets of the folded range [start, end). */
export function originalRange(n: Normalized, start: number, end: number): [number, number] {
  const s = n.origin[start];
  if (end <= start) return [s, s];
  // End just after the source character of the last folded one (one source character may fold to several).
  const last = n.origin[end - 1];
  let k = end;
  while (k < n.origin.length - 1 && n.origin[k] <= last) k++;
  return [s, Math.max(n.origin[k], last + 1)];
}
