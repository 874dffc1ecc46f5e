// Actuals typed or pasted in bulk — a CSV file (plan report --actuals) or a block pasted into the task pane —
// read into one input per target, names resolved as PLAN.TARGET resolves them. One reader for the CLI and
// the pane: parse the table (parseActualsTable), read each number as the row's unit asks (parseActualValue),
// map each row to exactly one target of the sheets being filled (resolveActuals). Problems are collected
// for every row, with its line, so one pass tells the user everything to fix.
import type { CatalogTarget, PlanInfo } from "../core/catalog/catalog";
import { PlanError } from "../core/errors";
import type { Context } from "../core/functions/functions";
import { needsBaselineInput } from "../core/sheet/layout";
import { IMPLIED_BASELINE_WORDS } from "../core/method/methodology";
import { convert } from "../core/method/units";
import { judgeNumber, judgeText, type InputReason, type Verdict } from "../core/method/inputs";
import type { Region } from "../core/catalog/schema";
import type { RowInputs } from "./report-file";

export type ActualsColumn = "indicator" | "value" | "entity" | "baseline";

export interface ActualsIssue {
  line: number;
  message: string;
  suggestions: string[];
  /**
   * The input rule's reason, for a value refused by it. An outOfRange value is still a number the sheet can
   * hold: it is kept in the inputs, and the sheet shows 输入有误 for it (the CLI writes it; 批量 refuses it).
   */
  reason?: InputReason;
}

/** A row as typed: the line it starts on and its cells by column (trimmed, "" where absent). */
export interface ActualsRow {
  line: number;
  cells: Record<ActualsColumn, string>;
}

export class ActualsError extends Error {
  constructor(readonly issues: ActualsIssue[]) {
    super(issues.map((i) => `第 ${i.line} 行:${i.message}`).join("\n"));
    this.name = "ActualsError";
  }
}

/** At most this many problems are listed; the rest are counted (a 100 000-row file must not print 23 MB). */
export const MAX_LISTED_ISSUES = 50;

/** The problems as lines "<where> 第 N 行:…", the first MAX_LISTED_ISSUES of them and a count of the rest. */
export function formatIssues(where: string, issues: readonly ActualsIssue[]): string {
  const lines = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((i) => `${where}第 ${i.line} 行:${withSuggestions(i)}`);
  if (issues.length > MAX_LISTED_ISSUES)
    lines.push(`……另有 ${issues.length - MAX_LISTED_ISSUES} 个问题未列出(共 ${issues.length} 个)`);
  return lines.join("\n");
}

function withSuggestions(i: ActualsIssue): string {
  const missing = i.suggestions.filter((s) => !i.message.includes(s));
  return missing.length ? `${i.message}\n  建议:${i.suggestions.join("、")}` : i.message;
}

const HEADER: Record<string, ActualsColumn> = {
  indicator: "indicator",
  指标: "indicator",
  value: "value",
  实际值: "value",
  entity: "entity",
  主体: "entity",
  baseline: "baseline",
  基期值: "baseline",
};
const COLUMNS_HELP = "indicator(指标)、value(实际值)、entity(主体,可选)、baseline(基期值,可选)";

/** Columns of a block without a header row: 指标, 实际值 and optionally 基期值, as pasted from a sheet. */
const HEADERLESS: ActualsColumn[] = ["indicator", "value", "baseline"];

export interface TableOptions {
  /** "required" (a CSV file: indicator,value…) or "optional" (a pasted block may start with data). */
  header?: "required" | "optional";
}

type Parsed = { record: string[]; info: { lines: number } };

/** Comma- or tab-separated (cells pasted from Excel are tab-separated); the first line decides. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return first.includes("\t") ? "\t" : ",";
}

/**
 * CSV as Excel writes it (RFC 4180: "quoted, with "" inside", line breaks inside quotes), comma or tab
 * separated; cells trimmed; blank records skipped. Here rather than csv-parse, which needs Node's Buffer
 * and so cannot run in the task pane. Each record carries the line it starts on.
 */
function records(text: string): Parsed[] {
  const delimiter = delimiterOf(text);
  const src = text.replace(/^\uFEFF/, "");
  const out: Parsed[] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endCell = () => {
    record.push(cell.trim());
    cell = "";
  };
  const endRecord = () => {
    endCell();
    if (record.some((c) => c !== "")) out.push({ record, info: { lines: start } });
    record = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
    } else if (ch === delimiter) endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRecord();
      start = ++line;
    } else cell += ch;
  }
  if (quoted)
    throw new ActualsError([
      {
        line: start,
        message: "CSV 格式错误:引号没有配对(以英文引号开头的内容须以英文引号结束)",
        suggestions: [],
      },
    ]);
  endRecord();
  return out;
}

/** Map header cells to columns; undefined when the row is not a header at all. */
function headerColumns(head: Parsed, issues: ActualsIssue[]): ActualsColumn[] | undefined {
  const keys = head.record.map((h) => HEADER[h.normalize("NFKC").trim().toLowerCase()]);
  if (!keys.some(Boolean)) return undefined;
  const seen = new Set<ActualsColumn>();
  head.record.forEach((h, i) => {
    const key = keys[i];
    const fail = (message: string) => issues.push({ line: head.info.lines, message, suggestions: [] });
    if (!key) fail(`无法识别的列“${h}”。可用的列:${COLUMNS_HELP}`);
    else if (seen.has(key)) fail(`列“${h}”重复`);
    else seen.add(key);
  });
  if (!seen.has("indicator") || !seen.has("value"))
    issues.push({
      line: head.info.lines,
      message: "表头须包含 indicator 和 value 两列(可选 entity、baseline),例如:indicator,value",
      suggestions: [],
    });
  return keys as ActualsColumn[];
}

/**
 * The rows of a CSV or pasted block. A row with more cells than columns is an error naming it: an unquoted
 * thousands separator (高新技术企业,1,234) splits one number in two, and dropping a cell would read 1.
 */
export function parseActualsTable(text: string, opts: TableOptions = {}): ActualsRow[] {
  const all = records(text);
  if (all.length === 0)
    throw new ActualsError([
      { line: 1, message: "内容为空;第一行应为表头 indicator,value", suggestions: [] },
    ]);
  const issues: ActualsIssue[] = [];
  const fromHeader = headerColumns(all[0], issues);
  if (!fromHeader && opts.header !== "optional")
    issues.push({
      line: all[0].info.lines,
      message: `第一行应为表头,可用的列:${COLUMNS_HELP}`,
      suggestions: [],
    });
  if (issues.length) throw new ActualsError(issues);
  const columns = fromHeader ?? HEADERLESS;
  const rows = fromHeader ? all.slice(1) : all;
  const out: ActualsRow[] = [];
  for (const { record, info } of rows) {
    const extra = record.slice(columns.length).filter((c) => c !== "");
    if (extra.length > 0) {
      issues.push({ line: info.lines, message: tooManyCells(record, columns.length), suggestions: [] });
      continue;
    }
    const cells: Record<ActualsColumn, string> = { indicator: "", value: "", entity: "", baseline: "" };
    columns.forEach((c, i) => (cells[c] = (record[i] ?? "").trim()));
    out.push({ line: info.lines, cells });
  }
  if (issues.length) throw new ActualsError(issues);
  return out;
}

function tooManyCells(record: string[], columns: number): string {
  const shown = record.join(",").slice(0, 60);
  const numberSplit = record.slice(1).every((c) => /^\d+(\.\d+)?$/.test(c.normalize("NFKC")));
  return (
    `有 ${record.length} 个单元格,多于表头的 ${columns} 列:“${shown}”。` +
    (numberSplit
      ? `数字中的千位分隔符逗号把一个数拆成了几列;请去掉逗号(如 1234),或给数值加英文引号(如 "1,234")`
      : `多余的内容不会被猜测;请删去多余的列,或给含逗号的内容加英文引号`)
  );
}

// ---- numbers ---------------------------------------------------------------------------------------------

/**
 * A number as typed, in the row's unit: the one rule (inputs.ts judgeText) — full-width digits, "1,234",
 * "2.1%" in a % row, "470家" in a 家 row — and the row's range. `label` names the column in the message.
 */
export function parseActualValue(raw: string, t: CatalogTarget, label = "value(实际值)"): Verdict {
  return judgeText(raw, t, label);
}

// ---- rows to targets -------------------------------------------------------------------------------------

export interface ResolveOptions {
  /** Where the user chooses the plan, for rows whose target is in another plan ("可用 --plan 指定"). */
  choosePlan?: string;
  /** Where the entity (主体) of a row goes, for rows naming a sub-area's target by its city. */
  entityColumn?: string;
  /**
   * Keep a number the rule refuses as out of range in the inputs (the CLI writes it as typed and the sheet shows
   * 输入有误); otherwise (批量, which writes into the user's sheet) the row has no input. Reported either way.
   */
  keepOutOfRange?: boolean;
}

const period = (p: PlanInfo) => `${p.shortName}(${p.period.start}-${p.period.end})`;

/** Targets by region|indicator, to find a row's one target among the sheets being filled. */
function scopeOf(targets: readonly CatalogTarget[]): Map<string, CatalogTarget[]> {
  const inScope = new Map<string, CatalogTarget[]>();
  for (const t of targets) {
    const k = `${t.region}|${t.indicator}`;
    inScope.set(k, [...(inScope.get(k) ?? []), t]);
  }
  return inScope;
}

/**
 * Map every row to exactly one of `targets` (the sheets being filled), resolving names as PLAN.TARGET
 * does; read its value and baseline. Every problem is collected; inputs holds the rows without one.
 */
export function resolveActuals(
  rows: readonly ActualsRow[],
  ctx: Context,
  region: Region,
  targets: readonly CatalogTarget[],
  opts: ResolveOptions = {},
): { inputs: Map<string, RowInputs>; issues: ActualsIssue[] } {
  const choosePlan = opts.choosePlan ?? "可用 --plan 指定";
  const entityColumn = opts.entityColumn ?? "请在 entity(主体)列填写主体名称";
  const inScope = scopeOf(targets);
  const planNames = [...new Set(targets.map((t) => t.plan.shortName))];
  const inputs = new Map<string, RowInputs>();
  const issues: ActualsIssue[] = [];
  const seenAt = new Map<string, number>();
  // A long file repeats its names (and its typos): resolve each entity|indicator once.
  const resolved = new Map<string, ReturnType<typeof targetOfRow>>();
  for (const { line, cells } of rows) {
    const fail = (message: string, suggestions: string[] = []) => issues.push({ line, message, suggestions });
    const key = `${cells.entity}\u0000${cells.indicator}`;
    let found = resolved.get(key);
    if (!found) {
      found = targetOfRow(cells, ctx, region, inScope, planNames, choosePlan, entityColumn);
      resolved.set(key, found);
    }
    if ("error" in found) {
      fail(found.error, found.suggestions);
      continue;
    }
    const t = found.targets[0];
    const prev = seenAt.get(t.id);
    if (prev !== undefined) {
      fail(`与第 ${prev} 行是同一个目标(${t.regionDef.name}“${t.indicatorDef.name}”),请只保留一行`);
      continue;
    }
    seenAt.set(t.id, line);
    // A unit in the name is a claim (技术合同交易额（万元）): values in it are converted to the plan's unit.
    let claim: string | null;
    try {
      claim = ctx.resolver.claim(cells.indicator, t.unit);
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      fail(e.message, e.suggestions);
      continue;
    }
    const actual = read(cells.value, t, claim, "value(实际值)");
    const baseline = read(cells.baseline, t, claim, "baseline(基期值)");
    for (const v of [actual, baseline])
      if (!v.ok) issues.push({ line, message: v.message, suggestions: [], reason: v.reason });
    if (valueOf(baseline, { keepOutOfRange: true }) !== null && !needsBaselineInput(t))
      fail(baselineNotNeeded(t));
    // One figure of the indicator for the year: every target of it in the plan (2025 and 2030) is judged by it.
    for (const each of found.targets)
      inputs.set(each.id, { actual: valueOf(actual, opts), baseline: valueOf(baseline, opts) });
  }
  return { inputs, issues };
}

/**
 * One cell of a row, judged by the rule. A unit in the name is a claim (技术合同交易额（万元）): the value is read in
 * it, converted to the plan's unit and then judged.
 */
function read(raw: string, t: CatalogTarget, claim: string | null, label: string): Verdict {
  if (!claim) return judgeText(raw, t, label);
  const v = judgeText(raw, { kind: t.kind, unit: claim }, label);
  if (!v.ok || v.value === null) return v;
  return judgeNumber(convert(v.value, claim, t.unit), t, label);
}

/** The number of a cell; an outOfRange one only where kept (the sheet holds it and says 输入有误: nothing is lost). */
const valueOf = (v: Verdict, opts: ResolveOptions): number | null =>
  v.ok ? v.value : opts.keepOutOfRange ? (v.read ?? null) : null;

/** Why a typed baseline is refused: the kind fixes it (as methodology.impliedBaseline), or the plan gives it. */
const BASELINE_OF_KIND: Partial<Record<CatalogTarget["kind"], string>> = {
  growth_rate: "年均增速类目标按年均增速评估",
  per_year: "每年类目标按每年数量评估",
  ...IMPLIED_BASELINE_WORDS,
};

function baselineNotNeeded(t: CatalogTarget): string {
  const kind = BASELINE_OF_KIND[t.kind];
  const why = kind ? `${kind},不需要基期值` : `规划已给出基期值(${t.baselineObs?.value})`;
  return `${t.regionDef.name}“${t.indicatorDef.name}”${why};请删去基期值`;
}

function targetOfRow(
  cells: Record<ActualsColumn, string>,
  ctx: Context,
  region: Region,
  inScope: Map<string, CatalogTarget[]>,
  planNames: string[],
  choosePlan: string,
  entityColumn: string,
): { targets: CatalogTarget[] } | { error: string; suggestions: string[] } {
  const { catalog, resolver } = ctx;
  if (!cells.indicator) return { error: "indicator(指标)为空", suggestions: [] };
  let rowRegion: Region;
  let indicatorId: string;
  try {
    rowRegion = cells.entity ? resolver.region(cells.entity) : region;
    indicatorId = resolver.indicator(rowRegion, cells.indicator);
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    return {
      error: e.message.replace(/请把主体名称作为地区参数/g, entityColumn),
      suggestions: e.suggestions,
    };
  }
  const indName = catalog.indicatorById.get(indicatorId)?.name ?? cells.indicator;
  const hits = inScope.get(`${rowRegion.id}|${indicatorId}`) ?? [];
  const plans = [...new Set(hits.map((t) => t.plan.shortName))];
  if (hits.length && plans.length === 1) return { targets: hits };
  if (plans.length > 1)
    return {
      error: `${rowRegion.name}“${indName}”在多个规划中都有目标,无法确定填入哪一张表:${plans.join("、")}。${choosePlan}其中一个规划`,
      suggestions: hits.map((t) => t.plan.shortName),
    };
  const elsewhere = catalog.targetsOf(rowRegion.id, indicatorId).map((t) => t.plan);
  return {
    error:
      `${rowRegion.name}“${indName}”在本次的进度表(${planNames.join("、")})中没有目标` +
      (elsewhere.length
        ? `;该目标属于:${elsewhere.map(period).join("、")},${choosePlan}`
        : `;规划只给出了它的历史数据,没有目标`),
    suggestions: elsewhere.map((p) => p.shortName),
  };
}

/** Parse and resolve in one step; throws ActualsError listing every problem. */
export function readActuals(
  text: string,
  ctx: Context,
  region: Region,
  targets: readonly CatalogTarget[],
  opts: TableOptions & ResolveOptions = {},
): Map<string, RowInputs> {
  const { inputs, issues } = resolveActuals(parseActualsTable(text, opts), ctx, region, targets, opts);
  if (issues.length) throw new ActualsError(issues);
  return inputs;
}
