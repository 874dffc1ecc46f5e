// The functions the 公式 tab can insert for a found target, and the formula for each choice.
import type { CatalogTarget } from "../../core/catalog/catalog";
import { formulaFor, type FunctionId } from "../../core/functions/functions";
import { readYear } from "../../core/method/years";

export type InsertableId = Extract<FunctionId, "TARGET" | "BASELINE" | "PROGRESS" | "STATUS">;

export const INSERTABLE: { id: InsertableId; label: string; needsActual: boolean }[] = [
  { id: "TARGET", label: "目标值 PLAN.TARGET", needsActual: false },
  { id: "BASELINE", label: "基期值 PLAN.BASELINE", needsActual: false },
  { id: "PROGRESS", label: "完成进度 PLAN.PROGRESS", needsActual: true },
  { id: "STATUS", label: "状态 PLAN.STATUS", needsActual: true },
];

export interface InsertChoice {
  fn: InsertableId;
  /** The cell holding the actual, as typed: J5, $J$5, Sheet1!J5, or a number. */
  actual: string;
  /** 评估年份, as typed. */
  asOfYear: string;
}

const REF = /^(('[^']+'|[^\s!'"()]+)!)?\$?[A-Za-z]{1,3}\$?\d{1,7}$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The formula, or why it cannot be written yet (in Chinese). */
export function formulaOfChoice(t: CatalogTarget, c: InsertChoice): { formula: string } | { error: string } {
  const spec = INSERTABLE.find((x) => x.id === c.fn);
  if (!spec?.needsActual) return { formula: formulaFor(t, c.fn) };
  const actual = c.actual.normalize("NFKC").trim();
  if (!REF.test(actual) && !NUMBER.test(actual))
    return { error: "请填写实际值所在的单元格(如 J5)或一个数值" };
  const year = readYear(c.asOfYear);
  if (year === null) return { error: "请填写评估年份(实际值所属年份,如 2023)" };
  const base = formulaFor(t, c.fn).slice(0, -1); // without the closing parenthesis
  return { formula: `${base},${actual.toUpperCase()},${year})` };
}
