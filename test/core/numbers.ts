// Test helper: the numbers a Chinese quote states, scaled to base units, so a record's value can be
// checked against its quote. Handles ASCII and 全角 digits (NFKC), decimals, thousands separators,
// 万/亿 (and 萬/億) scaling and ranges ("2-3家"). Word rules (全覆盖 = 100 %, 翻番 = 2…) are kept apart, in
// impliedIn: a record whose number is only a word rule must say so (`implied: true`).

/** Scale of a unit or a number suffix: 万人/万元/万 → 1e4, 亿元/亿 → 1e8, anything else → 1. */
export function unitScale(unit: string): number {
  const u = unit.normalize("NFKC").replace(/萬/g, "万").replace(/億/g, "亿").trim();
  if (u.startsWith("百万")) return 1e6;
  if (u.startsWith("千万")) return 1e7;
  if (u.startsWith("万")) return 1e4;
  if (u.startsWith("亿")) return 1e8;
  if (u.startsWith("千") && u.length > 1) return 1e3;
  return 1;
}

function prepare(text: string): string {
  return text.normalize("NFKC").replace(/萬/g, "万").replace(/億/g, "亿");
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?`;
const SCALE = "(百万|千万|万|亿)?";

function toNumber(intPart: string, frac: string | undefined): number {
  return Number(intPart.replace(/,/g, "") + (frac ?? ""));
}

/** Every number written in digits in the text, in base units (14万 → 140000). */
export function numbersIn(text: string): number[] {
  const s = prepare(text);
  const out: number[] = [];
  for (const m of s.matchAll(new RegExp(NUM + SCALE, "g"))) {
    out.push(toNumber(m[1], m[2]) * (m[3] ? unitScale(m[3]) : 1));
  }
  return out;
}

/** Every range "a-b" / "a~b" / "a至b" of the text, both ends in base units (the scale after b applies to both). */
export function rangesIn(text: string): [number, number][] {
  const s = prepare(text);
  const out: [number, number][] = [];
  const re = new RegExp(NUM + String.raw`\s*(?:-|~|—|–|至|到)\s*` + NUM + SCALE, "g");
  for (const m of s.matchAll(re)) {
    const k = m[5] ? unitScale(m[5]) : 1;
    out.push([toNumber(m[1], m[2]) * k, toNumber(m[3], m[4]) * k]);
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Does the text state this value (in this unit)? */
export function statesValue(text: string, value: number, unit: string): boolean {
  const base = value * unitScale(unit);
  return numbersIn(text).some((n) => close(n, base));
}

/** Does the text state this range (in this unit), both ends together? */
export function statesRange(text: string, min: number, max: number, unit: string): boolean {
  const k = unitScale(unit);
  return rangesIn(text).some(([a, b]) => close(a, min * k) && close(b, max * k));
}

/** A word rule that states a number without a digit, with the units it may be recorded in. */
interface WordRule {
  word: string;
  re: RegExp;
  value: number;
  units: readonly string[];
}

const COUNT_UNITS = ["家", "个", "项", "件", "所", "名", "人", "次"] as const;
export const WORD_RULES: readonly WordRule[] = [
  { word: "全覆盖", re: /全覆[盖蓋]/, value: 100, units: ["%"] },
  { word: "零的突破", re: /零的?突破/, value: 1, units: COUNT_UNITS },
  { word: "至少一个", re: /至少[^,，。;；]{0,6}?一[个個家项項]/, value: 1, units: COUNT_UNITS },
  { word: "翻番", re: /翻番|翻一番/, value: 2, units: ["倍"] },
  { word: "倍增", re: /倍增/, value: 2, units: ["倍"] },
];

/** The word rules a text uses (全覆盖, 零的突破, 至少…一个, 翻番, 倍增). */
export function impliedIn(text: string): WordRule[] {
  const s = prepare(text);
  return WORD_RULES.filter((r) => r.re.test(s));
}

/** Does a word rule of the text state this value in this unit (全覆盖 → 100 %, 翻番 → 2 倍)? */
export function impliesValue(text: string, value: number, unit: string): boolean {
  return impliedIn(text).some((r) => r.units.includes(unit) && close(r.value, value));
}
