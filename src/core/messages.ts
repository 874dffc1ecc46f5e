// The core's message catalog: every refusal of the core as a reason with its arguments, and the one zh-CN text
// for each. PlanError carries the reason and builds its message here; tests assert the reason, not the text.
import { yearProblem } from "./method/years";

type Shape = { rows: number; cols: number };
/** A parameter as a message names it (ParamSpec's zhName and zhDescription). */
type Param = { zhName: string; zhDescription: string };

export type CoreReason =
  // ---- Regions (the resolver)
  | { reason: "regionOtherProvince"; fullName: string; own: string; province: string }
  | { reason: "regionOnlyDistrict"; raw: string; districtFullName: string; districtName: string }
  | { reason: "unknownRegion"; raw: string; suggestions: string[] }
  // ---- Indicators (the resolver)
  | { reason: "emptyIndicator" }
  | { reason: "unknownIndicator"; raw: string; unknownWords: string[]; near: string[] }
  | { reason: "vagueIndicator"; raw: string; names: string[]; broader: boolean }
  | { reason: "equallyNearIndicators"; raw: string; names: string[] }
  | {
      reason: "noTargetInRegion";
      region: string;
      raw: string;
      why: { name: string; diff: string }[];
      children: string[];
      elsewhere: string[];
      suggestions: string[];
    }
  // ---- Years and plans of a target
  | { reason: "historyOnly"; region: string; name: string; years: number[] }
  | { reason: "noTargetInYear"; region: string; name: string; year: number; years: string[] }
  | { reason: "severalTargets"; region: string; name: string; year: number; plans: string[] }
  | { reason: "regionNoTargetInYear"; region: string; year: number | null; years: string[] }
  | { reason: "regionNothingInYear"; region: string; year: number; years: string[] }
  | { reason: "noBaselineOf"; indicator: string; baseYear: number }
  | { reason: "fieldNotGiven"; indicator: string; field: string }
  | { reason: "unknownField"; raw: string; fields: string[] }
  | { reason: "noSearchMatch"; text: string }
  // ---- Why a derived value (预期值, 完成进度, 差额, 需年均增速, 预计目标年值) is missing
  | { reason: "missingYear"; what: string }
  | { reason: "yearBeforeBase"; what: string; year: number; baseYear: number }
  | { reason: "missingActual"; what: string }
  | { reason: "rateNotApplicable"; indicator: string; kindLabel: string }
  | { reason: "rateAtBaseYear"; year: number }
  | { reason: "rateMet" }
  | { reason: "rateAtTargetYear"; targetYear: number }
  | { reason: "metAtBase" }
  | { reason: "noBaseline"; what: string; baseYear: number }
  | { reason: "notComputable"; what: string }
  | { reason: "forecastAtBaseYear"; year: number }
  | { reason: "actualRefused"; indicator: string; unit: string; actual: number; why: string }
  // ---- Units
  | { reason: "unknownUnit"; unit: string }
  | { reason: "unitDimension"; from: string; to: string }
  | { reason: "claimedUnitDimension"; label: string; claim: string; planUnit: string }
  // ---- Arguments (the runner and ranges)
  | { reason: "notSingleValue"; param: Param }
  | { reason: "errorArgument"; param: Param }
  | { reason: "missingArgument"; param: Param }
  | { reason: "logicalArgument"; param: Param; value: boolean }
  | { reason: "notText"; param: Param }
  | { reason: "textTooLong"; param: Param; length: number }
  | { reason: "badYear"; param: Param; value: unknown }
  | { reason: "notNumber"; param: Param; value: unknown }
  | { reason: "textAsNumber"; param: Param; text: string }
  | { reason: "numberTooLarge"; param: Param; value: number; hint: boolean }
  | { reason: "resultOutOfRange"; fn: string }
  | { reason: "unknownFunction"; id: string; ids: string[] }
  | { reason: "tooManyArguments"; fn: string; max: number; got: number }
  | { reason: "notRectangular"; param: string }
  | { reason: "rangeTooLarge"; shape: Shape; max: number }
  | { reason: "rangeMismatch"; param: string; shape: Shape; out: Shape; row: number; col: number }
  // ---- Bundled data that contradicts itself (a build error, never a user's)
  | { reason: "indicatorAliasConflict"; name: string; first: string; second: string }
  | { reason: "regionAliasConflict"; name: string }
  | { reason: "unknownTargetIndicator"; target: string; indicator: string }
  | { reason: "unknownTargetRegion"; target: string; region: string }
  | { reason: "missingBaselineObservation"; target: string; baseline: string }
  | { reason: "lexiconConflict"; surface: string; first: string; second: string }
  | { reason: "unknownPlan"; planId: string }
  // ---- A bug: an exception the runner did not expect
  | { reason: "internal"; detail: string };

const describe = (s: Shape) => `${s.rows} 行 × ${s.cols} 列`;
const names = (xs: readonly unknown[]) => xs.join("、");
const excerpt = (v: unknown) => String(v).slice(0, 20);
const rateDone = "不再需要年均增速";

/** One text per reason: each entry gets its own reason's arguments. */
export type MessageTable<R extends { reason: string }> = {
  [K in R["reason"]]: (r: Extract<R, { reason: K }>) => string;
};

/** The text of a reason, from its table. */
export const messageOf = <R extends { reason: string }>(table: MessageTable<R>, r: R): string =>
  (table[r.reason as R["reason"]] as (r: R) => string)(r);

const CORE_TEXT: MessageTable<CoreReason> = {
  // ---- Regions
  regionOtherProvince: (r) => `${r.fullName}属于${r.own},不是${r.province}。请检查地区名称`,
  regionOnlyDistrict: (r) =>
    `未收录${r.raw}本级的规划;收录的是其下辖的${r.districtFullName}。如要查${r.districtFullName}的目标,请把地区写作“${r.districtName}”`,
  unknownRegion: (r) => `未找到地区“${r.raw}”。您是不是要找:${names(r.suggestions)}?`,
  // ---- Indicators
  emptyIndicator: () => `指标名称为空。请填写指标名称,例如“高新技术企业”`,
  unknownIndicator: (r) => unknownIndicator(r.raw, r.unknownWords, r.near),
  vagueIndicator: (r) =>
    `指标“${r.raw}”不够具体:${r.broader ? `规划中只有更具体的指标(${names(r.names)})` : `同时符合${r.names.length}个指标(${names(r.names)})`},为避免取错数不作猜测。请写出完整的指标名称`,
  equallyNearIndicators: (r) =>
    `指标“${r.raw}”不够具体:名称与多个指标同样接近(${names(r.names)}),为避免取错数不作猜测。请写出完整的指标名称`,
  noTargetInRegion: (r) => noTargetInRegion(r),
  // ---- Years and plans of a target
  historyOnly: (r) =>
    `${r.region}“${r.name}”只有历史数据(${names(r.years)}年),规划没有给出目标。可用 PLAN.BASELINE 取历史数据`,
  noTargetInYear: (r) => `${r.region}“${r.name}”在${r.year}年没有目标。有目标的年份:${names(r.years)}`,
  severalTargets: (r) =>
    `${r.region}“${r.name}”在${r.year}年有多个规划目标,无法确定取哪一个:${r.plans.join(";")}`,
  regionNoTargetInYear: (r) => `${r.region}在${r.year}年没有目标。有目标的年份:${names(r.years)}`,
  regionNothingInYear: (r) => `${r.region}在${r.year}年既没有目标也没有历史数据。可选年份:${names(r.years)}`,
  noBaselineOf: (r) => `规划未给出“${r.indicator}”的基期值(基期年${r.baseYear})`,
  fieldNotGiven: (r) => `规划未给出“${r.indicator}”的${r.field}`,
  unknownField: (r) => `未知字段“${r.raw.slice(0, 20)}”。可用字段:${names(r.fields)}`,
  noSearchMatch: (r) => `没有与“${r.text.slice(0, 20)}”匹配的指标`,
  // ---- Why a derived value is missing
  missingYear: (r) => `缺少评估年份,无法计算${r.what}`,
  yearBeforeBase: (r) => `评估年份${r.year}早于基期年${r.baseYear},无法计算${r.what}`,
  missingActual: (r) => `缺少实际值,无法计算${r.what}`,
  rateNotApplicable: (r) => `“${r.indicator}”是${r.kindLabel}目标,不适用需年均增速`,
  rateAtBaseYear: (r) => `评估年份${r.year}即基期年,尚无已实现的年均增速,无法计算需年均增速`,
  rateMet: () => `目标已完成,${rateDone}`,
  rateAtTargetYear: (r) => `评估年份已到目标年${r.targetYear},${rateDone}`,
  metAtBase: () => `基期值已达到目标,没有待完成的进度:实际值仍达到目标为已完成,低于目标为逆向变化`,
  noBaseline: (r) => `规划未给出基期值(${r.baseYear}年),无法计算${r.what}。可在进度表的“基期值”列填写后计算`,
  notComputable: (r) => `无法计算${r.what}(实际值或目标值不为正数,或目标值等于基期值)`,
  forecastAtBaseYear: (r) => `评估年份${r.year}即基期年,尚无年均变化可外推。请用基期以后年份的实际值`,
  actualRefused: (r) => `“${r.indicator}”(${r.unit})收到 ${r.actual}:${r.why}`,
  // ---- Units
  unknownUnit: (r) =>
    `无法识别的单位“${r.unit.slice(0, 20)}”。可用单位:元、万元、亿元、人、万人、%、家、个、项、件`,
  unitDimension: (r) =>
    `无法把“${r.from}”换算为“${r.to}”:两者不是同一量纲。请省略单位参数,按规划原单位“${r.from}”返回`,
  claimedUnitDimension: (r) =>
    `“${r.label.slice(0, 30)}”标注的单位“${r.claim}”与规划单位“${r.planUnit}”不是同一量纲,无法换算。请改正行标题中的单位,或去掉单位按规划原单位“${r.planUnit}”取数`,
  // ---- Arguments
  notSingleValue: (r) => `参数“${r.param.zhName}”应为单个值,不能是区域或数组`,
  errorArgument: (r) => `参数“${r.param.zhName}”是错误值。请先修正引用的单元格`,
  missingArgument: (r) => `缺少参数“${r.param.zhName}”。${r.param.zhDescription}`,
  logicalArgument: (r) =>
    `参数“${r.param.zhName}”不能是逻辑值 ${r.value ? "TRUE" : "FALSE"}。${r.param.zhDescription}`,
  notText: (r) => `参数“${r.param.zhName}”应为文本`,
  textTooLong: (r) => `参数“${r.param.zhName}”过长(${r.length} 个字符)`,
  badYear: (r) => `参数“${r.param.zhName}”${yearProblem(r.value)}`,
  notNumber: (r) => `参数“${r.param.zhName}”应为数值;收到“${excerpt(r.value)}”`,
  textAsNumber: (r) =>
    `参数“${r.param.zhName}”应为数值,收到文本“${excerpt(r.text)}”。${textAsNumberFix(r.text.trim())}`,
  numberTooLarge: (r) =>
    `参数“${r.param.zhName}”数值过大(${r.value})${r.hint ? ",请检查是否多输了位数" : ""}`,
  resultOutOfRange: (r) => `${r.fn} 的计算结果超出数值范围`,
  unknownFunction: (r) => `未知函数“${r.id.slice(0, 30)}”。可用函数:${names(r.ids)}`,
  tooManyArguments: (r) => `PLAN.${r.fn} 最多 ${r.max} 个参数,收到 ${r.got} 个`,
  notRectangular: (r) => `参数“${r.param}”不是矩形区域(各行的单元格数不同或为空)`,
  rangeTooLarge: (r) =>
    `区域过大:结果为 ${describe(r.shape)},超过 ${r.max} 个单元格。请引用表格所在的行,如 B5:B20,而不是整列`,
  rangeMismatch: (r) =>
    `区域大小不一致:参数“${r.param}”为 ${describe(r.shape)},结果为 ${describe(r.out)};第 ${r.row} 行第 ${r.col} 列没有对应的“${r.param}”`,
  // ---- Bundled data that contradicts itself
  indicatorAliasConflict: (r) => `指标别名冲突:“${r.name}”同时属于 ${r.first} 和 ${r.second}`,
  regionAliasConflict: (r) => `地区别名冲突:“${r.name}”`,
  unknownTargetIndicator: (r) => `${r.target}: 未知指标 ${r.indicator}`,
  unknownTargetRegion: (r) => `${r.target}: 未知地区 ${r.region}`,
  missingBaselineObservation: (r) => `${r.target}: 基期值 ${r.baseline} 不存在`,
  lexiconConflict: (r) => `词表冲突:“${r.surface}”既是 ${r.first} 又是 ${r.second}`,
  unknownPlan: (r) => `未知规划:${r.planId}`,
  // ---- A bug
  internal: (r) => `内部错误:${r.detail}`,
};

/** The zh-CN text of a reason. */
export const coreMessage = (r: CoreReason): string => messageOf(CORE_TEXT, r);

function unknownIndicator(raw: string, words: string[], near: string[]): string {
  const why = words.length ? `无法确定“${words.join("”“")}”的含义,为避免取错数不作猜测` : "名称不完整";
  return `未找到指标“${raw}”:${why}${near.length ? `。您是不是要找:${names(near)}?` : ""}`;
}

/** No target of the region fits: what differs, who else holds it, and (when nothing else is said) what is near. */
function noTargetInRegion(r: Extract<CoreReason, { reason: "noTargetInRegion" }>): string {
  const parts = [`${r.region}的规划中没有“${r.raw}”的目标`];
  if (r.why.length) parts.push(r.why.map((w) => `规划中的“${w.name}”${w.diff}`).join(";"));
  if (r.children.length) parts.push(`该目标属于下列主体,请把主体名称作为地区参数:${names(r.children)}`);
  else if (r.elsewhere.length) parts.push(`有此目标的地区:${listSome(r.elsewhere)}`);
  if (!r.why.length && !r.children.length && r.suggestions.length)
    parts.push(`您是不是要找:${names(r.suggestions)}?`);
  return parts.join("。");
}

/** A list for a message: at most five names, then how many more. */
function listSome(xs: string[]): string {
  return xs.length > 5 ? `${xs.slice(0, 5).join("、")}等 ${xs.length} 个` : names(xs);
}

/** What to type instead of text that is not a number. */
function textAsNumberFix(t: string): string {
  if (t === "") return "单元格中只有空格,请清除该单元格";
  if (/%$|％$/.test(t)) return "不要输入百分号:百分比按百分数填写,2.1 表示 2.1%";
  if (/[\uff10-\uff19]/.test(t)) return "请用半角数字(如 470)";
  if (/^[-+]?[\d,]+(\.\d+)?$/.test(t) && t.includes(",")) return "请去掉千位分隔符,只填数字(如 1234)";
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return "这是以文本形式存储的数字,请把单元格设为常规格式后重新输入";
  if (/^[-+]?\d+(\.\d+)?\S+$/.test(t)) return "请去掉单位,只填数字(单位见“单位”列)";
  return "请只填数字";
}
