// The input rule, in one place: which values an actual or a typed baseline may take, by the row's unit class,
// and the verdict on an input with its reason and a Chinese message. Every face takes its verdict from here: the
// sheet's 输入检查 formulas (src/core/sheet/layout.ts encodes RULES' limits and these messages), the functions
// (functions.ts checkedActual), and the CSV / paste reader of the CLI and 批量 (src/sheet/actuals.ts).
import type { TargetKind } from "../catalog/schema";
import { canonicalUnit, convert } from "./units";
import { PlanError } from "../errors";

/** The largest magnitude of an input: beyond it a figure is a typo (1e20 家), not a statistic. */
export const MAX_ABS = 1e15;

/** What a row measures, as far as its inputs' limits go. */
export type UnitClass = "share" | "rate" | "count" | "people" | "money" | "multiple" | "other";

export interface InputRule {
  min: number;
  max: number;
  /** What to check, said with the range message. */
  advice: string;
}

/**
 * The limits by unit class: counts, people, money and multiples are never negative; a share in % lies in 0–100;
 * a growth rate in % is at least −100 (the level cannot fall below zero).
 */
export const RULES: Record<UnitClass, InputRule> = {
  share: { min: 0, max: 100, advice: "比重按百分数填写,2.1 表示 2.1%" },
  rate: { min: -100, max: MAX_ABS, advice: "增速按百分数填写,下降 3.5% 填 -3.5" },
  count: { min: 0, max: MAX_ABS, advice: "数量不能为负,请检查正负号和位数" },
  people: { min: 0, max: MAX_ABS, advice: "人数不能为负,请检查正负号和位数" },
  money: { min: 0, max: MAX_ABS, advice: "金额不能为负,请检查正负号、位数和单位" },
  multiple: { min: 0, max: MAX_ABS, advice: "倍数为实际水平与基期水平之比,不能为负" },
  other: { min: 0, max: MAX_ABS, advice: "请检查正负号和位数" },
};

const MONEY = new Set(["元", "千元", "万元", "百万元", "亿元"]);
const PEOPLE = new Set(["人", "万人", "名"]);
const COUNTS = new Set(["家", "个", "项", "件", "次", "所"]);

export function unitClass(kind: TargetKind, unit: string): UnitClass {
  if (unit === "%") return kind === "growth_rate" ? "rate" : "share";
  if (kind === "multiple" || unit === "倍") return "multiple";
  if (MONEY.has(unit)) return "money";
  if (PEOPLE.has(unit)) return "people";
  return COUNTS.has(unit) ? "count" : "other";
}

/** The values an actual or a typed baseline may take (the sheet's formulas, its data validation, the functions). */
export function inputRange(kind: TargetKind, unit: string): { min: number; max: number } {
  const { min, max } = RULES[unitClass(kind, unit)];
  return { min, max };
}

/** Why an input is refused: the class of message every face gives for it. */
export type InputReason =
  | "notNumber" // text, an error value, a boolean: not a number
  | "otherUnit" // a number with a unit of another dimension (3万家 in a 家 row is fine; 5项 in a 家 row is not)
  | "percentSign" // 2.1% in a row that is not in %
  | "tooLarge" // beyond MAX_ABS (a typo, or Infinity)
  | "outOfRange"; // below the class's minimum or above its maximum

export type Verdict =
  | { ok: true; value: number | null }
  /** `read`: the number an outOfRange input stands for (the sheet can hold it, and says 输入有误). */
  | { ok: false; reason: InputReason; message: string; read?: number };

/** What a row's input is judged by: its kind and unit. */
export interface RowUnit {
  kind: TargetKind;
  unit: string;
}

/** Words for a range, as the messages say it ("不小于0", "在0–100之间"). */
export function rangeWords(min: number, max: number): string {
  return max === MAX_ABS ? `不小于${min}` : `在${min}–${max}之间`;
}

/** The messages of the sheet's 输入检查 for one input (the formula shows them verbatim). */
export function inputMessages(label: string, row: RowUnit) {
  const rule = RULES[unitClass(row.kind, row.unit)];
  return {
    range: `${label}应${rangeWords(rule.min, rule.max)}:${rule.advice}。`,
    notNumber: `${label}应为数字,不带单位、千位分隔符或文字。`,
  };
}

const refuse = (reason: InputReason, message: string): Verdict => ({ ok: false, reason, message });

/** A number in the row's unit: ok within its class's range, else outOfRange (or tooLarge beyond MAX_ABS). */
export function judgeNumber(n: number, row: RowUnit, label: string): Verdict {
  if (!Number.isFinite(n) || Math.abs(n) > MAX_ABS)
    return refuse(
      "tooLarge",
      `${label}超出可用的数值范围(绝对值不超过 ${MAX_ABS.toExponential()}):请检查位数。`,
    );
  const { min, max } = inputRange(row.kind, row.unit);
  if (n >= min && n <= max) return { ok: true, value: n };
  return { ok: false, reason: "outOfRange", message: inputMessages(label, row).range, read: n };
}

/**
 * A cell's value, as the sheet's formulas read it: only a number is a number (text that looks like one is text
 * to every host); an empty cell or "" is blank.
 */
export function judgeCell(v: unknown, row: RowUnit, label: string): Verdict {
  if (v === null || v === undefined || v === "") return { ok: true, value: null };
  if (typeof v === "number") return judgeNumber(v, row, label);
  return refuse("notNumber", inputMessages(label, row).notNumber);
}

/** The hint for a row's unit, shown with every problem of typed text. */
export function unitHint(row: RowUnit): string {
  if (row.unit === "%") return "(按规划单位填写百分数,如 2.1 或 2.1% 都表示 2.1%)";
  return `(单位:${row.kind === "multiple" ? "倍,基期=1" : row.unit})`;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Text as people type it into a CSV or a pasted block, read in the row's unit: full-width digits (NFKC),
 * thousands separators in groups of three ("1,234"), "2.1%" in a % row (2.1 means 2.1 %), the row's own unit or
 * one of its dimension ("470家" in a 家 row; "3000万元" in a 亿元 row is 0.3). Then judged as judgeNumber.
 */
export function judgeText(raw: string, row: RowUnit, label: string): Verdict {
  let s = raw.normalize("NFKC").trim();
  if (s === "") return { ok: true, value: null };
  const hint = unitHint(row);
  const shown = `${label}“${raw.slice(0, 30)}”`;
  if (s.endsWith("%")) {
    if (row.unit !== "%")
      return refuse("percentSign", `${shown}带有 %,但规划单位是“${row.unit}”,不是百分数;请只填数字${hint}`);
    s = s.slice(0, -1).trim();
  }
  const withUnit = /^(.*?\d\.?)\s*([^\d.,\s+-][^\d]*)$/.exec(s);
  const unit = withUnit ? withUnit[2].trim() : null;
  const digits = withUnit ? withUnit[1] : s;
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits) ? digits.replace(/,/g, "") : digits;
  if (!NUMBER.test(plain)) return refuse("notNumber", `${shown}不是数字${hint}`);
  const n = unit === null ? Number(plain) : inUnit(Number(plain), unit, row);
  if (n === null)
    return refuse(
      "otherUnit",
      `${shown}的单位“${unit}”与规划单位“${row.unit}”不同,无法换算;请换算后只填数字${hint}`,
    );
  const v = judgeNumber(n, row, label);
  // "实际值应不小于0:…" said of the text as typed: "value(实际值)“-3”应不小于0:…".
  return v.ok ? v : { ...v, message: shown + v.message.slice(label.length) };
}

/** A number typed with a unit, in the row's unit: the same unit, or one it converts from; null otherwise. */
function inUnit(n: number, unit: string, row: RowUnit): number | null {
  if (unit === row.unit || canonicalUnit(unit) === row.unit) return n;
  if (row.unit === "%" || canonicalUnit(unit) === null) return null;
  try {
    return convert(n, unit, row.unit);
  } catch (e) {
    if (e instanceof PlanError) return null;
    throw e;
  }
}
