// `plan report --region 益阳 --year 2023 [--plan …] [--actuals actuals.csv] --out 益阳-2023.xlsx [--force]`:
// the task pane's progress sheets, written to an .xlsx by ExcelJS. Everything (region, plans, every CSV
// row) is resolved before the file is created: on any error nothing is written.
import { readYear, yearProblem } from "../core/method/years";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type ExcelJS from "exceljs";
import { progressInputFor, type CatalogTarget, type PlanInfo } from "../core/catalog/catalog";
import { PlanError } from "../core/errors";
import { bundledContext, type Context } from "../core/functions/functions";
import {
  buildProgressSheet,
  planTargets,
  plansCovering,
  type ProgressSheetLayout,
} from "../core/sheet/layout";
import { assess, STATUS_ORDER, type Status } from "../core/method/methodology";
import type { Region } from "../core/catalog/schema";
import {
  ActualsError,
  formatIssues,
  readActuals as readActualsShared,
  type ActualsIssue,
} from "../sheet/actuals";

import { freezeWorkbook, layoutToWorkbook, type RowInputs } from "../sheet/report-file";
import type { Command } from "./cli";
import { checkOut, OutputError, visible, writeOut } from "./output";
import { uniqueSheetName } from "../core/sheet/sheet-names";

const USAGE =
  "--region <地区> --year <年份> [--plan <规划>] [--actuals <实际值.csv>] --out <文件.xlsx> [--values] [--no-protect] [--force]\n" +
  "                         生成目标完成进度表与上报表(.xlsx,公式自动计算)";

export const REPORT_HELP = `用法:npm run -s plan -- report ${USAGE.split("\n")[0]}
  --region   地区,如 益阳、中山、汕尾城区
  --year     评估年份(实际值所属年份),如 2023
  --plan     只生成一个规划(规划ID或简称);省略时生成该地区规划期覆盖评估年份的全部规划
  --actuals  实际值 CSV(UTF-8):表头 indicator,value,可选 entity(主体)、baseline(基期值)
             数值按规划单位填写:% 行填 2.1 或 2.1%;不带单位(470,不是 470家);"1,234" 须加引号
  --out      输出文件(.xlsx);已存在时不覆盖,除非加 --force
  --values   只写数值(不含公式):没有加载项、不重算也显示相同的数字,便于发送
  --no-protect
             不保护工作表。默认保护:公式列锁定,黄色填写格不锁定,可筛选、可改格式,无密码
             (Excel“审阅 > 撤销工作表保护”即可取消)
  --force    覆盖已存在的输出文件

每个进度表之后是它的上报表(上报_…):A4 横向打印,出处为脚注,末尾有填报单位、填报人、审核人、填报日期。
`;

/** An error for the user: Chinese message; exit code 2 for a malformed command line, 1 otherwise. */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "ReportError";
  }
}

export interface ReportOptions {
  region: string | null;
  year: number;
  plan: string | null;
  actuals: string | null;
  out: string;
  force: boolean;
  /** Write values only (every formula replaced by its result). */
  values?: boolean;
  /** 保护公式列 (default on): derived cells locked, the sheets protected without a password. */
  protect?: boolean;
}

const FLAGS = new Set(["force", "help", "values", "no-protect"]);
const VALUED = new Set(["region", "year", "plan", "actuals", "out"]);

/** Parse the command line; throws ReportError (exit 2) on anything malformed. null → --help. */
export function parseReportArgs(args: string[]): ReportOptions | null {
  const got: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--([a-z]+(?:-[a-z]+)*)(?:=(.*))?$/.exec(a);
    if (!m)
      throw new ReportError(`无法识别的参数“${a}”。选项须以 -- 开头,例如 --region 益阳\n${REPORT_HELP}`, 2);
    const [, name, inline] = m;
    if (FLAGS.has(name)) {
      if (inline !== undefined) throw new ReportError(`--${name} 不带值`, 2);
      flags.add(name);
      continue;
    }
    if (!VALUED.has(name)) throw new ReportError(`未知选项 --${name}\n${REPORT_HELP}`, 2);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new ReportError(`--${name} 缺少取值`, 2);
    if (name in got) throw new ReportError(`--${name} 只能给一次`, 2);
    got[name] = value.trim();
  }
  if (flags.has("help")) return null;
  if (!got.out) throw new ReportError(`缺少 --out:请给出输出文件名,例如 --out 益阳-2023.xlsx`, 2);
  if (!/\.xlsx$/i.test(got.out)) throw new ReportError(`输出文件须以 .xlsx 结尾:“${got.out}”`, 2);
  if (!got.region && !got.plan) throw new ReportError(`缺少 --region:请给出地区,例如 --region 益阳`, 2);
  if (got.year === undefined) throw new ReportError(`缺少 --year:请给出评估年份,例如 --year 2023`, 2);
  return {
    region: got.region || null,
    year: parseYear(got.year),
    plan: got.plan || null,
    actuals: got.actuals || null,
    out: got.out,
    force: flags.has("force"),
    values: flags.has("values"),
    protect: !flags.has("no-protect"),
  };
}

function parseYear(raw: string): number {
  const y = readYear(raw);
  if (y === null) throw new ReportError(`评估年份无效:“${raw}”${yearProblem(raw)}。例如 --year 2023`, 2);
  return y;
}

const planKey = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\s“”"'《》「」]/g, "")
    .toLowerCase();
const period = (p: PlanInfo) => `${p.shortName}(${p.period.start}-${p.period.end})`;

/** The region and the plans to write. */
export function selectPlans(
  ctx: Context,
  opts: ReportOptions,
): { region: Region; plans: PlanInfo[]; notes: string[] } {
  const { catalog, resolver } = ctx;
  const notes: string[] = [];
  let region: Region | null = null;
  if (opts.region) {
    try {
      region = resolver.region(opts.region);
    } catch (e) {
      if (e instanceof PlanError) throw new ReportError(withSuggestions(e.message, e.suggestions));
      throw e;
    }
  }
  if (opts.plan) {
    const k = planKey(opts.plan);
    const plan = catalog.plans.find((p) => [p.id, p.shortName, p.title].some((n) => planKey(n) === k));
    const candidates = region ? catalog.plansOfRegion(region.id) : catalog.plans;
    if (!plan) {
      throw new ReportError(
        `未找到规划“${opts.plan}”。可选规划(ID 或简称):\n` +
          candidates.map((p) => `  ${p.id}  ${period(p)}`).join("\n"),
      );
    }
    if (region && plan.region !== region.id) {
      const owner = catalog.regionById.get(plan.region)!;
      throw new ReportError(
        `规划“${plan.shortName}”属于${owner.name},不属于${region.name}。${region.name}的规划:` +
          (candidates.length ? candidates.map(period).join("、") : "无"),
      );
    }
    if (opts.year < plan.period.start || opts.year > plan.period.end)
      notes.push(
        `提示:${opts.year}年不在“${plan.shortName}”的规划期(${plan.period.start}-${plan.period.end})内,仍按该年份计算。`,
      );
    return { region: region ?? catalog.regionById.get(plan.region)!, plans: [plan], notes };
  }
  const r = region!;
  const own = catalog.plansOfRegion(r.id);
  if (own.length === 0) {
    const parent = r.parent ? catalog.regionById.get(r.parent) : undefined;
    throw new ReportError(
      parent
        ? `${r.name}没有单独的规划;它的目标写在${parent.name}的规划中。请用 --region ${parent.name}(实际值 CSV 的 entity 列填“${r.name}”)`
        : `${r.name}没有收录的规划`,
    );
  }
  const plans = plansCovering(catalog, r.id, opts.year);
  if (plans.length === 0)
    throw new ReportError(
      `${r.name}没有规划期覆盖${opts.year}年的规划。${r.name}的规划:${own.map(period).join("、")}。` +
        `请换一个评估年份,或用 --plan 指定规划`,
    );
  return { region: r, plans, notes };
}

function withSuggestions(message: string, suggestions: string[]): string {
  const missing = suggestions.filter((s) => !message.includes(s));
  return missing.length ? `${message}\n  建议:${suggestions.join("、")}` : message;
}

// ---- actuals.csv -------------------------------------------------------------------------------------

/**
 * A number as typed: NFKC (full-width digits), thousands separators; "" → null; otherwise NaN. Not what the
 * reader uses any more (shared/actuals.ts parseActualValue reads numbers in the row's unit).
 */
export function parseNumber(raw: string | undefined): number | null {
  const s = (raw ?? "").normalize("NFKC").trim();
  if (s === "") return null;
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return NaN;
  return Number(plain);
}

/** Thrown when the CSV has problems: the first 50, each with its line, and a count of the rest. */
export class CsvError extends ReportError {
  constructor(
    readonly file: string,
    readonly issues: ActualsIssue[],
  ) {
    super(formatIssues(`${file} `, issues));
    this.name = "CsvError";
  }
}

/**
 * Read actuals (and typed baselines) and map every row to exactly one target of the sheets being written,
 * resolving names as PLAN.TARGET does (shared/actuals.ts, the pane's reader too). Throws CsvError.
 */
export function readActuals(
  text: string,
  file: string,
  ctx: Context,
  region: Region,
  targets: CatalogTarget[],
): Map<string, RowInputs> {
  try {
    return readActualsShared(text, ctx, region, targets, { header: "required" });
  } catch (e) {
    if (e instanceof ActualsError) throw new CsvError(file, e.issues);
    throw e;
  }
}

/** Zero bytes in half the even or odd positions of the first 200: UTF-16 text, never UTF-8 nor GBK. */
function looksUtf16(buf: Buffer): boolean {
  const n = Math.min(buf.length, 200);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  return n >= 4 && Math.max(even, odd) >= n / 4;
}

function readCsvFile(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    throw new ReportError(`无法读取实际值文件“${path}”(文件不存在或无权限)`);
  }
  // UTF-16 with its byte-order mark (Excel's "Unicode 文本", tab-separated): read as such, not called GBK.
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf);
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf);
  if (looksUtf16(buf))
    throw new ReportError(
      `实际值文件“${path}”像是 UTF-16 编码(每隔一个字节为 0),但缺少字节顺序标记。` +
        `请在 Excel 中“另存为”选择“CSV UTF-8(逗号分隔)”`,
    );
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    throw new ReportError(
      `实际值文件“${path}”不是 UTF-8 编码(可能是 Excel 默认另存的 GBK/ANSI 编码)。` +
        `请在 Excel 中“另存为”选择“CSV UTF-8(逗号分隔)”,或在 WPS/记事本中以 UTF-8 编码保存`,
    );
  }
}

// ---- the report ----------------------------------------------------------------------------------------

export interface SheetSummary {
  sheetName: string;
  rows: number;
  actuals: number;
  baselines: number;
  counts: Partial<Record<Status, number>>;
}

export interface Report {
  workbook: ExcelJS.Workbook;
  layouts: ProgressSheetLayout[];
  inputs: Map<string, RowInputs>;
  sheets: SheetSummary[];
  notes: string[];
}

/** Resolve and lay out everything; touches no file but the CSV it reads. */
export function buildReport(opts: ReportOptions, ctx: Context = bundledContext()): Report {
  const { catalog } = ctx;
  const { region, plans, notes } = selectPlans(ctx, opts);
  const targets = plans.flatMap((p) => planTargets(catalog, p.id));
  const inputs = opts.actuals
    ? readActuals(readCsvFile(opts.actuals), basename(opts.actuals), ctx, region, targets)
    : new Map<string, RowInputs>();
  // Two plans' names may differ only by letter case or a stripped "/": one workbook needs unique names.
  const taken = new Set<string>();
  const layouts = plans.map((p) => {
    const l = buildProgressSheet(catalog, p.id, { year: opts.year });
    return { ...l, sheetName: uniqueSheetName(l.sheetName, taken) };
  });
  const sheets = layouts.map((l) => {
    const counts: Partial<Record<Status, number>> = {};
    let actuals = 0;
    let baselines = 0;
    for (const id of l.targetIds) {
      const t = catalog.targetById.get(id)!;
      const v = inputs.get(id);
      if (v?.actual != null) actuals++;
      if (v?.baseline != null) baselines++;
      const s = assess(progressInputFor(t, v?.actual ?? null, opts.year, v?.baseline ?? null)).status;
      counts[s] = (counts[s] ?? 0) + 1;
    }
    return { sheetName: l.sheetName, rows: l.targetIds.length, actuals, baselines, counts };
  });
  const workbook = layoutToWorkbook(layouts, inputs, catalog, {
    reportSheets: true,
    protect: opts.protect ?? true,
  });
  if (opts.values) freezeWorkbook(workbook);
  return { workbook, layouts, inputs, sheets, notes };
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The command, with its output streams and catalog injectable (tests). Returns the exit code. */
export async function report(
  args: string[],
  raw: Io = stdio,
  ctx: Context = bundledContext(),
): Promise<number> {
  // Names from the CSV and the command line reach the messages: shown, never obeyed by the terminal.
  const io: Io = { out: (s) => raw.out(visible(s)), err: (s) => raw.err(visible(s)) };
  try {
    const opts = parseReportArgs(args);
    if (!opts) {
      io.out(REPORT_HELP);
      return 0;
    }
    const target = checkOut(opts.out, opts.force);
    const r = buildReport(opts, ctx);
    const data = Buffer.from(await r.workbook.xlsx.writeBuffer());
    writeOut(target, data, opts.force, opts.out);
    for (const n of r.notes) io.err(`${n}\n`);
    const lines = r.sheets.map((s) => {
      const counts = STATUS_ORDER.filter((k) => s.counts[k])
        .map((k) => `${k} ${s.counts[k]}`)
        .join("、");
      const filled = `实际值 ${s.actuals} 项` + (s.baselines ? `、基期值 ${s.baselines} 项` : "");
      return `  ${s.sheetName}:${s.rows} 个目标,已填${filled};${counts}`;
    });
    const what = opts.values ? "只含数值,不含公式" : "打开时自动计算";
    io.out(`已写入 ${opts.out}(${r.sheets.length} 张进度表及其上报表,${what})\n${lines.join("\n")}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReportError || e instanceof OutputError) {
      io.err(`错误:${e.message}\n未写入任何文件。\n`);
      return e instanceof ReportError ? e.exitCode : 1;
    }
    throw e;
  }
}

export const reportCommand: Command = {
  usage: USAGE,
  help: REPORT_HELP,
  run: (args, { runner }) => report(args, stdio, runner.context()),
};
