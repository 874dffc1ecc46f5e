// The written workbooks compute the methodology without the add-in: LibreOffice Calc (headless, with
// recalculation on load forced) recalculates every progress sheet, and each data row's 序时进度, 完成进度,
// 预期值, 差额, 需年均增速 and 状态 must equal assess(). Needs `soffice`; fails (never skips) without it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { bundledCatalog, progressInputFor } from "../../src/core/catalog/catalog";
import {
  buildProgressSheet,
  COL,
  colLetter,
  COLUMNS,
  HISTORY_FIRST_COL,
  COUNTS_FIRST_COL,
  needsBaselineInput,
  plansCovering,
  planTargets,
  SHEET,
  THRESHOLD_CELLS,
  thresholdCell,
  yearValidation,
  type ColumnKey,
  type ProgressSheetLayout,
} from "../../src/core/sheet/layout";
import {
  assess,
  OUTLOOK_ORDER,
  SHEET_STATUS_ORDER,
  STATUS,
  STATUS_ORDER,
  type PaceThresholds,
} from "../../src/core/method/methodology";
import { bundledContext } from "../../src/core/functions/functions";
import { readActuals } from "../../src/cli/report";
import { layoutToWorkbook, type RowInputs } from "../../src/sheet/report-file";
import fc from "fast-check";
import {
  actualArb,
  DERIVED,
  expectedFromRunner,
  INPUT_KINDS,
  yearArb,
  type Typed,
} from "../shared/bad-inputs";
import { expectedRow } from "../shared/helpers";
import { recalcToCsv, runReport, SOFFICE, tempDir } from "./helpers";

interface Case {
  region: string;
  regionId: string;
  year: number;
  csv: string;
  /** 进度比分档下限 typed into each progress sheet's title block (the defaults where none). */
  thresholds?: PaceThresholds;
}

// Actuals chosen to reach every status; several baselines typed where the plan gives none.
const CASES: Case[] = [
  {
    region: "益阳",
    regionId: "yiyang",
    year: 2023,
    csv: [
      "indicator,value,baseline",
      "高新技术企业,470,",
      "研发经费投入强度,2.1,",
      "研发经费投入年均增速,11,",
      "技术合同认定登记额占GDP比重,1.5,0.9",
      "规模以上工业企业研发经费支出与营业收入之比,1.4,1.0",
      "每万人口发明专利拥有量,5.2,",
      "高新技术产业增加值占GDP比重,22,",
      "高新技术产业增加值年均增速,9.8,",
      "转型省级高新区的省级产业园区,1,",
      "人才交流活动,3,", // a per-year target met in 2023: 符合预期 (当年达标)
      "国家级重点实验室,0,", // 零的突破 not yet reached before 2025: 尚未实现
    ].join("\n"),
  },
  {
    region: "中山",
    regionId: "zhongshan",
    year: 2022,
    // A province's own bands (issue 26: 明显滞后 below about 0.75 in 国家信息中心's bands).
    thresholds: { ahead: 1.2, onTrack: 0.9, behind: 0.75 },
    csv: [
      "entity,indicator,value,baseline",
      ",研发经费投入年均增速,9.6,",
      ",高新技术企业,3000,2500",
      ",智能家居产业集群产值,3500,3000",
      ",规模以上工业企业研发机构覆盖率,35,38",
      ",数字经济核心产业增加值占GDP比重,13,15", // met at the base (15 against 14), since lost: 逆向变化
      ",技术合同交易额,20,15",
      ",每万人口高价值发明专利拥有量,5,",
      ",国家重大科技基础设施,1,0",
      ",省实验室,1,0",
      ",每年新增省级以上工程实验室,1,", // a per-year target: the bare name is the stock
      "哈工大创新中心,专职科研人员,60,0",
      "复旦联合创新中心,引进研发人才,45,",
      "翠亨新区,10亿元规模以上骨干企业,2,0",
    ].join("\r\n"),
  },
  {
    region: "城区",
    regionId: "shanwei-chengqu",
    year: 2024,
    csv:
      "\uFEFF" +
      [
        "indicator,value,baseline",
        "科技型企业倍增,1.4,", // 倍增: the bare name is the count of firms
        "省级创新平台,5.375,3", // 省级 (城区's tier); pace exactly 0.95 (decimal): a threshold edge
        "研发经费投入强度,1.8,1.5",
        "新引进大学生,0.3,",
        "技术合同交易额,1200,800",
        "每万人口发明专利拥有量,0.3,0.35",
        "人才资源总量,12.1,10", // pace exactly 1.05 (decimal)
        "国家科技型中小企业,150,100",
        "新增市级企业研究开发中心和市级新型研发机构,6,",
      ].join("\n"),
  },
];

const catalog = bundledCatalog();
const tmp = tempDir("plan-lo-");
afterAll(() => tmp.cleanup());
const col = (k: ColumnKey) => COLUMNS.findIndex((c) => c.key === k);
const CHECKED = [
  "elapsed",
  "completion",
  "expected",
  "variance",
  "requiredRate",
  "status",
  "forecast",
  "outlook",
] as const;

function sofficeVersion(): string | null {
  const p = spawnSync(SOFFICE, ["--version"], { encoding: "utf8", timeout: 60_000 });
  return p.error || p.status !== 0 ? null : p.stdout.trim();
}

async function poisonStoredResults(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.formula) return;
        cell.value = {
          formula: cell.formula,
          result: typeof cell.result === "number" ? -999 : "已篡改",
        } as ExcelJS.CellFormulaValue;
        n++;
      }),
    ),
  );
  if (n === 0) throw new Error(`${file}: no formulas to poison`);
  await wb.xlsx.writeFile(file);
}

/** Type a case's thresholds into every progress sheet of its workbook. */
async function typeThresholds(file: string, th: PaceThresholds): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.eachSheet((ws) => {
    if (!ws.name.startsWith("进度_")) return;
    for (const c of THRESHOLD_CELLS) ws.getCell(thresholdCell(c.key)).value = th[c.key];
  });
  await wb.xlsx.writeFile(file);
}

/** Inputs by target id, resolved exactly as the report resolves them. */
function inputsOf(c: Case): Map<string, RowInputs> {
  const ctx = bundledContext();
  const region = ctx.resolver.region(c.region);
  const targets = plansCovering(catalog, region.id, c.year).flatMap((p) =>
    catalog.targets.filter((t) => t.plan.id === p.id),
  );
  return readActuals(c.csv, `${c.region}.csv`, ctx, region, targets).inputs;
}

/** A cell of LibreOffice's CSV: "" → null; "60%" → 0.6; numbers; otherwise the text. */
function cellValue(s: string): number | string | null {
  if (s === "") return null;
  const pct = /^(-?[\d.]+(?:E[+-]?\d+)?)%$/i.exec(s);
  if (pct) return Number(pct[1]) / 100;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

// ---- Bad inputs: a sample of the property test's random typed inputs (test/shared/bad-inputs.ts), about 300
// rows in one workbook (a sheet per draw of 评估年份), written as Excel stores such typing ("2.1%" → 0.021 with a
// percent format, a date → its serial with a date format, =1/0), recalculated by LibreOffice, against the runner.
const SAMPLE_ROWS = 300;
const SAMPLE_FILE = () => join(tmp.dir, "bad-inputs.xlsx");
interface SampleSheet {
  layout: ProgressSheetLayout;
  year: Typed;
  rows: [Typed, Typed][];
  /** Actuals typed into the 评估年份's yearly cell (other years hold valid values 实际值 must not pick). */
  viaHistory: boolean;
}
const SAMPLE: SampleSheet[] = (() => {
  const out: SampleSheet[] = [];
  for (let k = 0, n = 0; n < SAMPLE_ROWS; k++) {
    const plan = catalog.plans[k % catalog.plans.length];
    const targets = planTargets(catalog, plan.id);
    const { min, max } = yearValidation(plan, targets);
    const [draw] = fc.sample(
      fc.record({
        year: yearArb(min, max),
        rows: fc.tuple(...targets.map((t) => fc.tuple(actualArb(t), actualArb(t)))),
      }),
      { numRuns: 1, seed: 4242 + k },
    );
    const layout = {
      ...buildProgressSheet(catalog, plan.id, { year: plan.baseYear + 1 }),
      sheetName: `样本${k + 1}`,
    };
    const y = draw.year.runner;
    // Most sheets whose 评估年份 is a year of the block; every fourth types over 实际值 instead.
    const viaHistory = k % 4 !== 0 && typeof y === "number" && layout.historyYears.includes(y);
    out.push({ layout, year: draw.year, rows: draw.rows as [Typed, Typed][], viaHistory });
    n += targets.length;
  }
  // And a sheet per plan at a year inside its history block, every actual typed into that year's cell.
  catalog.plans.forEach((plan, k) => {
    const targets = planTargets(catalog, plan.id);
    const [rows] = fc.sample(fc.tuple(...targets.map((t) => fc.tuple(actualArb(t), actualArb(t)))), {
      numRuns: 1,
      seed: 9090 + k,
    });
    const layout = {
      ...buildProgressSheet(catalog, plan.id, { year: plan.baseYear + 2 }),
      sheetName: `历年${k + 1}`,
    };
    const y = plan.baseYear + 2;
    const year: Typed = { kind: "number", typed: y, xlsx: { value: y }, runner: y };
    out.push({ layout, year, rows: rows as [Typed, Typed][], viaHistory: true });
  });
  return out;
})();

function putTyped(cell: ExcelJS.Cell, x: Typed) {
  cell.value = x.xlsx.formula
    ? ({ formula: x.xlsx.formula } as ExcelJS.CellFormulaValue)
    : (x.xlsx.value ?? null);
  if (x.xlsx.numFmt) cell.numFmt = x.xlsx.numFmt;
  // LibreOffice keeps a boolean only as a number in a boolean format: over 实际值's number format it would read 1
  // (docs/hosts.md). Typing TRUE in LibreOffice gives the cell that format; General stands for it here.
  if (typeof x.xlsx.value === "boolean") cell.numFmt = "General";
}

async function writeSample(file: string) {
  const wb = layoutToWorkbook(SAMPLE.map((s) => s.layout));
  for (const s of SAMPLE) {
    const ws = wb.getWorksheet(s.layout.sheetName)!;
    putTyped(ws.getCell(SHEET.yearCell), s.year);
    s.layout.targetIds.forEach((id, i) => {
      const r = SHEET.firstDataRow + i;
      const t = catalog.targetById.get(id)!;
      if (s.viaHistory)
        s.layout.historyYears.forEach((y, k) => {
          const cell = ws.getCell(`${colLetter(HISTORY_FIRST_COL + k)}${r}`);
          if (y === s.year.runner) putTyped(cell, s.rows[i][0]);
          else cell.value = Math.abs(t.threshold) * 0.7 + 0.13;
        });
      else putTyped(ws.getCell(`${COL.actual}${r}`), s.rows[i][0]);
      if (needsBaselineInput(t)) putTyped(ws.getCell(`${COL.baseline}${r}`), s.rows[i][1]);
    });
  }
  await wb.xlsx.writeFile(file);
}

let version: string | null = null;
let outDir = "";
let conversion = { status: null as number | null, stderr: "", stdout: "" };

beforeAll(() => {
  version = sofficeVersion();
  if (!version) return;
  for (const c of CASES) writeFileSync(join(tmp.dir, `${c.region}.csv`), c.csv, "utf8");
  outDir = join(tmp.dir, "csv");
  mkdirSync(outDir);
  return (async () => {
    for (const c of CASES) {
      const r = await runReport([
        "--region",
        c.region,
        "--year",
        String(c.year),
        "--actuals",
        join(tmp.dir, `${c.region}.csv`),
        "--out",
        join(tmp.dir, `${c.region}.xlsx`),
      ]);
      if (r.code !== 0) throw new Error(`report ${c.region} failed: ${r.stderr}`);
    }
    // The report stores each formula's result; overwrite them all with wrong ones, so that passing this test
    // proves LibreOffice recalculated the formulas rather than showing the stored results.
    for (const c of CASES)
      if (c.thresholds) await typeThresholds(join(tmp.dir, `${c.region}.xlsx`), c.thresholds);
    for (const c of CASES) await poisonStoredResults(join(tmp.dir, `${c.region}.xlsx`));
    await writeSample(SAMPLE_FILE());
    await poisonStoredResults(SAMPLE_FILE());
    // One soffice run converts all three workbooks (every sheet to its own CSV).
    const p = recalcToCsv(
      [...CASES.map((c) => join(tmp.dir, `${c.region}.xlsx`)), SAMPLE_FILE()],
      outDir,
      tmp.dir,
    );
    conversion = {
      status: p.status,
      stderr: String(p.stderr ?? p.error ?? ""),
      stdout: String(p.stdout ?? ""),
    };
  })();
}, 300_000);

test("LibreOffice Calc (soffice) is installed", () => {
  if (!version)
    throw new Error(
      `未找到 LibreOffice(${SOFFICE})。请安装:apt-get update && apt-get install -y libreoffice-calc-nogui(或设置 SOFFICE 指向 soffice)`,
    );
  expect(version).toMatch(/LibreOffice/);
});

test("the profile forces recalculation on load, and the conversion succeeded", () => {
  expect(version).not.toBeNull();
  const xcu = readFileSync(join(tmp.dir, "lo-profile", "user", "registrymodifications.xcu"), "utf8");
  expect(xcu).toMatch(/OOXMLRecalcMode" oor:op="fuse"><value>0</);
  expect(conversion.status).toBe(0);
});

describe.each(CASES)("$region $year, recalculated by LibreOffice", (c) => {
  test("every data row equals assess(progressInputFor(…)); status counts too", () => {
    expect(version).not.toBeNull();
    const inputs = inputsOf(c);
    expect(inputs.size).toBeGreaterThanOrEqual(8);
    const plans = plansCovering(catalog, c.regionId, c.year);
    expect(plans.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    let rowsChecked = 0;
    let moved = 0;
    for (const plan of plans) {
      const layout = buildProgressSheet(catalog, plan.id, { year: c.year });
      const file = join(outDir, `${c.region}-${layout.sheetName}.csv`);
      if (!existsSync(file))
        throw new Error(
          `LibreOffice wrote no ${file}; got ${readdirSync(outDir).join(", ")}\n${conversion.stderr}`,
        );
      const rows = parse(readFileSync(file, "utf8"), { bom: true, relax_column_count: true }) as string[][];
      expect(rows[SHEET.headerRow - 1]).toEqual(layout.columns.map((x) => x.title));
      const data = rows.slice(SHEET.firstDataRow - 1).filter((r) => r[col("id")]);
      expect(data.map((r) => r[col("id")])).toEqual(layout.targetIds);

      const counts = new Map<string, number>();
      for (const r of data) {
        const id = r[col("id")];
        const t = catalog.targetById.get(id)!;
        const v = inputs.get(id);
        const actual = v?.actual ?? null;
        const baseline = v?.baseline ?? null;
        // The report types the actual into the year's cell of the history block; 实际值 picks it.
        expect([id, cellValue(r[col("actual")])]).toEqual([id, actual]);
        const yearCol = HISTORY_FIRST_COL + layout.historyYears.indexOf(c.year);
        expect([id, cellValue(r[yearCol] ?? "")]).toEqual([id, actual]);
        if (baseline !== null) expect([id, cellValue(r[col("baseline")])]).toEqual([id, baseline]);
        const want = expectedRow(t, actual, baseline, c.year, c.thresholds);
        if (want.status !== expectedRow(t, actual, baseline, c.year).status) moved++;
        counts.set(want.status, (counts.get(want.status) ?? 0) + 1);
        for (const k of CHECKED) {
          const got = cellValue(r[col(k)]);
          const exp = want[k];
          const ok =
            typeof exp === "number"
              ? typeof got === "number" && Math.abs(got - exp) < 5e-7 * Math.max(1, Math.abs(exp))
              : got === exp;
          if (!ok)
            mismatches.push(
              `${layout.sheetName} ${id} ${k}: LibreOffice ${JSON.stringify(got)}, assess ${JSON.stringify(exp)}`,
            );
        }
        rowsChecked++;
      }
      // Row 5: COUNTIF per status, pairs of (label, count) from column B.
      const r5 = rows[4];
      SHEET_STATUS_ORDER.forEach((s, i) => {
        expect(r5[COUNTS_FIRST_COL + i * 2]).toBe(s);
        expect([s, cellValue(r5[COUNTS_FIRST_COL + 1 + i * 2])]).toEqual([s, counts.get(s) ?? 0]);
      });
    }
    expect(mismatches).toEqual([]);
    expect(rowsChecked).toBeGreaterThanOrEqual(11);
    // The typed thresholds decided some row's status (LibreOffice read the cells).
    if (c.thresholds) expect(moved).toBeGreaterThan(0);
  });
});

test(`bad inputs, about ${SAMPLE_ROWS} rows in one workbook recalculated by LibreOffice, agree with the runner`, () => {
  expect(version).not.toBeNull();
  const ctx = bundledContext();
  const mismatches: string[] = [];
  const kinds = new Set<string>();
  let rowsChecked = 0;
  let viaHistory = 0;
  for (const s of SAMPLE) {
    const file = join(outDir, `bad-inputs-${s.layout.sheetName}.csv`);
    if (!existsSync(file))
      throw new Error(`LibreOffice wrote no ${file}; got ${readdirSync(outDir).join(", ")}`);
    const rows = parse(readFileSync(file, "utf8"), { bom: true, relax_column_count: true }) as string[][];
    s.layout.targetIds.forEach((id, i) => {
      const t = catalog.targetById.get(id)!;
      const [a, b] = s.rows[i];
      const want = expectedFromRunner(ctx, t, a, needsBaselineInput(t) ? b : null, s.year);
      const r = rows[SHEET.firstDataRow - 1 + i];
      const got = (k: ColumnKey) => cellValue(r[col(k)] ?? "");
      const where = `${s.layout.sheetName} ${id} 实际值=${JSON.stringify(a.xlsx)} 评估年份=${JSON.stringify(s.year.xlsx)}`;
      if (got("status") !== want.status)
        mismatches.push(
          `${where}: 状态 LibreOffice=${got("status")} runner=${want.status} 输入检查=${got("check")}`,
        );
      if ((got("check") !== null) !== want.flagged)
        mismatches.push(`${where}: 输入检查 LibreOffice=${JSON.stringify(got("check"))}`);
      for (const k of DERIVED) {
        const g = got(k);
        const w = want[k];
        const ok =
          w === null
            ? g === null
            : typeof g === "number" && Math.abs(g - w) < 5e-7 * Math.max(1, Math.abs(w));
        if (!ok) mismatches.push(`${where}: ${k} LibreOffice=${JSON.stringify(g)} runner=${w}`);
      }
      kinds.add(a.kind);
      rowsChecked++;
      if (s.viaHistory) viaHistory++;
    });
  }
  console.log(
    `bad-inputs LibreOffice sample: ${rowsChecked} rows in ${SAMPLE.length} sheets of one workbook, ${viaHistory} typed into the history block`,
  );
  expect(mismatches.slice(0, 20)).toEqual([]);
  expect(viaHistory).toBeGreaterThan(30);
  expect(rowsChecked).toBeGreaterThanOrEqual(SAMPLE_ROWS);
  expect([...kinds].sort()).toEqual([...INPUT_KINDS].sort());
});

test("the cases reach every status", () => {
  const seen = new Set<string>();
  for (const c of CASES) {
    const inputs = inputsOf(c);
    for (const p of plansCovering(catalog, c.regionId, c.year))
      for (const id of buildProgressSheet(catalog, p.id, { year: c.year }).targetIds) {
        const v = inputs.get(id);
        seen.add(
          assess(
            progressInputFor(catalog.targetById.get(id)!, v?.actual ?? null, c.year, v?.baseline ?? null),
          ).status,
        );
      }
  }
  // 守住约束 and 突破约束 need a 约束性 target, which no bundled plan has: the binding vectors reach them in
  // LibreOffice (method-vectors-libreoffice.test.ts).
  const binding: string[] = [STATUS.kept, STATUS.broken];
  expect([...seen].sort()).toEqual(STATUS_ORDER.filter((s) => !binding.includes(s)).sort());
});

test("the cases reach every outlook", () => {
  const seen = new Set<string>();
  for (const c of CASES) {
    const inputs = inputsOf(c);
    for (const p of plansCovering(catalog, c.regionId, c.year))
      for (const id of buildProgressSheet(catalog, p.id, { year: c.year }).targetIds) {
        const v = inputs.get(id);
        seen.add(
          expectedRow(catalog.targetById.get(id)!, v?.actual ?? null, v?.baseline ?? null, c.year).outlook,
        );
      }
  }
  // 无法评估 says why: "无法评估(缺实际值)".
  const outlooks = [...seen].map((o) => o.replace(/^(无法评估)\(.+\)$/, "$1"));
  expect([...new Set(outlooks)].sort()).toEqual([...OUTLOOK_ORDER].sort());
});
