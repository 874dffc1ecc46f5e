// A pack's problems as lines a statistician reads: where (the plan, the target, the field, in Chinese) and what
// to type, instead of a JSON path. One renderer for every face (the pane, `plan import`); a 规划目标 table
// passes its own place (the cell) for a path (pack-table.ts).

/** One problem of a pack: the JSON path it is at, and what is wrong there. */
export interface PackIssue {
  path: readonly PropertyKey[];
  /** What is wrong and what to type; a function when it names another place of the pack. */
  message: string | ((placeOf: PlaceOf) => string);
  /** Say the value found at the path first ("填的是“xx”") — not for unreadable or over-long text. */
  showValue?: boolean;
}

/** Where a path points, in words. */
export type PlaceOf = (path: readonly PropertyKey[]) => string;

/** The Chinese name of a pack field (the JSON key follows it, for whoever edits the file). */
export const FIELD_NAMES: Record<string, string> = {
  format: "格式标记",
  version: "版本",
  id: "编号",
  name: "名称",
  source: "出处",
  title: "规划标题",
  region: "地区",
  entity: "主体",
  indicator: "指标",
  label: "指标名称",
  unit: "单位",
  quote: "原文",
  comparison: "比较",
  kind: "类型",
  direction: "方向",
  hedged: "是否“力争”",
  attribute: "属性",
  attributeQuote: "属性原文",
  value: "目标值",
  min: "下限",
  max: "上限",
  targetYear: "目标年",
  baseYear: "基期年",
  baseline: "基期值",
  restates: "重述的目标",
  year: "年份",
  period: "规划期",
  start: "起始年",
  end: "结束年",
  issued: "发布日期",
  shortName: "简称",
  fullName: "地区全称",
  parent: "上级地区",
  plans: "规划",
  targets: "目标",
  observations: "基期值",
  regions: "地区",
  indicators: "指标",
  aliases: "别名",
};

type Item = Record<string, unknown>;
/** Text a line can show: at most 30 characters, controls, noncharacters and lone surrogates as �. */
const clip = (s: string) =>
  (s.length > 30 ? `${s.slice(0, 30)}…` : s).replace(
    // eslint-disable-next-line no-control-regex -- replacing control characters is the point
    /[\u0000-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    "�",
  );
const quoted = (v: unknown) => (typeof v === "string" && v ? `“${clip(v)}”` : "");
const child = (node: unknown, key: PropertyKey): unknown =>
  node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
/** A target's or baseline's indicator: its label, else the name of the pack's indicator it refers to. */
const indicatorOf = (x: Item, pack: unknown) =>
  x.label ??
  (child(pack, "indicators") as Item[] | undefined)?.find?.((i) => i?.id === x.indicator)?.name ??
  x.indicator;

/** Lists of a pack whose items are named by ordinal and name: 第 2 个目标“高新技术企业”. */
const LISTS: Record<string, { word: string; nameOf: (item: Item, pack: unknown) => string }> = {
  plans: { word: "份规划", nameOf: (p) => (typeof p.title === "string" ? `《${clip(p.title)}》` : "") },
  targets: { word: "个目标", nameOf: (t, pack) => quoted(indicatorOf(t, pack)) },
  observations: { word: "个基期值", nameOf: (o, pack) => quoted(indicatorOf(o, pack)) },
  regions: { word: "个地区", nameOf: (r) => quoted(r.name) },
  indicators: { word: "个指标", nameOf: (i) => quoted(i.name) },
};

/** The value at a path of a pack's JSON (undefined where there is none). */
export function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce(child, json);
}

/** "第 1 份规划《示例县…》第 2 个目标“高新技术企业”的单位(unit)"; "规划包的出处(source)". */
export function placeInPack(json: unknown, path: readonly PropertyKey[]): string {
  let out = "";
  let node = json;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const list = typeof key === "string" ? LISTS[key] : undefined;
    const n = path[i + 1];
    if (list && typeof n === "number") {
      node = child(child(node, key), n);
      out += `第 ${n + 1} ${list.word}${node && typeof node === "object" ? list.nameOf(node as Item, json) : ""}`;
      i++;
    } else {
      const name =
        typeof key === "number" ? `第 ${key + 1} 项` : `${FIELD_NAMES[key as string] ?? ""}(${String(key)})`;
      out += `${out ? "的" : "规划包的"}${name}`;
      node = child(node, key);
    }
  }
  return out || "整个规划包";
}

/** One issue as a line: where, the value found there if asked, and what to type. */
export function issueLine(issue: PackIssue, json: unknown, placeOf: PlaceOf): string {
  const v = issue.showValue ? valueAt(json, issue.path) : undefined;
  const found =
    (typeof v === "string" && v !== "") || typeof v === "number" || typeof v === "boolean"
      ? `填的是“${clip(String(v))}”,`
      : "";
  const message = typeof issue.message === "string" ? issue.message : issue.message(placeOf);
  return `${placeOf(issue.path)}:${found}${message}`;
}

/** The issues of a pack's JSON as lines naming the plan, target and field. */
export function packIssueLines(issues: readonly PackIssue[], json: unknown): string[] {
  const placeOf: PlaceOf = (path) => placeInPack(json, path);
  return issues.map((i) => issueLine(i, json, placeOf));
}
