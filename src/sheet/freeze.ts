// 转为数值 (freeze): PLAN.* formulas replaced by their values, so a workbook sent to people without the add-in
// shows numbers, not #NAME?. Each converted cell keeps where its value came from in a note (the original formula,
// the plan and its words where the call names one target, the data edition). Cells whose formula shows an error
// are left as they are and listed: freezing "#N/A" would hand over a wrong-looking value.
import type { Catalog } from "../core/catalog/catalog";
import type { Context } from "../core/functions/functions";
import { citationOf, dataVersionLabel } from "../core/catalog/labels";
import type { CellValue, FormulaCell, FreezeCell, FreezeScope } from "../workbook/workbook";

export type { FormulaCell, FreezeCell, FreezeResult, FreezeScope } from "../workbook/workbook";

export const SCOPE_LABEL: Record<FreezeScope, string> = {
  selection: "所选区域",
  sheet: "当前工作表",
  workbook: "整个工作簿",
};

/** May this formula's result spill: an array function, or a PLAN.* call given a range? */
export const maySpill = (f: string) =>
  /PLAN\.(LIST|SEARCH)\s*\(/i.test(f) ||
  /\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+|\b[A-Z]{1,3}:[A-Z]{1,3}\b|\b\d+:\d+\b/i.test(
    f.replace(/"[^"]*"/g, '""'),
  );

/** A PLAN.* call anywhere in the formula (not PLANX. or MYPLAN.). */
const PLAN_CALL = /(^|[^A-Za-z0-9_.])PLAN\.[A-Za-z_]+\s*\(/i;
export const isPlanFormula = (f: string) => f.startsWith("=") && PLAN_CALL.test(f);

/** An Excel error value as a cell shows it. */
const isError = (v: CellValue) => typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v.trim());

export interface FreezePreview {
  /** Will be converted, with their notes. */
  cells: FreezeCell[];
  /** PLAN.* cells showing an error: not converted. */
  errors: FormulaCell[];
}

/** What a freeze of these formula cells would do. */
export function previewFreeze(found: FormulaCell[], ctx: Context): FreezePreview {
  const plan = found.filter((c) => isPlanFormula(c.formula));
  return {
    cells: plan.filter((c) => !isError(c.value)).map((c) => ({ ...c, note: provenanceNote(c.formula, ctx) })),
    errors: plan.filter((c) => isError(c.value)),
  };
}

/** The literal arguments of a formula that is one PLAN.* call: =PLAN.TARGET("益阳","高新技术企业",2025). */
function literalArgs(formula: string): (string | number)[] | null {
  const m = /^=\s*PLAN\.[A-Za-z_]+\s*\((.*)\)\s*$/i.exec(formula);
  if (!m) return null;
  const out: (string | number)[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\s*(,|$)/y;
  let i = 0;
  while (i < m[1].length) {
    re.lastIndex = i;
    const a = re.exec(m[1]);
    if (!a) return null; // a reference or an expression: not resolvable here
    out.push(a[1] !== undefined ? a[1].replace(/""/g, '"') : Number(a[2]));
    i = re.lastIndex;
    if (!a[3]) break;
  }
  return out;
}

/** The note of a converted cell: the formula, the plan's words where one target is named, the data edition. */
export function provenanceNote(formula: string, ctx: Context): string {
  const lines = [`由 PLAN.* 公式转为数值。原公式:${formula}`];
  const args = literalArgs(formula);
  if (args && typeof args[0] === "string" && typeof args[1] === "string") {
    try {
      const year = typeof args[2] === "number" ? args[2] : null;
      lines.push(`出处:${citationOf(ctx.resolver.target(args[0], args[1], year))}`);
    } catch {
      // Not one target (a LIST, a SEARCH, an ambiguous name): the formula says what was asked.
    }
  }
  lines.push(dataVersionLabel(ctx.catalog as Catalog) + "。");
  return lines.join("\n");
}
