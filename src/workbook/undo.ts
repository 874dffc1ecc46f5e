// 撤销: Office.js writes cannot be undone with Ctrl+Z, so the services record, around each undoable write (生成,
// 刷新, 填表, 批量填写, 转为数值), the cells it will change as they were — contents and number formats — with the
// sheets it creates and the rows and columns it inserts. One level: a new write replaces the record.
//
// Typing since the write: undo compares every affected sheet's contents and number formats with what they were
// just after the write and, if anything differs, refuses and names the cells. Restoring only the untouched cells
// was rejected: a row would then mix the old plan's formulas with values typed against the new one (a wrong number
// nobody sees), and deleting an inserted row or a created sheet would take the typing with it.
// Not restored: styles, merges, conditional formats, data validation, column widths, charts and notes.
import { HostError } from "./errors";
import {
  rangeA1,
  rectangles,
  type Rect,
  type RestorePlan,
  type SheetContent,
  type StructureOp,
  type Workbook,
  type WritePlan,
  type FreezeCell,
  type FreezeResult,
} from "./workbook";

/** What the pane needs: what 撤销 would undo, and the undo. */
export interface UndoService {
  /** "刷新 进度_益阳" — what the last recorded write did; null when there is nothing to undo. */
  current(): string | null;
  subscribe(listener: () => void): () => void;
  /** Put the cells back; returns the message saying what was restored. Throws HostError when refused. */
  undo(): Promise<string>;
}

/** Changed cells named when undo refuses. */
const MAX_LISTED = 5;

interface Step {
  label: string;
  /** Each affected sheet's contents and formats just after the write (undefined: no such sheet). */
  after: Map<string, SheetContent | undefined>;
  restore: RestorePlan;
  cells: number;
}

/** The first cells (A1) where two sheet contents differ (contents and number formats), up to `max`. */
function differences(a: SheetContent | undefined, b: SheetContent | undefined, max: number): string[] {
  const out: string[] = [];
  const grids = (c?: SheetContent) => [c?.formulas ?? [], c?.numberFormats ?? []];
  const [fa, na] = grids(a);
  const [fb, nb] = grids(b);
  const rows = Math.max(fa.length, fb.length);
  for (let r = 0; r < rows && out.length < max; r++) {
    const cols = Math.max(fa[r]?.length ?? 0, fb[r]?.length ?? 0);
    for (let c = 0; c < cols && out.length < max; c++) {
      const same =
        (fa[r]?.[c] ?? "") === (fb[r]?.[c] ?? "") && (na[r]?.[c] ?? "General") === (nb[r]?.[c] ?? "General");
      if (!same) out.push(rangeA1(r, c, r, c));
    }
  }
  return out;
}

/** A cell of the sheet after the structure edits, in the sheet before them; null for a cell of an inserted row. */
export function beforeStructure(
  row: number,
  col: number,
  ops: StructureOp[],
): { row: number; col: number } | null {
  let [r, c] = [row, col];
  for (const op of [...ops].reverse()) {
    const x = op.kind === "insertRows" ? r : c;
    if (x >= op.at && x < op.at + op.count) return null;
    if (x >= op.at + op.count) {
      if (op.kind === "insertRows") r -= op.count;
      else c -= op.count;
    }
  }
  return { row: r, col: c };
}

export class UndoLog implements UndoService {
  private last: Step | null = null;
  private listeners = new Set<() => void>();

  constructor(private readonly workbook: Workbook) {}

  current = (): string | null => this.last?.label ?? null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** workbook.write(plan), recorded under `label`: the cells it changes are read first (one more batch). */
  async write(label: string, plan: WritePlan): Promise<void> {
    const changed = plan.cells.filter((c) => c.content !== undefined || c.numFmt !== undefined);
    const before: Rect[] = [];
    if (!plan.create) {
      const old = changed.flatMap((c) => beforeStructure(c.row, c.col, plan.structure ?? []) ?? []);
      before.push(...rectangles(old));
    }
    const images = await this.workbook.snapshot(before.map((rect) => ({ sheet: plan.sheet, rect })));
    await this.workbook.write(plan);
    const remove = [...(plan.structure ?? [])].reverse().map((op) => ({ sheet: plan.sheet, op }));
    await this.keep(label, [plan.sheet], {
      restore: { deleteSheets: plan.create ? [plan.sheet] : [], remove, images },
      cells: changed.length,
    });
  }

  /** workbook.freeze(cells), recorded: each converted cell gets its formula back, the rest of its spill cleared. */
  async freeze(label: (r: FreezeResult) => string, cells: FreezeCell[]): Promise<FreezeResult> {
    const r = await this.workbook.freeze(cells);
    if (r.converted.length === 0) return r;
    const formulaAt = new Map(r.converted.map((c) => [`${c.sheet}\u0000${c.row},${c.col}`, c.formula]));
    const spills = r.spillRanges.map((s) => ({ sheet: s.sheet, rect: s.rect }));
    const singles = r.converted
      .filter((c) => !spills.some((s) => s.sheet === c.sheet && s.rect.r1 === c.row && s.rect.c1 === c.col))
      .map((c) => ({ sheet: c.sheet, rect: { r1: c.row, c1: c.col, r2: c.row, c2: c.col } }));
    // Number formats are not changed by 转为数值: the image keeps the current ones.
    const now = await this.workbook.snapshot([...spills, ...singles]);
    const images = now.map((img) => ({
      ...img,
      formulas: img.formulas.map((row, i) =>
        row.map((_, j) => formulaAt.get(`${img.sheet}\u0000${img.rect.r1 + i},${img.rect.c1 + j}`) ?? null),
      ),
    }));
    const sheets = [...new Set(r.converted.map((c) => c.sheet))];
    await this.keep(label(r), sheets, {
      restore: { deleteSheets: [], remove: [], images },
      cells: r.converted.length,
    });
    return r;
  }

  /**
   * A write that is not recorded (a formula inserted, a chart, the 上报 sheet) ends the offer: the step before it
   * is no longer the last, and undoing it could break what was built on it (a 上报 sheet citing a generated one).
   */
  forget(): void {
    if (this.last) this.set(null);
  }

  async undo(): Promise<string> {
    const step = this.last;
    if (!step) throw new HostError({ reason: "nothingToUndo" });
    const now = await this.workbook.read([...step.after.keys()]);
    for (const [sheet, after] of step.after) {
      const content = now.sheets.get(sheet);
      if (!content && after) throw new HostError({ reason: "undoSheetGone", sheet, label: step.label });
      const cells = differences(content, after, MAX_LISTED);
      if (cells.length === 0) continue;
      throw new HostError({
        reason: "undoChangedSince",
        sheet,
        label: step.label,
        cells,
        more: cells.length === MAX_LISTED,
      });
    }
    // A sheet under 保护公式列 is unprotected for the restore and protected again, as for the write undone.
    const deleted = new Set(step.restore.deleteSheets);
    const reprotect = [...now.sheets.values()]
      .filter((c) => c.protected && !deleted.has(c.name))
      .map((c) => c.name);
    await this.workbook.restore({ ...step.restore, reprotect });
    this.set(null);
    const gone = step.restore.deleteSheets.map((s) => `“${s}”`).join("、");
    return gone
      ? `已撤销“${step.label}”:已删除本次生成的工作表${gone}。`
      : `已撤销“${step.label}”:${step.cells} 个单元格的内容和数字格式已恢复(单元格样式、批注等不在撤销范围内)。`;
  }

  private async keep(label: string, sheets: string[], s: Omit<Step, "label" | "after">) {
    const snap = await this.workbook.read(sheets);
    const after = new Map(sheets.map((n) => [n, snap.sheets.get(n)]));
    this.set({ label, after, ...s });
  }

  private set(step: Step | null) {
    this.last = step;
    for (const l of this.listeners) l();
  }
}
