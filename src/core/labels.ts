// Chinese labels for the catalog's enums, shared by the functions, the progress sheet and the pane.
import type { CatalogTarget } from "./catalog";
import type { Comparison, TargetKind } from "./schema";

export const KIND_LABEL: Record<TargetKind, string> = {
  level: "水平值",
  share: "比重",
  growth_rate: "年均增速",
  multiple: "倍数",
  cumulative: "累计",
  per_year: "每年",
};

export const COMPARISON_LABEL: Record<Comparison, string> = {
  reach: "达到",
  at_least: "以上",
  more_than: "超过",
  about: "左右",
  range: "区间",
};

/** "600家以上", "2-3家", "10%左右", "翻番(2倍)". */
export function describeTarget(t: CatalogTarget): string {
  const v = t.comparison === "range" ? `${t.min}-${t.max}${t.unit}` : `${t.value}${t.unit}`;
  switch (t.comparison) {
    case "at_least":
      return `${v}以上`;
    case "more_than":
      return `超过${v}`;
    case "about":
      return `${v}左右`;
    default:
      return v;
  }
}

/** Display name of who the target is for: the entity, else the region. */
export const subjectOf = (t: CatalogTarget) => t.entity ?? t.regionDef.name;

/** Citation: plan title and seed file. */
export const sourceOf = (t: { plan: { title: string; file: string } }) =>
  `《${t.plan.title}》(seeds/${t.plan.file})`;
