// The table form of a pack (a 规划目标 sheet): one row per target, read as people type cells — 1,234, 600家,
// 2.5%, 全角 digits, 1-2 / 1～2 ranges, 2025年 — and grouped by 规划 into plans. Each bad cell is an error that
// names it (规划目标!H7); a table with any error gives no pack.
import type { CellValue } from "../sheet/layout";
import { YEAR_SPAN, readYear } from "../method/years";
import { comparisonLabel, DIRECTION_LABEL, KIND_LABEL } from "../catalog/labels";
import { checkPack, PlanPack, quoteStates, tooManyTargets, type PackResult } from "./pack";
import { issueLine, type PlaceOf } from "./issue-text";
import { Attribute, type Comparison, type Direction, type Region, type TargetKind } from "../catalog/schema";

export const TABLE_HEADERS = [
  "地区",
  "规划",
  "指标",
  "单位",
  "基期年",
  "基期值",
  "目标年",
  "目标值",
  "比较",
  "原文",
  "出处",
] as const;
/**
 * Optional columns: 类型 (else read from the name and unit), 主体 (a sub-area or institution of the region), 方向
 * (越大越好 / 越小越好; else the 比较 word's, else increase), 属性 (约束性 / 预期性, where the plan states it).
 */
export const OPTIONAL_HEADERS = ["类型", "主体", "方向", "属性"] as const;
type Header = (typeof TABLE_HEADERS)[number] | (typeof OPTIONAL_HEADERS)[number];
const REQUIRED: Header[] = ["地区", "规划", "指标", "目标年", "目标值", "原文"];

export interface TableOptions {
  sheet: string;
  source?: string;
  id?: string;
}

const COMPARISON_WORDS: Record<string, Comparison> = {
  达到: "reach",
  达: "reach",
  为: "reach",
  以上: "at_least",
  不低于: "at_least",
  至少: "at_least",
  不少于: "at_least",
  超过: "more_than",
  突破: "more_than",
  高于: "more_than",
  左右: "about",
  约: "about",
  区间: "range",
  范围: "range",
  // Ceilings: a floor of a lower-is-better target (方向 越小越好), see CEILING_WORDS.
  以下: "at_least",
  不超过: "at_least",
  不高于: "at_least",
  以内: "at_least",
  控制在: "reach",
  低于: "more_than",
};
/** 比较 words that state a ceiling: the target's direction is lower (越小越好). */
const CEILING_WORDS = new Set(["以下", "不超过", "不高于", "以内", "控制在", "低于"]);
/** 方向 words, as plans and the 小康 monitoring scheme say them (正指标 / 逆指标). */
const DIRECTION_WORDS: Record<string, Direction> = {
  越大越好: "higher",
  上升: "higher",
  提高: "higher",
  正向: "higher",
  正指标: "higher",
  越小越好: "lower",
  下降: "lower",
  降低: "lower",
  逆向: "lower",
  逆指标: "lower",
};
const KIND_WORDS: Record<string, TargetKind> = Object.fromEntries([
  ...Object.entries(KIND_LABEL).map(([k, v]) => [v, k]),
  ...Object.keys(KIND_LABEL).map((k) => [k, k]),
  ["总量", "level"],
  ["占比", "share"],
  ["增速", "growth_rate"],
  ["年均增长", "growth_rate"],
  ["翻番", "multiple"],
  ["新增", "cumulative"],
]) as Record<string, TargetKind>;

/** Column letters of a 0-based index: 0 → A, 27 → AB. */
export function columnLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : String(v).normalize("NFKC").trim();

interface Row {
  cells: Partial<Record<Header, CellValue>>;
  at: (h: Header) => string;
  n: number;
}

/** Read a 规划目标 table (header row first; columns in any order, extra columns ignored) into a pack. */
export function packFromTable(rows: CellValue[][], opts: TableOptions): PackResult {
  const errors: string[] = [];
  const headerAt = rows.findIndex(
    (r) => r.some((c) => text(c) === "指标") && r.some((c) => text(c) === "目标值"),
  );
  if (headerAt < 0)
    return {
      ok: false,
      errors: [`${opts.sheet}:找不到表头行。第一行应为:${TABLE_HEADERS.join("、")}(可加“类型”“主体”)`],
    };
  const cols = new Map<Header, number>();
  rows[headerAt].forEach((c, i) => {
    const h = text(c).replace(/\s/g, "") as Header;
    if (([...TABLE_HEADERS, ...OPTIONAL_HEADERS] as string[]).includes(h) && !cols.has(h)) cols.set(h, i);
  });
  const absent = REQUIRED.filter((h) => !cols.has(h));
  if (absent.length)
    return { ok: false, errors: [`${opts.sheet}!${headerAt + 1}:表头缺少“${absent.join("”“")}”列,请补上`] };
  const data: Row[] = [];
  for (let r = headerAt + 1; r < rows.length; r++) {
    if (rows[r].every((c) => text(c) === "")) continue;
    const cells: Row["cells"] = {};
    for (const [h, i] of cols) cells[h] = rows[r][i] ?? null;
    // A cell of a column the table lacks is named by its row (规划目标!第7行).
    const at = (h: Header) =>
      cols.has(h) ? `${opts.sheet}!${columnLetter(cols.get(h)!)}${r + 1}` : `${opts.sheet}!第${r + 1}行`;
    data.push({ cells, n: r + 1, at });
  }
  if (!data.length) return { ok: false, errors: [`${opts.sheet}:表中没有目标行,请在表头下逐行填写目标`] };
  const tooMany = tooManyTargets(opts.sheet, data.length);
  if (tooMany) return { ok: false, errors: [tooMany] };
  const built = buildPack(data, opts, errors);
  if (errors.length || !built) return { ok: false, errors };
  const checked = checkPack(built.json);
  if (!checked.ok) {
    const placeOf = cellOfPath(built.json as BuiltPack, data, opts.sheet);
    // One cell can be two paths (a one-plan table's title is also the pack's name): one line each.
    return { ok: false, errors: [...new Set(checked.issues.map((i) => issueLine(i, built.json, placeOf)))] };
  }
  return { ok: true, pack: checked.pack, warnings: built.warnings };
}

// ---- Paths → cells ---------------------------------------------------------------------------------------

/** The table's columns of a target's and a baseline's fields (value, min and max are all in 目标值). */
const TARGET_COLUMN: Record<string, Header> = {
  region: "地区",
  entity: "主体",
  indicator: "指标",
  label: "指标",
  unit: "单位",
  value: "目标值",
  min: "目标值",
  max: "目标值",
  comparison: "比较",
  direction: "方向",
  attribute: "属性",
  kind: "类型",
  targetYear: "目标年",
  baseYear: "基期年",
  period: "目标年",
  quote: "原文",
};
const OBSERVATION_COLUMN: Record<string, Header> = { ...TARGET_COLUMN, value: "基期值", year: "基期年" };
/** What a field of a plan, region, indicator or the pack itself was read from. */
const OTHER_COLUMN: Record<string, Header> = { title: "规划", source: "出处", name: "规划" };

type BuiltItem = { id: string; region?: string; indicator?: string };
type BuiltPack = {
  plans: { targets: BuiltItem[]; observations: BuiltItem[] }[];
  regions: BuiltItem[];
  indicators: BuiltItem[];
};

/**
 * Where a path of the pack built from the table was typed: the cell (规划目标!D12(第 12 行 单位)). Targets are t<row>
 * and baselines b<row>; a plan, region or indicator is named by the first row that states it.
 */
function cellOfPath(json: BuiltPack, data: Row[], sheet: string): PlaceOf {
  const rowOf = (id: string | undefined) => data.find((r) => r.n === Number(id?.slice(1)));
  const targets = json.plans.flatMap((p) => p.targets);
  return (path) => {
    const [list, i, sub, j] = path;
    const field = [...path].reverse().find((k) => typeof k === "string") as string;
    let row: Row | undefined;
    let column: Header | undefined = OTHER_COLUMN[field];
    if (list === "plans" && typeof i === "number") {
      const plan = json.plans[i];
      const item =
        (sub === "targets" || sub === "observations") && typeof j === "number" ? plan[sub][j] : null;
      row = rowOf((item ?? plan.targets[0]).id);
      if (item) column = (sub === "targets" ? TARGET_COLUMN : OBSERVATION_COLUMN)[field];
    } else if ((list === "regions" || list === "indicators") && typeof i === "number") {
      const id = json[list][i].id;
      row = rowOf(targets.find((t) => (list === "regions" ? t.region : t.indicator) === id)?.id);
      column = list === "regions" ? "地区" : "指标";
    } else row = rowOf(targets[0]?.id);
    if (!row) return sheet;
    if (!column) return `${sheet}!第${row.n}行`;
    const cell = row.at(column);
    return cell.endsWith("行") ? `${cell} ${column}` : `${cell}(第 ${row.n} 行 ${column})`;
  };
}

// ---- Cells -----------------------------------------------------------------------------------------------

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** A unit after a number (家, %, 亿元, 件/万人); not a word that changes the number (多, 余, 以上). */
const UNIT_SUFFIX = /^(?!.*[多余以约左])(%|‰|[\u4e00-\u9fff]{1,3}(\/[\u4e00-\u9fff]{1,3})?)$/;
const RANGE = /^(.+?)\s*(?:-|~|～|〜|—|–|至|到)\s*(.+)$/;

/** "1,234" → 1234, "600家" → 600 with unit 家, "2.5%" → 2.5 with %; null when not a number. */
export function readNumber(v: CellValue): { value: number; unit: string | null } | null {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, unit: null } : null;
  const s = text(v).replace(/\s/g, "");
  const m = /^(.*?)([^\d.,]*)$/.exec(s)!;
  if (!NUMBER.test(m[1]) || (m[2] && !UNIT_SUFFIX.test(m[2]))) return null;
  return { value: Number(m[1].replace(/,/g, "")), unit: m[2] || null };
}

/** A target value: a number or a range (1-2, 1～2家). */
function readValue(
  v: CellValue,
): { value: number | null; min: number | null; max: number | null; unit: string | null } | null {
  const one = readNumber(v);
  if (one) return { value: one.value, min: null, max: null, unit: one.unit };
  const m = RANGE.exec(text(v).replace(/\s/g, ""));
  if (!m) return null;
  const lo = readNumber(m[1]);
  const hi = readNumber(m[2]);
  if (!lo || !hi) return null;
  return { value: null, min: lo.value, max: hi.value, unit: hi.unit ?? lo.unit };
}

/** 2025, "2025年", "２０２５" → 2025; null when not a year (the rule: core/method/years.ts). */
export function readYearCell(v: CellValue): number | null {
  return readYear(text(v));
}

/** The kind a target's name and unit say: 年均增长 → growth_rate, 占比/% → share, 累计/新增 → cumulative, … */
export function inferKind(name: string, unit: string): TargetKind {
  if (/年均(增长|增速)|增长率|增速/.test(name)) return "growth_rate";
  if (/翻番|翻一番|倍增/.test(name) || unit === "倍") return "multiple";
  if (/每年/.test(name)) return "per_year";
  if (/累计|新增/.test(name)) return "cumulative";
  if (/占比|比重|比例|覆盖率|强度|率$/.test(name) || unit === "%") return "share";
  return "level";
}

// ---- Rows → pack ---------------------------------------------------------------------------------------

interface ReadTarget {
  row: Row;
  region: string;
  entity: string | null;
  plan: string;
  indicator: string;
  unit: string;
  baseYear: number | null;
  baseValue: number | null;
  targetYear: number;
  value: number | null;
  min: number | null;
  max: number | null;
  comparison: Comparison;
  direction: Direction;
  attribute: Attribute | null;
  kind: TargetKind;
  quote: string;
  source: string;
}

function readRow(row: Row, opts: TableOptions, errors: string[]): ReadTarget | null {
  const before = errors.length;
  const c = row.cells;
  const need = (h: Header, hint: string) => {
    const s = text(c[h]);
    if (!s) errors.push(`${row.at(h)}:${h}为空,请填写${hint}`);
    return s;
  };
  const region = need("地区", "地区名称,如“某县”");
  const plan = need("规划", "规划名称,如“某县“十五五”科技创新规划”");
  const rawIndicator = need("指标", "指标名称,如“高新技术企业”");
  need("原文", "规划中写明此目标的原句(逐字复制)");
  const source = text(c["出处"]) || opts.source?.trim() || "";
  if (!source) errors.push(`${row.at("出处")}:出处为空,请填写规划文件的标题、网址或文件名`);
  const { name: indicator, unit: labelUnit } = splitUnit(rawIndicator);
  const targetYear = readYearCell(c["目标年"] ?? null);
  if (targetYear === null)
    errors.push(`${row.at("目标年")}:目标年“${text(c["目标年"])}”不是 ${YEAR_SPAN} 的年份,请填写如 2030`);
  const baseYearText = text(c["基期年"]);
  const baseYear = baseYearText ? readYearCell(baseYearText) : null;
  if (baseYearText && baseYear === null)
    errors.push(`${row.at("基期年")}:基期年“${baseYearText}”不是 ${YEAR_SPAN} 的年份,请填写如 2025`);
  const baseText = text(c["基期值"]);
  const base = baseText ? readNumber(c["基期值"] ?? null) : null;
  if (baseText && !base) errors.push(`${row.at("基期值")}:基期值“${baseText}”不是数字,请填写如 312`);
  const valueText = text(c["目标值"]);
  const worded = splitComparison(valueText);
  const v = valueText ? readValue(worded.word ? worded.rest : (c["目标值"] ?? null)) : null;
  if (!valueText) errors.push(`${row.at("目标值")}:目标值为空,请填写数字,如 600`);
  else if (!v) errors.push(`${row.at("目标值")}:目标值“${valueText}”不是数字,请填写如 600(区间写作 1-2)`);
  const unit = text(c["单位"]) || v?.unit || labelUnit || "";
  if (!unit) errors.push(`${row.at("单位")}:单位为空,请填写如 家、%、亿元`);
  for (const [h, u] of [
    ["目标值", v?.unit],
    ["基期值", base?.unit],
  ] as const)
    if (u && unit && u !== unit) errors.push(`${row.at(h)}:${h}的单位“${u}”与单位列“${unit}”不一致,请统一`);
  const comparison = readComparison(row, v !== null && v.value === null, worded.word, errors);
  const kind = readKind(row, indicator, unit, errors);
  const direction = readDirection(row, text(c["比较"]) || worded.word, errors);
  const attribute = readAttribute(row, errors);
  if (errors.length > before || targetYear === null || !v) return null;
  return {
    row,
    region,
    entity: text(c["主体"]) || null,
    plan,
    indicator,
    unit,
    baseYear,
    baseValue: base?.value ?? null,
    targetYear,
    value: v.value,
    min: v.min,
    max: v.max,
    comparison,
    direction,
    attribute,
    kind,
    quote: String(c["原文"]).trim(), // verbatim: not folded
    source,
  };
}

/** "高新技术企业数(家)" → name 高新技术企业数, unit 家. */
function splitUnit(raw: string): { name: string; unit: string | null } {
  const m = /^(.*?)\s*\((?:单位[:：]?)?([^()]{1,6})\)$/.exec(raw);
  return m ? { name: m[1], unit: m[2] } : { name: raw, unit: null };
}

/** A comparison word typed into the value cell: "600家以上", "超过3500家", "10%左右". */
function splitComparison(s: string): { rest: string; word: string | null } {
  const m =
    /^(超过|突破|不低于|不少于|至少|达到|不超过|不高于|控制在|低于)?(.*?)(以上|左右|以下|以内)?$/.exec(s)!;
  const word = m[1] ?? m[3] ?? null;
  return m[1] && m[3] ? { rest: s, word: null } : { rest: m[2], word };
}

function readComparison(row: Row, isRange: boolean, inValue: string | null, errors: string[]): Comparison {
  const column = text(row.cells["比较"]);
  const ceiling = (w: string) => CEILING_WORDS.has(w);
  if (
    inValue &&
    column &&
    (COMPARISON_WORDS[column] !== COMPARISON_WORDS[inValue] || ceiling(column) !== ceiling(inValue))
  )
    errors.push(`${row.at("目标值")}:目标值中的“${inValue}”与比较列的“${column}”不一致,请统一`);
  const word = column || inValue;
  if (!word) return isRange ? "range" : "reach";
  const c = COMPARISON_WORDS[word];
  if (!c) {
    errors.push(
      `${row.at("比较")}:比较“${word}”无法识别,请填写 达到、以上、不低于、超过、突破、左右、区间,或上限 以下、不超过、控制在(空白即达到)`,
    );
    return "reach";
  }
  if (isRange !== (c === "range"))
    errors.push(
      isRange
        ? `${row.at("比较")}:目标值是区间,比较应为“区间”(或留空)`
        : `${row.at("目标值")}:比较为“区间”,目标值应写作 下限-上限,如 1-2`,
    );
  return isRange ? "range" : c;
}

/** 方向: the column's word; else a ceiling in 比较 (以下, 不超过 …) means lower; else higher. */
function readDirection(row: Row, comparisonWord: string | null, errors: string[]): Direction {
  const word = text(row.cells["方向"]);
  const implied: Direction = comparisonWord && CEILING_WORDS.has(comparisonWord) ? "lower" : "higher";
  if (!word) return implied;
  const d = DIRECTION_WORDS[word];
  if (!d) {
    errors.push(`${row.at("方向")}:方向“${word}”无法识别,请填写 越大越好 或 越小越好(空白即越大越好)`);
    return implied;
  }
  if (d === "higher" && implied === "lower")
    errors.push(`${row.at("方向")}:比较“${comparisonWord}”是上限,与方向“${word}”不一致,请统一`);
  return d;
}

/** 属性: 约束性 or 预期性 as plan tables mark it (【约束性】, [预期性]); blank where the plan says nothing. */
function readAttribute(row: Row, errors: string[]): Attribute | null {
  const word = text(row.cells["属性"]).replace(/^[【[((]|[】\]))]$/g, "");
  if (!word) return null;
  const a = Attribute.safeParse(word);
  if (!a.success) errors.push(`${row.at("属性")}:属性“${word}”无法识别,请填写 约束性 或 预期性(规划未标明时留空)`);
  return a.success ? a.data : null;
}

function readKind(row: Row, name: string, unit: string, errors: string[]): TargetKind {
  const word = text(row.cells["类型"]);
  if (!word) return inferKind(name, unit);
  const k = KIND_WORDS[word];
  if (!k)
    errors.push(
      `${row.at("类型")}:类型“${word}”无法识别,请填写 ${Object.values(KIND_LABEL).join("、")} 或留空`,
    );
  return k ?? "level";
}

function buildPack(
  data: Row[],
  opts: TableOptions,
  errors: string[],
): { json: unknown; warnings: string[] } | null {
  const read = data.map((r) => readRow(r, opts, errors)).filter((t): t is ReadTarget => t !== null);
  duplicateErrors(read, errors);
  if (errors.length) return null;
  const warnings: string[] = [];
  const ids = new PackIds();
  const byPlan = new Map<string, ReadTarget[]>();
  for (const t of read) byPlan.set(t.plan, [...(byPlan.get(t.plan) ?? []), t]);
  const sources = [...new Set(read.map((t) => t.source))];
  // Each plan names its 出处 only when the table has several.
  const sourceOf = (ts: ReadTarget[]) => (sources.length > 1 ? ts[0].source : undefined);
  const plans = [...byPlan].map(([title, ts], pi) =>
    planJson(`p${pi + 1}`, title, ts, sourceOf(ts), ids, warnings),
  );
  const json = {
    format: "plan-pack",
    version: 1,
    id: opts.id ?? `table-${hashId(JSON.stringify(plans))}`,
    name: byPlan.size === 1 ? [...byPlan.keys()][0] : `${opts.sheet}(${byPlan.size} 份规划)`,
    source: opts.source?.trim() || sources.join(";"),
    regions: ids.regions,
    indicators: ids.indicators(),
    plans,
  };
  return { json, warnings };
}

/** The pack's regions (r1, r2 …) and indicators (i1, i2 …), each given an id on first use. */
class PackIds {
  readonly regions: Region[] = [];
  private readonly regionIds = new Map<string, string>();
  private readonly indicatorIds = new Map<string, string>();

  /** A region by name; a 主体 is a sub-area under its region (`parent`). */
  region(name: string, parent: string | null): string {
    const k = `${parent ?? ""}|${name}`;
    let id = this.regionIds.get(k);
    if (!id) {
      id = `r${this.regionIds.size + 1}`;
      this.regionIds.set(k, id);
      const kind = parent ? "sub_area" : regionKind(name);
      this.regions.push({ id, name, fullName: name, kind, parent, aliases: [], enclosing: [] });
    }
    return id;
  }

  indicator(name: string): string {
    let id = this.indicatorIds.get(name);
    if (!id) this.indicatorIds.set(name, (id = `i${this.indicatorIds.size + 1}`));
    return id;
  }

  indicators() {
    return [...this.indicatorIds].map(([name, id]) => ({ id, name }));
  }
}

/** One 规划's rows as a plan: its period from the base years and target years, a baseline per 基期值. */
function planJson(
  id: string,
  title: string,
  ts: ReadTarget[],
  source: string | undefined,
  ids: PackIds,
  warnings: string[],
) {
  const region = ids.region(ts[0].region, null);
  const baseYears = ts.map((t) => t.baseYear).filter((y): y is number => y !== null);
  const end = Math.max(...ts.map((t) => t.targetYear));
  const baseYear = baseYears.length ? mostCommon(baseYears) : end - 5;
  const observations: unknown[] = [];
  const targets = ts.map((t) => {
    const targetRegion = t.entity
      ? ids.region(t.entity, ids.region(t.region, null))
      : ids.region(t.region, null);
    const values = t.comparison === "range" ? [t.min!, t.max!] : [t.value!];
    if (!values.every((x) => quoteStates(t.quote, x)))
      warnings.push(`${t.row.at("原文")}:原文中没有目标值 ${values.join("-")},请核对目标值和原文`);
    const baseline = t.baseValue !== null ? `b${t.row.n}` : null;
    if (baseline !== null)
      observations.push({
        id: baseline,
        region: targetRegion,
        entity: t.entity,
        indicator: ids.indicator(t.indicator),
        year: t.baseYear ?? baseYear,
        value: t.baseValue,
        unit: t.unit,
        quote: t.quote,
      });
    return targetJson(t, targetRegion, ids.indicator(t.indicator), baseYear, baseline);
  });
  const period = { start: Math.min(baseYear + 1, end), end };
  // Key order as before: the pack id hashes this JSON.
  return {
    id,
    title,
    region,
    period,
    baseYear,
    ...(source !== undefined ? { source } : {}),
    observations,
    targets,
  };
}

/** A row as a pack target; a 年均 target's period starts the year after its base year (the plan's, if none). */
function targetJson(
  t: ReadTarget,
  region: string,
  indicator: string,
  planBase: number,
  baseline: string | null,
) {
  const startYear = (t.baseYear ?? planBase) + 1;
  return {
    id: `t${t.row.n}`,
    region,
    entity: t.entity,
    indicator,
    label: t.indicator,
    unit: t.unit,
    value: t.value,
    min: t.min,
    max: t.max,
    comparison: t.comparison,
    ...(t.direction === "lower" ? { direction: t.direction } : {}),
    kind: t.kind,
    targetYear: t.targetYear,
    period: t.kind === "per_year" ? { start: Math.min(startYear, t.targetYear), end: t.targetYear } : null,
    baseYear: t.baseYear,
    baseline,
    hedged: /力争|争取/.test(t.quote),
    quote: t.quote,
    ...(t.attribute ? { attribute: t.attribute } : {}),
  };
}

/** Two rows for one region, 主体, indicator and target year: the plan states one target there. */
function duplicateErrors(read: ReadTarget[], errors: string[]) {
  const first = new Map<string, ReadTarget>();
  for (const t of read) {
    const k = [t.region, t.entity ?? "", t.indicator, t.targetYear].join("|");
    const prev = first.get(k);
    if (prev)
      errors.push(
        `${t.row.at("指标")}:与第 ${prev.row.n} 行重复(同一地区、指标、目标年:${t.region}“${t.indicator}”${t.targetYear}年),请删去其中一行`,
      );
    else first.set(k, t);
  }
}

const regionKind = (name: string): Region["kind"] => (/[县区旗]$/.test(name) ? "district" : "city");

function mostCommon(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

function hashId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

// ---- Pack → rows -----------------------------------------------------------------------------------------

/** A pack as a 规划目标 table (header row first; the optional columns after 出处). */
export function packToTable(pack: PlanPack): CellValue[][] {
  const header: CellValue[] = [...TABLE_HEADERS, ...OPTIONAL_HEADERS];
  const regionName = (id: string) => pack.regions.find((r) => r.id === id);
  const indicatorName = (id: string) => pack.indicators.find((i) => i.id === id)?.name ?? id;
  const directionOf = (id: string) => pack.indicators.find((i) => i.id === id)?.direction ?? "higher";
  const rows: CellValue[][] = [header];
  for (const p of pack.plans)
    for (const t of p.targets) {
      const region = regionName(t.region);
      const parent = region?.parent ? regionName(region.parent) : undefined;
      const city = t.entity && parent ? parent.name : (region?.name ?? t.region);
      const base = t.baseline ? p.observations.find((o) => o.id === t.baseline) : undefined;
      rows.push([
        city,
        p.title,
        t.label ?? indicatorName(t.indicator),
        t.unit,
        t.baseYear ?? base?.year ?? p.baseYear,
        base?.value ?? null,
        t.targetYear,
        t.comparison === "range" ? `${t.min}-${t.max}` : t.value,
        comparisonLabel(t.comparison, t.direction ?? directionOf(t.indicator)),
        t.quote,
        p.source ?? pack.source,
        KIND_LABEL[t.kind],
        t.entity,
        DIRECTION_LABEL[t.direction ?? directionOf(t.indicator)],
        t.attribute ?? null,
      ]);
    }
  return rows;
}
