// The host logic behind the task pane: ProgressService over any Workbook (Office.js or in memory).
// Each operation is one read and at most one write; every check (exists, ours, protected, data changes) happens
// between the two, so a refused operation writes nothing.
import { nameFor } from "../core/resolve/matching";
import type { CatalogStore } from "../core/catalog/store";
import { sheetNameFor } from "../core/sheet/layout";
import { describeTarget, planCitation, seedOf, subjectOf } from "../core/catalog/labels";
import { SHEET_STATUS_ORDER, type SheetStatus } from "../core/method/methodology";
import { defaultAssessmentYear, isYear } from "../core/method/years";
import { Runner } from "../core/functions/runner";
import { previewFreeze } from "../sheet/freeze";
import { reportFor, reportWritePlan } from "../sheet/report-plan";
import { planTrendChart } from "../sheet/trend-chart";
import { typedFormatWarnings } from "../sheet/typed-formats";
import { analyseSheet, DELETED_PREFIX, planNewSheet, planRefresh, type SheetPlan } from "../sheet/refresh";
import { overwrittenCells } from "../sheet/overwritten";
import {
  HostError,
  type OverwrittenCell,
  type ProgressService,
  type SheetResult,
  type StatusCounts,
} from "./service";
import type { SheetContent, Workbook, WritePlan } from "../workbook/workbook";
import type { UndoLog } from "../workbook/undo";
import { sheetKey, uniqueSheetName } from "../core/sheet/sheet-names";

/** Rows read from the top of each sheet to recognise progress sheets (marker, header, 评估年份). */
const HEAD_ROWS = 40;

export interface ServiceOptions {
  /** The calendar year, for a refresh whose 评估年份 cell is blank (clamped into the plan period). */
  currentYear?: () => number;
  /** 撤销: where given, generate, refresh and 转为数值 are recorded there (one more read before and after each). */
  undo?: UndoLog;
}

/** 保护公式列 (the pane's setting, on unless turned off): what a generate or refresh does with protection. */
const protectionOf = (o: { protect?: boolean }): "on" | "off" => (o.protect === false ? "off" : "on");

const protectedError = (sheet: string) =>
  new HostError({ reason: "sheetProtected", sheet, action: "写入", unchanged: true });

/** Refusing a refresh that would replace typed values: the cells, so the user can move them or confirm. */
const typedCellsError = (sheet: string, cells: OverwrittenCell[]) =>
  new HostError({ reason: "typedCells", sheet, cells });

export function createProgressService(
  workbook: Workbook,
  store: CatalogStore,
  opts: ServiceOptions = {},
): ProgressService {
  // Every operation answers from the store's catalog as it is then: an import may have replaced it.
  const runner = new Runner(store);
  const catalog = () => store.current();
  const currentYear = opts.currentYear ?? (() => new Date().getFullYear());
  const write = (label: string, plan: WritePlan) =>
    opts.undo ? opts.undo.write(label, plan) : workbook.write(plan);

  const defaultYearOf = (planId: string) => {
    const p = catalog().planById(planId);
    const y = currentYear();
    return p ? defaultAssessmentYear(p.period, y) : y;
  };

  const checkYear = (year: number) => {
    if (!isYear(year)) throw new HostError({ reason: "badYear", year });
  };

  const result = (p: SheetPlan, typedFormats: string[] = []): SheetResult => {
    const counts = Object.fromEntries(SHEET_STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
    for (const s of p.statuses) counts[s]++;
    return { sheetName: p.sheetName, planId: p.planId, year: p.year, rows: p.liveRows, counts, typedFormats };
  };

  /** One read: the named sheet, which must be one of ours. */
  const readOurs = async (sheetName: string): Promise<SheetContent> => {
    const snap = await workbook.read([sheetName]);
    const content = snap.sheets.get(sheetName);
    if (!content) throw new HostError({ reason: "sheetNotFound", sheet: sheetName, hint: "removed" });
    if (!analyseSheet(content.values))
      throw new HostError({ reason: "notProgressSheet", sheet: sheetName, action: "刷新" });
    return content;
  };

  const refreshWith = async (
    content: SheetContent,
    o: { applyDataChanges: boolean; year?: number; overwriteTyped?: boolean; protect?: boolean },
    verb = "刷新",
  ) => {
    const protection = protectionOf(o);
    // With 保护公式列 on, a protected sheet is unprotected and protected again (a password refuses the write).
    if (content.protected && protection === "off") throw protectedError(content.name);
    const a = analyseSheet(content.values)!;
    const plan = planRefresh(catalog(), content, { ...o, defaultYear: defaultYearOf(a.planId) });
    const typed = overwrittenCells(content, plan);
    if (typed.length && !o.overwriteTyped) throw typedCellsError(content.name, typed);
    await write(`${verb} ${content.name}`, { ...plan.write, protection });
    // A refresh keeps the formats of input cells: what was typed as a percent or a date is still so.
    return result(plan, typedFormatWarnings(catalog(), content));
  };

  return {
    onSheetsChanged: (listener) => workbook.onSheetsChanged?.(listener) ?? (() => undefined),

    async listProgressSheets() {
      const heads = await workbook.readHeads(HEAD_ROWS);
      return heads.flatMap((h) => {
        const a = analyseSheet(h.values);
        return a && a.planId ? [{ sheetName: h.name, planId: a.planId, year: a.year }] : [];
      });
    },

    async generate(planId, year, o) {
      const plan = catalog().planById(planId);
      if (!plan) throw new HostError({ reason: "unknownPlan", planId });
      checkYear(year);
      const preferred = sheetNameFor(plan);
      let content = (await workbook.read([preferred])).sheets.get(preferred);
      let a = content && analyseSheet(content.values);
      if (content && !a) throw new HostError({ reason: "foreignSheetNamed", sheet: content.name });
      let name = preferred;
      if (a && a.planId !== planId) {
        // Another plan's sheet has this name, letter case aside (进度_ABC, 进度_abc): this plan's sheet is the
        // one already made under another name, else a new one under a unique name.
        const heads = await workbook.readHeads(HEAD_ROWS);
        const own = heads.find((h) => analyseSheet(h.values)?.planId === planId);
        name = own?.name ?? uniqueSheetName(preferred, new Set(heads.map((h) => sheetKey(h.name))));
        content = own && (await workbook.read([own.name])).sheets.get(own.name);
        a = content && analyseSheet(content.values);
      }
      if (!content || !a) {
        const p = planNewSheet(catalog(), planId, name, year);
        await write(`生成 ${name}`, { ...p.write, protection: protectionOf(o ?? {}) });
        return result(p);
      }
      // The plan's sheet exists: refresh it, keeping everything typed into it (its 评估年份 included).
      const choice = o?.sheetYear ?? (a.year === year ? "keep" : undefined);
      if (!choice)
        throw new HostError({ reason: "yearDiffers", sheet: content.name, sheetYear: a.year, year });
      return refreshWith(
        content,
        {
          applyDataChanges: false,
          overwriteTyped: o?.overwriteTyped,
          protect: o?.protect,
          ...(choice === "replace" ? { year } : {}),
        },
        "生成",
      );
    },

    async activeProgressSheet() {
      const sel = await workbook.readSelection(HEAD_ROWS);
      const a = sel && analyseSheet(sel.head);
      if (!sel || !a || !a.planId) return null;
      const counts = Object.fromEntries(SHEET_STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
      const row = sel.head[a.titleRows.get("counts") ?? -1] ?? [];
      row.forEach((v, c) => {
        const n = row[c + 1];
        if ((SHEET_STATUS_ORDER as unknown[]).includes(v) && typeof n === "number")
          counts[v as SheetStatus] = n;
      });
      const rows = Object.values(counts).reduce((x, y) => x + y, 0);
      return { sheetName: sel.sheet, planId: a.planId, year: a.year, counts, rows };
    },

    async planRefresh(sheetName) {
      const content = await readOurs(sheetName);
      const a = analyseSheet(content.values)!;
      const p = planRefresh(catalog(), content, {
        applyDataChanges: false,
        defaultYear: defaultYearOf(a.planId),
      });
      return {
        sheetName: content.name,
        planId: p.planId,
        dataChanges: p.dataChanges,
        overwritten: overwrittenCells(content, p),
        preservedInputs: p.preservedInputs,
      };
    },

    async refresh(sheetName, o) {
      if (o.year !== undefined) checkYear(o.year);
      return refreshWith(await readOurs(sheetName), o);
    },

    async insertFormula(formula, o) {
      const sel = await workbook.readSelection(0);
      if (!sel) throw new HostError({ reason: "noSelection" });
      if (sel.protected) throw protectedError(sel.sheet);
      const f = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
      const occupied = sel.formula !== null && sel.formula !== "";
      if (occupied && !o?.overwrite) throw new HostError({ reason: "cellNotEmpty" });
      opts.undo?.forget();
      await workbook.write({
        sheet: sel.sheet,
        cells: [{ row: sel.row, col: sel.col, content: { formula: f } }],
      });
    },

    async sourceOfSelection() {
      const sel = await workbook.readSelection(HEAD_ROWS);
      if (!sel) return null;
      const a = analyseSheet(sel.head);
      if (!a || a.header < 0 || sel.row <= a.header) return null;
      const id = sel.rowValues[a.idCol];
      if (typeof id !== "string" || id.startsWith(DELETED_PREFIX)) return null;
      const t = catalog().targetById.get(id.trim());
      if (!t) return null;
      return {
        sheetName: sel.sheet,
        targetId: t.id,
        indicator: nameFor(t),
        subject: subjectOf(t),
        planTitle: t.plan.title,
        file: seedOf(t),
        quote: t.quote,
        value: t.threshold,
        unit: t.unit,
        stated: describeTarget(t),
        citation: planCitation(t.plan),
      };
    },

    async previewFreeze(scope) {
      return previewFreeze(await workbook.readFormulas(scope), runner.context());
    },

    freeze: (cells) =>
      opts.undo
        ? opts.undo.freeze((r) => `转为数值(${r.converted.length} 个单元格)`, cells)
        : workbook.freeze(cells),

    async drawTrendChart() {
      const sel = await workbook.readSelection(HEAD_ROWS);
      if (!sel) throw new HostError({ reason: "noRowSelected" });
      const p = planTrendChart(catalog(), sel);
      opts.undo?.forget();
      // A progress sheet protected by 保护公式列 is unprotected for the chart and protected again.
      await workbook.write(sel.protected ? { ...p.write, protection: "on" } : p.write);
      return { sheetName: sel.sheet, indicator: p.indicator };
    },

    async writeReportSheet() {
      const sel = await workbook.readSelection(HEAD_ROWS);
      if (!sel || !analyseSheet(sel.head)) throw new HostError({ reason: "notOnProgressSheetForReport" });
      const content = await readOurs(sel.sheet);
      const report = reportFor(catalog(), content);
      const snap = await workbook.read([report.sheetName]);
      if (snap.sheets.has(report.sheetName))
        throw new HostError({ reason: "reportExists", sheet: report.sheetName });
      opts.undo?.forget();
      await workbook.write(reportWritePlan(report));
      return { sheetName: report.sheetName, rows: report.targetIds.length };
    },
  };
}
