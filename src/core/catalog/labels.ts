// Chinese labels for the catalog's enums, shared by the functions, the progress sheet and the pane.
import type { Catalog, CatalogTarget, PlanInfo } from "./catalog";
import type { Comparison, Direction, Region, TargetKind } from "./schema";

export const KIND_LABEL: Record<TargetKind, string> = {
  level: "水平值",
  share: "比重",
  growth_rate: "年均增速",
  multiple: "倍数",
  cumulative: "累计",
  per_year: "每年",
  milestone: "零的突破",
};

/** An extraction candidate's kind: the catalog's, or a rank (排名), which packs cannot import yet. */
export const CANDIDATE_KIND_LABEL: Record<TargetKind | "rank", string> = { ...KIND_LABEL, rank: "排名" };

export const COMPARISON_LABEL: Record<Comparison, string> = {
  reach: "达到",
  at_least: "以上",
  more_than: "超过",
  about: "左右",
  range: "区间",
};

/** 比较 as a pack table says it: a lower-is-better target's floor is a ceiling (以下, 低于, 控制在). */
export function comparisonLabel(comparison: Comparison, direction: Direction): string {
  if (direction === "higher") return COMPARISON_LABEL[comparison];
  return { at_least: "以下", more_than: "低于", reach: "控制在", about: "左右", range: "区间" }[comparison];
}

/** 方向 as a pack table and the sheet say it. */
export const DIRECTION_LABEL: Record<Direction, string> = { higher: "越大越好", lower: "越小越好" };

/** "600家以上", "2-3家", "10%左右", "翻番(2倍)"; a lower-is-better target "5%以下", "不超过5%", "低于5%". */
export function describeTarget(t: CatalogTarget): string {
  const v = t.comparison === "range" ? `${t.min}-${t.max}${t.unit}` : `${t.value}${t.unit}`;
  if (t.direction === "lower")
    return t.comparison === "at_least"
      ? `${v}以下`
      : t.comparison === "more_than"
        ? `低于${v}`
        : t.comparison === "reach"
          ? `不超过${v}`
          : describeComparison(t.comparison, v);
  return describeComparison(t.comparison, v);
}

function describeComparison(comparison: Comparison, v: string): string {
  switch (comparison) {
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

/**
 * The one display name of a region, in the pane, the sheets and the README: its short name (中山, 益阳, 汕尾城区),
 * the name the functions take and the messages use. Plan titles keep their own wording.
 */
export const regionDisplayName = (r: Pick<Region, "name">) => r.name;

/** Display name of who the target is for: the entity, else the region. */
export const subjectOf = (t: CatalogTarget) => t.entity ?? regionDisplayName(t.regionDef);

/** The data edition: bump with every release of data/ (shown to people; the hash is for support). */
export const DATA_EDITION = "2026-12";

/** "数据 2026-12 版,5 份规划": the data version as people read it. */
export const dataVersionLabel = (catalog: Pick<Catalog, "plans">) =>
  `数据 ${DATA_EDITION} 版,${catalog.plans.length} 份规划`;

/**
 * "《title》(issuer,文号,issued)": the plan as cited, with only what is known; an imported plan adds the 出处
 * its user gave ("…;导入自:某县人民政府网").
 */
export function planCitation(
  plan: Pick<PlanInfo, "title" | "issuer" | "issued" | "docNumber"> & Pick<Partial<PlanInfo>, "pack">,
): string {
  const known = [plan.issuer, plan.docNumber, plan.issued].filter((x) => !!x).join(",");
  const origin = plan.pack ? `导入自:${plan.pack.source}` : "";
  const notes = [known, origin].filter((x) => !!x).join(";");
  return `《${plan.title}》${notes ? `(${notes})` : ""}`;
}

/** A plan's title as lists show it; an imported plan is marked with its pack ("〔导入:某县规划包〕"). */
export const planLabel = (plan: Pick<PlanInfo, "title"> & Pick<Partial<PlanInfo>, "pack">) =>
  plan.pack ? `${plan.title}〔导入:${plan.pack.name}〕` : plan.title;

/** 出处 as a reader wants it: the plan cited, then the plan's own words. No seed file. */
export const citationOf = (t: Pick<CatalogTarget, "plan" | "quote">) =>
  `${planCitation(t.plan)}:“${t.quote}”`;

/** INFO(…,"出处"): the plan as cited (the seed file is technical: see seedOf). */
export const sourceOf = (t: Pick<CatalogTarget, "plan">) => planCitation(t.plan);

/** The seed file a record was taken from, for support; for an imported plan, the 出处 its user gave. */
export const seedOf = (t: { plan: { file: string; pack?: { source: string } } }) =>
  t.plan.pack ? t.plan.pack.source : `seeds/${t.plan.file}`;
