// Batch actuals in the pane: a two-column block (指标, 实际值[, 基期值]) pasted from a sheet, or a CSV, filled
// into the 实际值 (and 基期值) cells of a progress sheet. The one reader (actuals.ts) resolves the names as
// PLAN.TARGET does; a preview shows every row's problem before anything is written, and which rows of the
// sheet still cannot be assessed and what they lack (usually 基期值). Two batches to write: a fresh read,
// then the write.
import { progressInputFor, type Catalog, type CatalogTarget } from "../core/catalog/catalog";
import type { CatalogStore } from "../core/catalog/store";
import { Runner } from "../core/functions/runner";
import { planTargets } from "../core/sheet/layout";
import { assess, STATUS } from "../core/method/methodology";
import { unassessableReasons, type UnassessableReason } from "../core/method/reasons";
import { ActualsError, parseActualsTable, resolveActuals, type ActualsIssue } from "./actuals";
import { actualInputColumn, analyseSheet, type SheetAnalysis } from "./refresh";
import { HostError } from "../workbook/errors";
import { a1, type CellWrite, type SheetContent, type Workbook } from "../workbook/workbook";
import type { RowInputs } from "./report-file";
import type { UndoLog } from "../workbook/undo";

export interface BatchRow {
  target: CatalogTarget;
  row: number;
  actual: number | null;
  baseline: number | null;
}

export interface Unassessable {
  target: CatalogTarget;
  /** Why (reasons.ts: the words the CLI's summary uses too): noActual, noBaseline, or both; beforeBase … */
  reasons: UnassessableReason[];
}

export interface BatchPreview {
  sheetName: string;
  rows: BatchRow[];
  issues: ActualsIssue[];
  /** Cells that already hold a different value and would be overwritten (A1). */
  conflicts: string[];
  /** The sheet's targets that cannot be assessed even after this batch, and why. */
  unassessable: Unassessable[];
}

export interface BatchService {
  preview(sheetName: string, text: string): Promise<BatchPreview>;
  /** Write the previewed rows; over different values only with `overwrite` (HostError "cellNotEmpty"). */
  apply(preview: BatchPreview, overwrite?: boolean): Promise<number>;
}

interface Found {
  content: SheetContent;
  analysis: SheetAnalysis;
  targets: CatalogTarget[];
}

async function readSheet(workbook: Workbook, catalog: Catalog, sheetName: string): Promise<Found> {
  const snap = await workbook.read([sheetName]);
  const content = snap.sheets.get(sheetName);
  if (!content) throw new HostError({ reason: "sheetNotFound", sheet: sheetName });
  const analysis = analyseSheet(content.values);
  if (!analysis || !catalog.planById(analysis.planId) || analysis.header < 0)
    throw new HostError({ reason: "notProgressSheet", sheet: sheetName, action: "批量填写" });
  const targets = planTargets(catalog, analysis.planId).filter((t) => analysis.live.has(t.id));
  return { content, analysis, targets };
}

/** The cells a batch writes, with the values now in them. */
function cellsOf(found: Found, rows: readonly BatchRow[]) {
  const { analysis, content } = found;
  const out: { write: CellWrite; now: unknown }[] = [];
  const put = (row: number, key: "actual" | "baseline", v: number | null) => {
    const col = key === "actual" ? actualInputColumn(analysis) : analysis.cols.get(key);
    if (v === null || col === undefined) return;
    out.push({ write: { row, col, content: v }, now: content.values[row]?.[col] ?? null });
  };
  for (const r of rows) {
    put(r.row, "actual", r.actual);
    put(r.row, "baseline", r.baseline);
  }
  return out;
}

function unassessable(found: Found, inputs: Map<string, RowInputs>): Unassessable[] {
  const { analysis, content } = found;
  const year = analysis.year;
  const at = (t: CatalogTarget, key: "actual" | "baseline") => {
    const col = analysis.cols.get(key);
    const v = col === undefined ? null : content.values[analysis.live.get(t.id)!]?.[col];
    return typeof v === "number" ? v : null;
  };
  const out: Unassessable[] = [];
  for (const t of found.targets) {
    const actual = inputs.get(t.id)?.actual ?? at(t, "actual");
    const baseline = inputs.get(t.id)?.baseline ?? at(t, "baseline");
    const input = { ...progressInputFor(t, actual, year ?? t.targetYear, baseline), year };
    if (assess(input).status !== STATUS.unassessable) continue;
    out.push({ target: t, reasons: unassessableReasons(input) });
  }
  return out;
}

/** The service over `store`'s catalog as it is at each call (an import changes what names resolve to). */
export function createBatchService(workbook: Workbook, store: CatalogStore, undo?: UndoLog): BatchService {
  const runner = new Runner(store);
  return {
    async preview(sheetName, text) {
      const ctx = runner.context();
      const { catalog } = ctx;
      const found = await readSheet(workbook, catalog, sheetName);
      const plan = catalog.planById(found.analysis.planId)!;
      const region = catalog.regionById.get(plan.region);
      if (!region) throw new HostError({ reason: "planRegionMissing", plan: plan.shortName });
      let parsed;
      try {
        parsed = parseActualsTable(text, { header: "optional" });
      } catch (e) {
        if (e instanceof ActualsError)
          return { sheetName, rows: [], issues: e.issues, conflicts: [], unassessable: [] };
        throw e;
      }
      const { inputs, issues } = resolveActuals(parsed, ctx, region, found.targets, {
        choosePlan: "请在该规划的进度表中粘贴",
        entityColumn: "请在指标前加主体名称所在的列(entity)",
      });
      const rows: BatchRow[] = [...inputs]
        .filter(([, v]) => v.actual != null || v.baseline != null) // a row whose numbers were refused
        .map(([id, v]) => ({
          target: catalog.targetById.get(id)!,
          row: found.analysis.live.get(id)!,
          actual: v.actual ?? null,
          baseline: v.baseline ?? null,
        }));
      const conflicts = cellsOf(found, rows)
        .filter((c) => c.now !== null && c.now !== c.write.content)
        .map((c) => a1(c.write.row, c.write.col));
      return { sheetName, rows, issues, conflicts, unassessable: unassessable(found, inputs) };
    },

    async apply(preview, overwrite = false) {
      if (preview.issues.length > 0) throw new HostError({ reason: "fixIssuesFirst" });
      const found = await readSheet(workbook, runner.context().catalog, preview.sheetName);
      // Rows are found again by target id: the user may have moved them since the preview.
      const rows = preview.rows.flatMap((r) => {
        const row = found.analysis.live.get(r.target.id);
        return row === undefined ? [] : [{ ...r, row }];
      });
      const cells = cellsOf(found, rows);
      const conflicts = cells.filter((c) => c.now !== null && c.now !== c.write.content);
      if (conflicts.length > 0 && !overwrite)
        throw new HostError({
          reason: "cellsDiffer",
          cells: conflicts.slice(0, 10).map((c) => a1(c.write.row, c.write.col)),
          total: conflicts.length,
        });
      if (cells.length === 0) return 0;
      // Input cells only: a sheet under 保护公式列 is unprotected for the write and protected again.
      const protection = found.content.protected ? ("on" as const) : undefined;
      const write = { sheet: preview.sheetName, cells: cells.map((c) => c.write), protection };
      await (undo ? undo.write(`批量填写 ${preview.sheetName}`, write) : workbook.write(write));
      return rows.length;
    },
  };
}
