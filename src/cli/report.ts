// `plan report --region 益阳 --year 2023 [--plan …] [--actuals actuals.csv] --out 益阳-2023.xlsx [--force]`:
// the task pane's progress sheets, written to an .xlsx by ExcelJS. Everything (region, plans, every CSV
// row) is resolved before the file is created: on any error nothing is written.
import { readYear } from "../core/method/years";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type ExcelJS from "exceljs";
import { progressInputFor, type Catalog, type CatalogTarget, type PlanInfo } from "../core/catalog/catalog";
import { PlanError } from "../core/errors";
import { bundledContext, type Context } from "../core/functions/functions";
import {
  buildProgressSheet,
  needsBaselineInput,
  thresholdLabel,
  planTargets,
  plansCovering,
  type ProgressSheetLayout,
} from "../core/sheet/layout";
import {
  INPUT_ERROR,
  PACE,
  SHEET_STATUS_ORDER,
  STATUS,
  THRESHOLD_MAX,
  validThresholds,
  type PaceThresholds,
  type SheetStatus,
} from "../core/method/methodology";
import { UNASSESSABLE, unassessableReasons, type UnassessableReason } from "../core/method/reasons";
import type { Region } from "../core/catalog/schema";
import {
  ActualsError,
  formatIssues,
  parseActualsTable,
  resolveActuals,
  type ActualsIssue,
} from "../sheet/actuals";
import { decodeCsv, type CsvEncoding } from "../sheet/csv-encoding";
import { freezeWorkbook, layoutToWorkbook, rowOutcome, type RowInputs } from "../sheet/report-file";
import type { Command } from "./cli";
import { checkOut, OutputError, visible, writeOut } from "./output";
import { uniqueSheetName } from "../core/sheet/sheet-names";
import { CliError, type CliReason } from "./messages";

const USAGE =
  "--region <地区> --year <年份> [--plan <规划>] [--actuals <实际值.csv>] [--thresholds <a,b,c>] --out <文件.xlsx>\n" +
  "                         [--values] [--no-protect] [--force]\n" +
  "                         生成目标完成进度表与上报表(.xlsx,公式自动计算)";

export const REPORT_HELP = `用法:npm run -s plan -- report ${USAGE.split("\n").slice(0, 2).join("\n")}
  --region   地区,如 益阳、中山、汕尾城区
  --year     评估年份(实际值所属年份),如 2023
  --plan     只生成一个规划(规划ID或简称);省略时生成该地区规划期覆盖评估年份的全部规划
  --actuals  实际值 CSV(UTF-8、GBK/GB18030 或 UTF-16 均可,输出说明所用编码):表头 indicator,value,
             可选 entity(主体)、baseline(基期值,规划未给出基期值的行用它才能评估)
             数值按规划单位填写:% 行填 2.1 或 2.1%;470 或 470家;"1,234" 须加引号
             超出合理范围的数(如负的家数)照填,进度表中该行为“输入有误”,并在此列出
  --thresholds
             进度比(完成进度÷序时进度)分档下限:快于预期、符合预期、进度滞后,三个 0–${THRESHOLD_MAX} 的数,从大到小,
             如 --thresholds 1.2,0.9,0.75;省略时为 ${PACE.ahead},${PACE.onTrack},${PACE.behind}。写入进度表标题区,表中仍可修改
  --out      输出文件(.xlsx);已存在时不覆盖,除非加 --force
  --values   只写数值(不含公式):没有加载项、不重算也显示相同的数字,便于发送
  --no-protect
             不保护工作表。默认保护:公式列锁定,黄色填写格不锁定,可筛选、可改格式,无密码
             (Excel“审阅 > 撤销工作表保护”即可取消)
  --force    覆盖已存在的输出文件

每个进度表之后是它的上报表(上报_…):A4 横向打印,出处为脚注,末尾有填报单位、填报人、审核人、填报日期。
`;

/** An error for the user: Chinese message; exit code 2 for a malformed command line, 1 otherwise. */
export class ReportError extends CliError {
  constructor(
    reason: CliReason,
    readonly exitCode = 1,
  ) {
    super(reason);
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
  /** The sheets' pace thresholds (default: PACE). */
  thresholds?: PaceThresholds;
}

const FLAGS = new Set(["force", "help", "values", "no-protect"]);
const VALUED = new Set(["region", "year", "plan", "actuals", "out", "thresholds"]);

/** Parse the command line; throws ReportError (exit 2) on anything malformed. null → --help. */
export function parseReportArgs(args: string[]): ReportOptions | null {
  const got: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--([a-z]+(?:-[a-z]+)*)(?:=(.*))?$/.exec(a);
    if (!m) throw new ReportError({ reason: "notAnOption", arg: a, help: REPORT_HELP }, 2);
    const [, name, inline] = m;
    if (FLAGS.has(name)) {
      if (inline !== undefined) throw new ReportError({ reason: "flagWithValue", name }, 2);
      flags.add(name);
      continue;
    }
    if (!VALUED.has(name)) throw new ReportError({ reason: "unknownOption", name, help: REPORT_HELP }, 2);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new ReportError({ reason: "missingValue", name }, 2);
    if (name in got) throw new ReportError({ reason: "repeatedOption", name }, 2);
    got[name] = value.trim();
  }
  if (flags.has("help")) return null;
  if (!got.out) throw new ReportError({ reason: "missingOut" }, 2);
  if (!/\.xlsx$/i.test(got.out)) throw new ReportError({ reason: "outNotXlsx", out: got.out }, 2);
  if (!got.region && !got.plan) throw new ReportError({ reason: "missingRegion" }, 2);
  if (got.year === undefined) throw new ReportError({ reason: "missingYear" }, 2);
  return {
    region: got.region || null,
    year: parseYear(got.year),
    plan: got.plan || null,
    actuals: got.actuals || null,
    out: got.out,
    force: flags.has("force"),
    values: flags.has("values"),
    protect: !flags.has("no-protect"),
    ...(got.thresholds !== undefined && { thresholds: parseThresholds(got.thresholds) }),
  };
}

/** "1.2,0.9,0.75" (also ,、/ or spaces between): 快于预期, 符合预期, 进度滞后 lower bounds, as validThresholds. */
export function parseThresholds(raw: string): PaceThresholds {
  const parts = raw
    .normalize("NFKC")
    .split(/[,、/\s]+/)
    .filter(Boolean);
  const [ahead, onTrack, behind] = parts.map((p) => (/^\d+(\.\d+)?$|^\.\d+$/.test(p) ? Number(p) : NaN));
  const th = { ahead, onTrack, behind };
  if (parts.length !== 3 || !validThresholds(th)) throw new ReportError({ reason: "badThresholds", raw }, 2);
  return th;
}

const thresholdWords = (th: PaceThresholds) =>
  (["ahead", "onTrack", "behind"] as const).map((k) => `${thresholdLabel(k)}${th[k]}`).join("、");

function parseYear(raw: string): number {
  const y = readYear(raw);
  if (y === null) throw new ReportError({ reason: "badYear", raw }, 2);
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
      if (e instanceof PlanError)
        throw new ReportError({ reason: "relayed", message: withSuggestions(e.message, e.suggestions) });
      throw e;
    }
  }
  if (opts.plan) {
    const k = planKey(opts.plan);
    const plan = catalog.plans.find((p) => [p.id, p.shortName, p.title].some((n) => planKey(n) === k));
    const candidates = region ? catalog.plansOfRegion(region.id) : catalog.plans;
    if (!plan) {
      throw new ReportError({
        reason: "planNotFound",
        plan: opts.plan,
        candidates: candidates.map((p) => `  ${p.id}  ${period(p)}`),
      });
    }
    if (region && plan.region !== region.id) {
      const owner = catalog.regionById.get(plan.region)!;
      throw new ReportError({
        reason: "planOfOtherRegion",
        plan: plan.shortName,
        owner: owner.name,
        region: region.name,
        candidates: candidates.map(period),
      });
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
    throw new ReportError({ reason: "regionWithoutPlan", region: r.name, parent: parent?.name ?? null });
  }
  const plans = plansCovering(catalog, r.id, opts.year);
  if (plans.length === 0)
    throw new ReportError({
      reason: "noPlanForYear",
      region: r.name,
      year: opts.year,
      plans: own.map(period),
    });
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
    super({ reason: "relayed", message: formatIssues(`${file} `, issues) });
    this.name = "CsvError";
  }
}

/**
 * Read actuals (and typed baselines) and map every row to exactly one target of the sheets being written,
 * resolving names as PLAN.TARGET does (sheet/actuals.ts, the pane's reader too). A number the input rule refuses
 * as out of range (a negative count, a share of 150) is written as typed and `flagged`: the sheet shows 输入有误
 * for it and the summary counts it so. Anything else wrong throws CsvError and nothing is written.
 */
export function readActuals(
  text: string,
  file: string,
  ctx: Context,
  region: Region,
  targets: CatalogTarget[],
): { inputs: Map<string, RowInputs>; flagged: ActualsIssue[] } {
  try {
    const rows = parseActualsTable(text, { header: "required" });
    const { inputs, issues } = resolveActuals(rows, ctx, region, targets, { keepOutOfRange: true });
    if (issues.some((i) => i.reason !== "outOfRange")) throw new CsvError(file, issues);
    return { inputs, flagged: issues };
  } catch (e) {
    if (e instanceof ActualsError) throw new CsvError(file, e.issues);
    throw e;
  }
}

function readCsvFile(path: string): { text: string; encoding: CsvEncoding } {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    throw new ReportError({ reason: "unreadableActuals", path });
  }
  const decoded = decodeCsv(buf);
  if ("error" in decoded) throw new ReportError({ reason: "badActuals", path, why: decoded.error });
  return decoded;
}

// ---- the report ----------------------------------------------------------------------------------------

export interface SheetSummary {
  sheetName: string;
  rows: number;
  actuals: number;
  baselines: number;
  /** The 状态 of each row as the sheet shows it (rowOutcome: the sheet's formulas), counted. */
  counts: Partial<Record<SheetStatus, number>>;
  /** Why the 无法评估 rows are so: rows per reason (a row may lack two inputs). */
  reasons: Partial<Record<UnassessableReason, number>>;
}

export interface Report {
  workbook: ExcelJS.Workbook;
  layouts: ProgressSheetLayout[];
  inputs: Map<string, RowInputs>;
  sheets: SheetSummary[];
  notes: string[];
  /** CSV values written as typed that the sheet shows as 输入有误 (out of the row's range). */
  flagged: ActualsIssue[];
  /** The CSV's encoding, as read (null without --actuals). */
  encoding: CsvEncoding | null;
}

/** One sheet's counts, from what each row shows in the written sheet. */
function summarise(l: ProgressSheetLayout, inputs: Map<string, RowInputs>, catalog: Catalog): SheetSummary {
  const out: SheetSummary = {
    sheetName: l.sheetName,
    rows: l.targetIds.length,
    actuals: 0,
    baselines: 0,
    counts: {},
    reasons: {},
  };
  for (const id of l.targetIds) {
    const t = catalog.targetById.get(id)!;
    const v = inputs.get(id);
    if (v?.actual != null) out.actuals++;
    if (v?.baseline != null) out.baselines++;
    const row = rowOutcome(l, t, v);
    out.counts[row.status] = (out.counts[row.status] ?? 0) + 1;
    if (row.status !== STATUS.unassessable) continue;
    const input = progressInputFor(t, row.actual, l.year, needsBaselineInput(t) ? row.baseline : null);
    for (const r of unassessableReasons(input)) out.reasons[r] = (out.reasons[r] ?? 0) + 1;
  }
  return out;
}

/** Resolve and lay out everything; touches no file but the CSV it reads. */
export function buildReport(opts: ReportOptions, ctx: Context = bundledContext()): Report {
  const { catalog } = ctx;
  const { region, plans, notes } = selectPlans(ctx, opts);
  const targets = plans.flatMap((p) => planTargets(catalog, p.id));
  const csv = opts.actuals ? readCsvFile(opts.actuals) : null;
  const { inputs, flagged } = csv
    ? readActuals(csv.text, basename(opts.actuals!), ctx, region, targets)
    : { inputs: new Map<string, RowInputs>(), flagged: [] };
  // Two plans' names may differ only by letter case or a stripped "/": one workbook needs unique names.
  const taken = new Set<string>();
  const layouts = plans.map((p) => {
    const l = buildProgressSheet(catalog, p.id, { year: opts.year, thresholds: opts.thresholds });
    return { ...l, sheetName: uniqueSheetName(l.sheetName, taken) };
  });
  const sheets = layouts.map((l) => summarise(l, inputs, catalog));
  const workbook = layoutToWorkbook(layouts, inputs, catalog, {
    reportSheets: true,
    protect: opts.protect ?? true,
  });
  if (opts.values) freezeWorkbook(workbook);
  return { workbook, layouts, inputs, sheets, notes, flagged, encoding: csv?.encoding ?? null };
}

/** "  无法评估的原因:缺基期值 16 行(可在 CSV 中加入 baseline(基期值) 列)…", or "" when none. */
function reasonLine(s: SheetSummary): string {
  const parts = (Object.keys(UNASSESSABLE) as UnassessableReason[])
    .filter((r) => s.reasons[r])
    .map((r) => {
      const { label, fix, csv } = UNASSESSABLE[r];
      return `${label} ${s.reasons[r]} 行(${csv ?? fix})`;
    });
  return parts.length ? `\n    无法评估的原因:${parts.join("、")}` : "";
}

/** The summary printed after writing: one line per sheet (the sheet's own counts), then why rows are 无法评估. */
function summaryLines(r: Report): string {
  return r.sheets
    .map((s) => {
      const counts = SHEET_STATUS_ORDER.filter((k) => s.counts[k])
        .map((k) => `${k} ${s.counts[k]}`)
        .join("、");
      const filled = `实际值 ${s.actuals} 项` + (s.baselines ? `、基期值 ${s.baselines} 项` : "");
      return `  ${s.sheetName}:${s.rows} 个目标,已填${filled};${counts}${reasonLine(s)}`;
    })
    .join("\n");
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
    for (const f of r.flagged)
      io.err(
        `提示:${basename(opts.actuals!)} 第 ${f.line} 行:${f.message}已照填,进度表中该行状态为“${INPUT_ERROR}”。\n`,
      );
    const what = opts.values ? "只含数值,不含公式" : "打开时自动计算";
    const read = r.encoding ? `;实际值文件按 ${r.encoding} 编码读取` : "";
    const th = opts.thresholds ? `;分档阈值 ${thresholdWords(opts.thresholds)}` : "";
    io.out(
      `已写入 ${opts.out}(${r.sheets.length} 张进度表及其上报表,${what}${read}${th})\n${summaryLines(r)}\n`,
    );
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
