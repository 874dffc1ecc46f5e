// The method in words, generated from the methodology's own definitions (KIND_METHOD, the paths, the units) for the
// rows a sheet holds: the 上报 footnote and the progress sheet's 说明 say only what assess() does to those rows.
import type { CatalogTarget } from "../catalog/catalog";
import { KIND_LABEL } from "../catalog/labels";
import { BINDING } from "../catalog/schema";
import { impliedBaseline, isMilestone, isRateLike, KIND_METHOD, STATUS } from "../method/methodology";
import { canonicalUnit } from "../method/units";

/** The 完成进度 rule each row follows, in words (the geometric one where the row's path is, as completionOf). */
export function completionText(t: CatalogTarget): string {
  const m = KIND_METHOD[t.kind];
  // completionOf falls back to linear without a positive baseline: a cumulative target counts from 0.
  const geometric = t.indicatorDef.path === "geometric" && impliedBaseline(t.kind) !== 0;
  return geometric && m.geometric ? m.geometric : m.linear;
}

/** "比重类(%)、水平值类(家、个)" → the rule; one entry per rule, in the rows' order. */
function completionGroups(targets: readonly CatalogTarget[]): string[] {
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const t of targets) {
    const text = completionText(t);
    const kinds = groups.get(text) ?? new Map<string, Set<string>>();
    const units = kinds.get(KIND_LABEL[t.kind]) ?? new Set<string>();
    // Only units the method knows (units.ts): a pack's unit text is data, not words for the note.
    kinds.set(KIND_LABEL[t.kind], canonicalUnit(t.unit) === null ? units : units.add(t.unit));
    groups.set(text, kinds);
  }
  return [...groups].map(([text, kinds]) => {
    const who = [...kinds]
      .map(([k, units]) => (units.size ? `${k}类(${[...units].join("、")})` : `${k}类`))
      .join("、");
    return `${who}为${text}`;
  });
}

/**
 * The method note for these rows: 序时进度, 完成进度 by rule, 差额 (in 个百分点 where a row is in %). Every clause
 * comes from a definition; a kind none of the rows has is not mentioned.
 */
export function methodNote(targets: readonly CatalogTarget[]): string {
  const points = targets.some((t) => t.unit === "%") ? ",% 类以个百分点计" : "";
  return (
    `序时进度 = (评估年份 − 基期年) ÷ (目标年 − 基期年),最大为 1;` +
    `完成进度:${completionGroups(targets).join(";")};` +
    `差额 = 实际值 − 按序时应达到的预期值${points}。`
  );
}

/**
 * How 状态 is graded before the target year, for these rows: by 进度比 against the sheet's own thresholds, found
 * `where` (the progress sheet's title block, or the 上报 row that reads it). "" when every row is a milestone.
 */
export function statusNote(targets: readonly CatalogTarget[], where: string): string {
  if (targets.every((t) => isMilestone(t.kind))) return "";
  const rates = [...new Set(targets.filter((t) => isRateLike(t.kind)).map((t) => KIND_LABEL[t.kind]))];
  const rateWords = rates.length ? `,${rates.join("、")}类为完成进度本身` : "";
  return (
    `状态:目标年前按进度比(完成进度 ÷ 序时进度${rateWords})分档,` +
    `${STATUS.ahead}、${STATUS.onTrack}、${STATUS.behind}的下限见${where},` +
    `低于${STATUS.behind}下限为${STATUS.farBehind},为负为${STATUS.regressing}。` +
    bindingNote(targets)
  );
}

/** The 约束性 rule (methodology.bindingStatus) in words, where any row is 约束性; else "". */
function bindingNote(targets: readonly CatalogTarget[]): string {
  if (!targets.some((t) => t.attribute === BINDING)) return "";
  return (
    `约束性目标在目标年前达到约束值为${STATUS.kept};基期已达到的约束值不再达到,或每年类目标当年未达标,` +
    `为${STATUS.broken};尚未达到约束值的按进度比分档。`
  );
}
