// Which typed values a refresh would replace. A refresh rewrites the cells of ours (formulas of the derived
// columns, plan data, the title block) and never an input cell; a value the statistician typed over one of ours
// (a number in 差额, a word in 状态) would be lost without a word. This lists them from the planned write, so
// the faces can ask first. Plan data (目标值, 出处 …) typed over is a DataChange, listed and confirmed on its own;
// the title block (评估年份 …) is written only as asked. So this looks at the computed columns of target rows.
import type { OverwrittenCell } from "../services/service";
import {
  a1,
  type CellContent,
  type CellValue,
  type SheetContent,
  type StructureOp,
} from "../workbook/workbook";
import type { ColumnKey } from "../core/sheet/layout";
import { analyseSheet, DERIVED_COLUMNS, same, type SheetPlan } from "./refresh";

const COMPUTED: ColumnKey[] = [...DERIVED_COLUMNS, "check"];

/**
 * Cells holding a typed constant (not a formula, not blank) that the plan's write replaces with something else.
 * Positions are the sheet's as it is now (before the write's inserted rows and columns).
 */
export function overwrittenCells(content: SheetContent, plan: SheetPlan): OverwrittenCell[] {
  const a = analyseSheet(content.values);
  if (!a) return [];
  const titleOf = (c: number) => text(content.values[a.header]?.[c] ?? null);
  const indicatorCol = a.cols.get("indicator");
  const computed = new Set(COMPUTED.map((k) => a.cols.get(k)).filter((c) => c !== undefined));
  const rows = new Set(a.live.values());
  const out: OverwrittenCell[] = [];
  for (const w of plan.write.cells) {
    if (w.content === undefined) continue;
    const at = beforeInserts(plan.write.structure ?? [], w.row, w.col);
    if (!at || !rows.has(at.row) || !computed.has(at.col)) continue;
    const typed = content.formulas[at.row]?.[at.col] ?? null;
    if (typed === null || typed === "" || isFormula(typed) || replacesWithSame(typed, w.content)) continue;
    out.push({
      cell: a1(at.row, at.col),
      column: titleOf(at.col),
      indicator: indicatorCol === undefined ? "" : text(content.values[at.row]?.[indicatorCol] ?? null),
      old: typed as string | number | boolean,
      new:
        w.content === null
          ? null
          : isFormulaContent(w.content)
            ? "公式"
            : (w.content as string | number | boolean),
    });
  }
  return out;
}

/** Where a cell written after the structural edits was before them; null for a cell in an inserted row or column. */
function beforeInserts(ops: StructureOp[], row: number, col: number): { row: number; col: number } | null {
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i];
    const v = op.kind === "insertRows" ? row : col;
    if (v >= op.at && v < op.at + op.count) return null;
    if (v >= op.at + op.count) {
      if (op.kind === "insertRows") row -= op.count;
      else col -= op.count;
    }
  }
  return { row, col };
}

const isFormula = (v: CellValue) => typeof v === "string" && v.startsWith("=");
const isFormulaContent = (c: CellContent): c is { formula: string } => typeof c === "object" && c !== null;
const text = (v: CellValue) => (v === null ? "" : String(v).trim());

function replacesWithSame(typed: CellValue, content: CellContent): boolean {
  return !isFormulaContent(content) && content !== null && same(typed, content);
}
