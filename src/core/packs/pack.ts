// A plan pack: plans the user brings (a 十五五 plan of 某县), in the schema of data/plans/*.json plus the
// regions and vocabulary entries they need. validatePack checks one with zod and says in Chinese where and
// what to type; importPacks (pack-import.ts) puts packs beside the bundled plans.
import { z } from "zod";
import { YEAR_SPAN } from "../method/years";
import { IMPLIED_BASELINE_WORDS } from "../method/methodology";
import { Dimension, Facets, Observation, PlanFields, Region, TargetFields } from "../catalog/schema";
import { COMPARISON_LABEL, KIND_LABEL } from "../catalog/labels";
import { FIELD_NAMES, packIssueLines, type PackIssue } from "./issue-text";
import { quoteStates } from "./quote-numbers";
import { TargetKeys } from "./target-keys";
import { parseEach, plainIndicator, plainTarget, targetArrays } from "./pack-fast";

export { numbersInQuote, quoteStates } from "./quote-numbers";

export const PACK_FORMAT = "plan-pack";

/** What a pack may hold: a cell's text limit, and file and table sizes far above any plan's (a 十五五 plan has
 * tens of targets) yet low enough to be read in the pane's memory. */
export const PACK_LIMITS = {
  /** Excel's limit for the text of one cell. */
  textChars: 32_767,
  fileBytes: 5 * 1024 * 1024,
  /** Target rows of a 规划目标 table, and targets of a pack. */
  targets: 10_000,
};

/** A unit: 1–12 letters, digits or %‰°²³/·, e.g. 家、亿元、%、件/万人 (no quote, space, & or =). */
export const UNIT = /^[\p{L}\p{N}%‰°²³/·]{1,12}$/u;
const Unit = z.string().regex(UNIT);

/** Text a cell or the workbook's XML cannot hold: controls other than tab and line breaks, noncharacters
 * (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) and lone surrogates. */
const UNSAFE_PACK_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Has the text a character UNSAFE_PACK_TEXT could match (a control, U+007F–U+009F, a surrogate or U+FDD0 and
 * above)? A scan of char codes, cheaper than the regex on the million texts of a large pack. */
function mayBeUnsafe(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c >= 0xd800) return true;
  }
  return false;
}

/** Why a pack file of this size is refused before it is read, or null. */
export function packFileTooBig(name: string, bytes: number): string | null {
  if (bytes <= PACK_LIMITS.fileBytes) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `“${name}”有 ${mb(bytes)} MB,超过规划包文件的上限 ${mb(PACK_LIMITS.fileBytes)} MB,未读取。规划包只需规划目标表:请另存一个只含该表的文件再导入`;
}

/** The table's target rows over the limit: the message, or null. */
export function tooManyTargets(where: string, n: number): string | null {
  return n <= PACK_LIMITS.targets
    ? null
    : `${where}:有 ${n} 行目标,超过上限 ${PACK_LIMITS.targets} 行,未导入。请按规划分成几个文件导入`;
}
export const PACK_VERSION = 1;

/** A pack's indicator: facets, dimension and path may be left out (read from the name and the unit). */
export const PackIndicator = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  dimension: Dimension.optional(),
  direction: z.enum(["higher", "lower"]).default("higher"),
  path: z.enum(["linear", "geometric"]).optional(),
  facets: Facets.optional(),
  flow: z.boolean().default(false),
});
export type PackIndicator = z.infer<typeof PackIndicator>;

export const PackTarget = TargetFields.extend({
  unit: Unit,
  /** The plan's wording; default the indicator's name. */
  label: z.string().optional(),
  hedged: z.boolean().default(false),
}).superRefine((t, ctx) => {
  if (t.comparison === "range") {
    if (t.min === null || t.max === null || t.min > t.max)
      ctx.addIssue({
        code: "custom",
        path: ["min"],
        message: "区间目标需要填写下限 min 和上限 max,且 min ≤ max",
      });
  } else if (t.value === null) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "缺少目标值,请填写数字,例如 600" });
  }
  if (t.kind === "per_year" && t.period === null)
    ctx.addIssue({
      code: "custom",
      path: ["period"],
      message: '每年类目标需要填写期间,例如 {"start":2026,"end":2030}',
    });
});
export type PackTarget = z.infer<typeof PackTarget>;

export const PackPlan = PlanFields.extend({
  /** This plan's 出处, where it differs from the pack's (a table with one 出处 per row). */
  source: z.string().trim().min(1).optional(),
  /** The seed file, for bundled plans only. */
  file: z.string().optional(),
  shortName: z.string().min(2).max(20).optional(),
  documentType: z.string().default("规划"),
  issuer: z.string().default(""),
  issued: z
    .string()
    .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/)
    .default(""),
  decisions: z.array(z.string()).default([]),
  observations: z.array(Observation.extend({ unit: Unit })).default([]),
  targets: z.array(PackTarget).min(1).max(PACK_LIMITS.targets),
});
export type PackPlan = z.infer<typeof PackPlan>;

export const PlanPack = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  /** Lower-case words joined by single hyphens (see packIds in pack-import.ts: ids stay apart). */
  id: z
    .string()
    .max(40)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** 出处 as the user gave it: document title, URL, file name. */
  source: z.string().trim().min(1),
  regions: z.array(Region).default([]),
  indicators: z.array(PackIndicator).default([]),
  plans: z.array(PackPlan).min(1),
});
export type PlanPack = z.infer<typeof PlanPack>;

export type PackResult = { ok: true; pack: PlanPack; warnings: string[] } | { ok: false; errors: string[] };
/** A pack's check before its issues become lines (a 规划目标 table names its cells instead of paths). */
export type PackCheck =
  { ok: true; pack: PlanPack; warnings: PackIssue[] } | { ok: false; issues: PackIssue[] };

/** Validate a pack: its problems as Chinese lines naming the plan, target and field (issue-text.ts). */
export function validatePack(json: unknown): PackResult {
  const c = checkPack(json);
  return c.ok
    ? { ok: true, pack: c.pack, warnings: packIssueLines(c.warnings, json) }
    : { ok: false, errors: packIssueLines(c.issues, json) };
}

/** Check a pack: unsafe text first, then zod's schema, then the pack's own references; quotes only warn. */
export function checkPack(json: unknown): PackCheck {
  const bad = textIssues(json);
  if (bad.length) return { ok: false, issues: bad };
  let pack = fastParse(json);
  if (!pack) {
    const parsed = PlanPack.safeParse(json);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(schemaIssue) };
    pack = parsed.data;
  }
  const issues = referenceIssues(pack);
  if (issues.length) return { ok: false, issues };
  return { ok: true, pack, warnings: quoteWarnings(pack) };
}

/** The schema around the targets and indicators, which are checked apart (fastParse); the defaults keep each
 * key where PlanPack puts it. */
const PackShell = PlanPack.extend({
  indicators: z.unknown().default([]),
  plans: z.array(PackPlan.extend({ targets: z.unknown() })).min(1),
});

/**
 * What PlanPack.safeParse(json) gives when it succeeds, with plainly valid targets and indicators checked by
 * hand (pack-fast.ts) and the others by their zod schema; null when anything fails, for zod's full parse to say
 * what.
 */
function fastParse(json: unknown): PlanPack | null {
  const arrays = targetArrays(json);
  const rawIndicators = (json as { indicators?: unknown }).indicators ?? [];
  if (!arrays || !Array.isArray(rawIndicators)) return null;
  const indicators = parseEach(rawIndicators, plainIndicator, zodOf(PackIndicator));
  const targets: PackTarget[][] = [];
  for (const raw of arrays) {
    const list = parseEach(raw, plainTarget as (r: unknown) => PackTarget | null, zodOf(PackTarget));
    if (!list) return null;
    targets.push(list);
  }
  const shell = indicators && PackShell.safeParse(json);
  if (!shell || !shell.success) return null;
  shell.data.indicators = indicators;
  shell.data.plans.forEach((p, i) => (p.targets = targets[i]));
  return shell.data as PlanPack;
}

const zodOf =
  <T>(schema: z.ZodType<T>) =>
  (r: unknown): T | null => {
    const parsed = schema.safeParse(r);
    return parsed.success ? parsed.data : null;
  };

/** Every string of the pack (at any depth) that a cell cannot hold, at most 20, before the schema runs. */
function textIssues(json: unknown): PackIssue[] {
  return hasBadText(json) ? textIssuesAt(json) : [];
}

/** Has the value (at any depth) a string that a cell cannot hold? No path kept: most packs have none. */
function hasBadText(v: unknown): boolean {
  if (typeof v === "string") return textProblem(v) !== null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (hasBadText(v[i])) return true;
  } else if (v && typeof v === "object") {
    for (const k in v) if (hasBadText((v as Record<string, unknown>)[k])) return true;
  }
  return false;
}

function textIssuesAt(json: unknown): PackIssue[] {
  const issues: PackIssue[] = [];
  // One path, pushed and popped: a 50,000-target pack has a million strings, and a path copied for each
  // was half of its validation time. The path is copied only for an error.
  const path: PropertyKey[] = [];
  const walk = (v: unknown) => {
    if (issues.length >= 20) return;
    if (typeof v === "string") {
      const problem = textProblem(v);
      if (problem) issues.push({ path: [...path], message: problem });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v && typeof v === "object") {
      for (const k in v) {
        path.push(k);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(json);
  return issues;
}

/** What is wrong with one text of a pack, or null. */
function textProblem(v: string): string | null {
  if (v.length > PACK_LIMITS.textChars)
    return `文字有 ${v.length} 个字符,超过单元格上限 ${PACK_LIMITS.textChars} 个字符,请删短`;
  if (!mayBeUnsafe(v) || !UNSAFE_PACK_TEXT.test(v)) return null;
  const at = v.search(UNSAFE_PACK_TEXT);
  const code = v.codePointAt(at)!.toString(16).toUpperCase().padStart(4, "0");
  return `第 ${at + 1} 个字符是控制字符或无效字符(U+${code}),请删去后重新导入`;
}

// ---- Messages -------------------------------------------------------------------------------------------

const YEAR_FIELDS = new Set(["targetYear", "baseYear", "year", "start", "end"]);
const NUMBER_FIELDS = new Set(["value", "min", "max"]);
/** What a missing field should hold, where its name does not say it. */
const MISSING_HINT: Record<string, string> = {
  format: '"plan-pack"',
  version: "1",
  source: "规划文件的标题、网址或文件名",
  quote: "规划中写明此目标的原句",
};

function schemaIssue(issue: z.core.$ZodIssue): PackIssue {
  const field = [...issue.path].reverse().find((p) => typeof p === "string") as string | undefined;
  return { path: issue.path, message: fieldMessage(issue, field), showValue: true };
}

function fieldMessage(issue: z.core.$ZodIssue, field: string | undefined): string {
  if (issue.code === "custom") return issue.message;
  const missing = issue.code === "invalid_type" && /received undefined/.test(issue.message);
  if (field && YEAR_FIELDS.has(field)) return `应为 ${YEAR_SPAN} 的整数年份,例如 2030`;
  if (field && NUMBER_FIELDS.has(field)) return "应为数字,例如 600(不带单位,不用“约”“六百”)";
  if (missing) return `未填写,请填写${MISSING_HINT[field ?? ""] ?? ""}`;
  if (field === "quote" || field === "source")
    return field === "quote"
      ? "原文至少两个字:请粘贴规划中写明此目标的原句"
      : "出处不能为空:请填写规划文件的标题、网址或文件名";
  if (field === "comparison") return `应为 ${COMPARISON_WORDS}`;
  if (field === "attribute") return "应为 约束性 或 预期性(规划未标明时不填)";
  if (field === "attributeQuote") return "属性原文至少两个字:请粘贴规划中写明约束性或预期性的原句";
  if (field === "unit")
    return "单位应为 1–12 个文字、字母、数字或 %‰°/·,例如 家、亿元、%、件/万人(不含引号、空格、& 或 =)";
  if (issue.code === "too_big" && field === "targets")
    return `目标最多 ${PACK_LIMITS.targets} 条,请分成几个规划包`;
  if (field === "kind") return `应为 ${KIND_WORDS}`;
  if (field === "id" && issue.path.length === 1)
    return "规划包编号只能用小写字母和数字,以单个 - 连接,最长 40 个字符,例如 moux-15th";
  if (field === "id") return "编号只能用小写字母、数字和 -(指标编号用 _),例如 plan-1";
  if (field === "format") return '应为 "plan-pack"(规划包文件的固定标记)';
  if (field === "version") return "应为 1(目前唯一的规划包版本)";
  if (field === "issued") return "应为 YYYY、YYYY-MM 或 YYYY-MM-DD,例如 2026-03";
  if (issue.code === "too_small" && (field === "plans" || field === "targets"))
    return `至少需要一条${FIELD_NAMES[field]}`;
  if (issue.code === "too_big" && field === "shortName") return "简称最多 20 个字";
  if (issue.code === "invalid_type") return `类型不对:应为${typeWord(issue.expected)}`;
  return `格式不对(${issue.message})`;
}

const typeWord = (t: string) =>
  ({ string: "文字", number: "数字", boolean: "true 或 false", array: "列表 [...]", object: "对象 {...}" })[
    t
  ] ?? t;

/** "达到(reach)、以上(at_least)…之一": the Chinese word first, then what the file must hold. */
const oneOf = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${v}(${k})`)
    .join("、") + " 之一";
const COMPARISON_WORDS = oneOf(COMPARISON_LABEL);
const KIND_WORDS = oneOf(KIND_LABEL);

// ---- References and quotes ------------------------------------------------------------------------------

/**
 * Ids a pack's records refer to must exist in the pack (or be a bundled id: that is checked at import).
 * Here: duplicate ids, a baseline or restatement that names no record of the same plan.
 */
function referenceIssues(pack: PlanPack): PackIssue[] {
  const issues: PackIssue[] = [];
  /** The ids, each repeated one an issue. */
  const dup = (what: string, ids: string[], at: (i: number) => PropertyKey[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id))
        issues.push({ path: [...at(i), "id"], message: `${what}编号“${id}”重复,请改用另一个编号` });
      seen.add(id);
    });
    return seen;
  };
  dup(
    "地区",
    pack.regions.map((r) => r.id),
    (i) => ["regions", i],
  );
  dup(
    "指标",
    pack.indicators.map((r) => r.id),
    (i) => ["indicators", i],
  );
  dup(
    "规划",
    pack.plans.map((p) => p.id),
    (i) => ["plans", i],
  );
  pack.plans.forEach((p, pi) => {
    const targets = dup(
      "目标",
      p.targets.map((t) => t.id),
      (i) => ["plans", pi, "targets", i],
    );
    const obs = new Set(p.observations.map((o) => o.id));
    p.targets.forEach((t, ti) => {
      if (t.baseline && !obs.has(t.baseline))
        issues.push({
          path: ["plans", pi, "targets", ti, "baseline"],
          message: `“${t.baseline}”不在本规划的 observations 中,请补上或删去`,
        });
      if (t.restates && !targets.has(t.restates))
        issues.push({
          path: ["plans", pi, "targets", ti, "restates"],
          message: `“${t.restates}”不是本规划的目标编号`,
        });
    });
    if (p.period.start > p.period.end)
      issues.push({ path: ["plans", pi, "period"], message: "起始年晚于结束年,请检查" });
  });
  return [...issues, ...restatementIssues(pack)];
}

/** Two targets of one pack for one region, entity, indicator and year, neither restating the other. */
function restatementIssues(pack: PlanPack): PackIssue[] {
  const issues: PackIssue[] = [];
  // Each key's first target as its ordinal in the pack (a number, not a pair: 50,000 targets); a path is spelled
  // only for an issue.
  const first = new Map<string | number, number>();
  const keys = new TargetKeys();
  let n = 0;
  pack.plans.forEach((p, pi) =>
    p.targets.forEach((t, ti) => {
      const ordinal = n++;
      if (t.restates) return;
      const k = keys.key(t.region, t.entity, t.indicator, t.targetYear);
      const prev = first.get(k);
      if (prev !== undefined)
        issues.push({
          path: ["plans", pi, "targets", ti],
          message: (placeOf) =>
            `与${placeOf(targetPath(pack, prev))}是同一地区、指标、目标年的目标;如是同一目标的另一种说法,请把 restates 设为那条目标的编号`,
        });
      else first.set(k, ordinal);
    }),
  );
  return issues;
}

/** The path of the pack's target of this ordinal (counted over every plan's targets). */
function targetPath(pack: PlanPack, ordinal: number): PropertyKey[] {
  let pi = 0;
  while (ordinal >= pack.plans[pi].targets.length) ordinal -= pack.plans[pi++].targets.length;
  return ["plans", pi, "targets", ordinal];
}

/** A warning (not an error) for each target whose quote does not write its value in digits. */
function quoteWarnings(pack: PlanPack): PackIssue[] {
  const out: PackIssue[] = [];
  pack.plans.forEach((p, pi) =>
    p.targets.forEach((t, ti) => {
      const fixed = IMPLIED_BASELINE_WORDS[t.kind];
      if (t.baseline && fixed)
        out.push({
          path: ["plans", pi, "targets", ti, "baseline"],
          message: `${fixed},给出的基期值不用于计算(仍可作为说明保留)`,
        });
      if (t.implied) return;
      const absent = absentValues(t);
      if (absent.length)
        out.push({
          path: ["plans", pi, "targets", ti, "quote"],
          message:
            `原文“${clip(t.quote)}”中没有数字 ${absent.join("、")},` +
            "请核对目标值和原文(如原文写的是“翻番”“全覆盖”,请把 implied 设为 true)",
        });
    }),
  );
  return out;
}

/** The target's values its quote does not write (a range's two, else its one: no filter closure per target). */
function absentValues(t: PackTarget): number[] {
  if (t.comparison === "range") return [t.min!, t.max!].filter((v) => !quoteStates(t.quote, v));
  return quoteStates(t.quote, t.value!) ? [] : [t.value!];
}

const clip = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

/** The pack's own facets type (re-exported for callers that build packs). */
export type PackFacets = z.infer<typeof Facets>;
