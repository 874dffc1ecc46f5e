// One input, one verdict, on every face (issue 23). fast-check draws an input as people type it — numbers, negatives,
// huge values, "1,234", "2.1%", "470家", full-width digits, Chinese numerals, text, empty — for a target of every
// unit class, and the rule (src/core/method/inputs.ts judgeText) gives the verdict. Then each face must agree:
// - the CLI (plan report's readActuals: read, flagged as 输入有误 and written, or refused),
// - 批量 (the pane's preview over a memory workbook),
// - the sheet (HyperFormula evaluating the written 输入检查 formula on the number the reader wrote),
// - PLAN.STATUS (the runner, given that number as the cell holds it),
// - 填表 (planFill in values mode over a table holding that number),
// with the same class of message: the reason, and the rule's own words in each message.
import fc from "fast-check";
import type { CatalogTarget } from "../../src/core/catalog/catalog";
import { nameFor } from "../../src/core/resolve/matching";
import { COL, planTargets, SHEET } from "../../src/core/sheet/layout";
import {
  inputMessages,
  judgeText,
  unitClass,
  type UnitClass,
  type Verdict,
} from "../../src/core/method/inputs";
import { readActuals, CsvError } from "../../src/cli/report";
import { createBatchService } from "../../src/sheet/batch-actuals";
import { planFill, type FillRow } from "../../src/sheet/fill-table";
import { serviceOver } from "./service-over";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { colIndex, type TableRange } from "../../src/workbook/workbook";
import { createFace } from "./face";

const face = createFace();
const catalog = face.catalog();
const ctx = face.context();
const YEAR = 2023;

/** Targets reachable by name from a CSV of their plan's region (a sub-area's target needs the entity column). */
const targets = catalog.plans
  .filter((p) => p.period.start <= YEAR && YEAR <= p.period.end)
  .flatMap((p) => planTargets(catalog, p.id))
  .filter((t) => t.region === t.plan.region);

const fullWidth = (s: string) => s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** An input as typed, for a row: built from a number and a way of typing it. */
const inputArb = (t: CatalogTarget) =>
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: -200, max: 2000 }),
        fc.double({ min: -150, max: 150, noNaN: true }).map((x) => Math.round(x * 100) / 100),
        fc.constantFrom(1234, 1e20, 2e15, -3, 150, 100, 0, -100, -101),
      ),
      fc.constantFrom(
        "plain",
        "thousands",
        "percent",
        "unit",
        "otherUnit",
        "fullwidth",
        "text",
        "empty",
        "chinese",
      ),
    )
    .map(([n, how]) => {
      switch (how) {
        case "thousands":
          return Math.abs(n) >= 1000 && Math.abs(n) < 1e9 ? n.toLocaleString("en-US") : String(n);
        case "percent":
          return `${n}%`;
        case "unit":
          return `${n}${t.unit}`;
        case "otherUnit":
          return `${n}${t.unit === "项" ? "家" : "项"}`;
        case "fullwidth":
          return fullWidth(String(n));
        case "text":
          return ["待定", "n/a", "—", "约470"][Math.abs(Math.trunc(n)) % 4];
        case "empty":
          return "";
        case "chinese":
          return "四百七十";
        default:
          return String(n);
      }
    });

/** One memory workbook per plan, its progress sheet generated once. */
const sheets = new Map<string, Promise<{ wb: MemoryWorkbook; sheetName: string }>>();
function sheetOf(planId: string) {
  if (!sheets.has(planId))
    sheets.set(
      planId,
      (async () => {
        const wb = new MemoryWorkbook();
        const service = serviceOver(wb, { year: YEAR, store: face.store });
        const { sheetName } = await service.generate(planId, YEAR);
        return { wb, sheetName };
      })(),
    );
  return sheets.get(planId)!;
}

const csvOf = (t: CatalogTarget, raw: string) =>
  `indicator,value\n"${nameFor(t)}","${raw.replace(/"/g, '""')}"\n`;

/** The CLI's reading: the number written, flagged or not, or the refusal's message. */
function cliFace(
  t: CatalogTarget,
  raw: string,
): { value: number | null; flagged?: string; refused?: string } {
  const region = catalog.regionById.get(t.plan.region)!;
  try {
    const { inputs, flagged } = readActuals(
      csvOf(t, raw),
      "x.csv",
      ctx,
      region,
      planTargets(catalog, t.plan.id),
    );
    return { value: inputs.get(t.id)?.actual ?? null, flagged: flagged[0]?.message };
  } catch (e) {
    if (e instanceof CsvError) return { value: null, refused: e.message };
    throw e;
  }
}

/** 填表 in values mode: the STATUS written beside a table row holding `n` as its 实际值. */
function fillFace(t: CatalogTarget, n: number): unknown {
  const label = nameFor(t);
  const table: TableRange = {
    sheet: "表",
    protected: false,
    top: 0,
    left: 0,
    rows: 1,
    cols: 2,
    content: { name: "表", protected: false, values: [[label, n]], formulas: [[label, n]] },
  };
  const rows: FillRow[] = [{ row: 0, col: 0, label, kind: "found", target: t }];
  const opts = {
    columns: ["status" as const],
    mode: "values" as const,
    firstCol: 2,
    actualCol: 1,
    asOfYear: YEAR,
  };
  return planFill(table, rows, opts, face.runner).cells.find((c) => c.col === 2)?.content ?? null;
}

const seenReasons = new Map<string, number>();
const seenClasses = new Set<UnitClass>();

test("the CLI, 批量, the sheet, PLAN.STATUS and 填表 give the rule's verdict for inputs as people type them", async () => {
  const draws = fc.sample(
    fc
      .integer({ min: 0, max: targets.length - 1 })
      .chain((i) => fc.tuple(fc.constant(targets[i]), inputArb(targets[i]))),
    { numRuns: 400, seed: 23 },
  );
  const mismatches: string[] = [];
  for (const [t, raw] of draws) {
    const v: Verdict = judgeText(raw, t, "value(实际值)");
    seenReasons.set(v.ok ? "ok" : v.reason, (seenReasons.get(v.ok ? "ok" : v.reason) ?? 0) + 1);
    seenClasses.add(unitClass(t.kind, t.unit));
    const where = `${t.id} (${t.unit}) “${raw}” → ${JSON.stringify(v)}`;
    const n = v.ok ? v.value : (v.read ?? null);

    // CLI: read and written; an out-of-range number written and flagged with the rule's message; else refused.
    const cli = cliFace(t, raw);
    if (v.ok && (cli.refused || cli.flagged || cli.value !== v.value))
      mismatches.push(`${where}: CLI ${JSON.stringify(cli)}`);
    if (!v.ok && v.reason === "outOfRange" && (cli.flagged !== v.message || cli.value !== n))
      mismatches.push(`${where}: CLI ${JSON.stringify(cli)}`);
    if (!v.ok && v.reason !== "outOfRange" && !cli.refused?.includes(v.message))
      mismatches.push(`${where}: CLI ${JSON.stringify(cli)}`);

    // 批量: the same text pasted; a refusal is an issue with the same reason and message, nothing to write.
    const { wb, sheetName } = await sheetOf(t.plan.id);
    const preview = await createBatchService(wb, face.store).preview(sheetName, csvOf(t, raw));
    const issue = preview.issues[0];
    const row = preview.rows.find((r) => r.target.id === t.id);
    const batchAgrees = v.ok
      ? !issue && (row?.actual ?? null) === v.value
      : issue?.reason === v.reason && issue.message === v.message && !row;
    if (!batchAgrees) mismatches.push(`${where}: 批量 ${JSON.stringify({ issue, actual: row?.actual })}`);

    if (n === null) continue; // nothing a sheet cell, the runner or 填表 would receive
    // The sheet: the number in 实际值; 输入检查 silent exactly when the rule accepts, else it says the rule's words.
    const r = SHEET.firstDataRow + planTargets(catalog, t.plan.id).findIndex((x) => x.id === t.id);
    wb.setCell(sheetName, `${COL.actual}${r}`, n);
    const check = wb.contentOf(sheetName).values[r - 1][colIndex(COL.check)];
    const words = inputMessages("实际值", t).range;
    if (v.ok ? check !== null : !(typeof check === "string" && check.includes(words)))
      mismatches.push(`${where}: sheet 输入检查 ${JSON.stringify(check)}`);
    wb.setCell(sheetName, `${COL.actual}${r}`, null);

    // PLAN.STATUS with the number as the cell holds it; 填表's STATUS value beside it.
    const status = face.run("STATUS", [t.regionDef.name, nameFor(t), t.targetYear, n, YEAR]);
    const ruleWords = words.slice("实际值".length);
    if (
      v.ok !== status.ok ||
      (!status.ok && !(status.error === "#VALUE!" && status.message.includes(ruleWords)))
    )
      mismatches.push(`${where}: PLAN.STATUS ${JSON.stringify(status)}`);
    const filled = fillFace(t, n);
    if (v.ok !== (typeof filled === "string") || (status.ok && filled !== status.value))
      mismatches.push(`${where}: 填表 ${JSON.stringify(filled)}`);
  }
  expect(mismatches.slice(0, 10)).toEqual([]);
  expect(mismatches).toHaveLength(0);
}, 600_000);

test("the draws reach every verdict and every unit class of the bundled plans", () => {
  for (const r of ["ok", "notNumber", "otherUnit", "percentSign", "tooLarge", "outOfRange"])
    expect([r, (seenReasons.get(r) ?? 0) > 3]).toEqual([r, true]);
  for (const c of ["share", "rate", "count", "people", "money", "multiple"] as UnitClass[])
    expect([c, seenClasses.has(c)]).toEqual([c, true]);
});
