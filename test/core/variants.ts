// Meaning-changing variants of every target's name, each with the meaning it should have. The meaning is
// derived from the catalog's declared facets by the same change, not by the parser under test, so a variant
// tells the resolver what it ought to find: the catalog target with exactly that meaning, or nothing.
import type { CatalogTarget } from "../../src/core/catalog/catalog";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { nameFor } from "../../src/core/resolve/matching";
import { tokenize, type Facets, type Measure } from "../../src/core/resolve/meaning";

export type VariantClass = "measure" | "tier" | "scope" | "density" | "combined-part" | "unit" | "unsaid";

export interface Variant {
  cls: VariantClass;
  target: CatalogTarget;
  text: string;
  /** What the variant means; null when only the unit changes (see unit). */
  facets: Facets;
  /** Unit variants: the unit claimed in brackets. */
  unit?: string;
}

const KIND_MEASURE: Record<string, Measure | undefined> = {
  growth_rate: "growth",
  multiple: "multiple",
  cumulative: "cumulative",
  per_year: "per_year",
  share: "share",
};

/** A target's meaning from the data: its indicator's declared facets and the measure its kind gives. */
export function declaredMeaning(t: CatalogTarget): Facets {
  const f = t.indicatorDef.facets;
  return { ...f, measure: KIND_MEASURE[t.kind] ?? f.measure };
}

const ADDED = new Set<Measure>(["level", "increment", "cumulative"]);

/** Does a target have exactly this meaning? (The oracle: plain facet equality, with 新增 covering 累计/每年.) */
export function hasMeaning(t: CatalogTarget, f: Facets): boolean {
  const m = declaredMeaning(t);
  return (
    same(f.subject, m.subject) &&
    same([...f.scope].sort(), m.scope) &&
    f.aspect === m.aspect &&
    f.tier === m.tier &&
    fitsRest(t, f, m)
  );
}

/**
 * Can a name with this meaning stand for the target, its unsaid qualifiers taken as any value? (The oracle
 * of docs/data.md's rule, written from the data: an unsaid tier, scope word or denominator is any; an unsaid
 * figure is any for a share, rate or multiple; 拥有量 is the count itself; 人数 is the count of people only.)
 */
export function canMean(t: CatalogTarget, f: Facets): boolean {
  const m = declaredMeaning(t);
  const count = (a: string | null) => a === null || a === "拥有量";
  const aspectOk =
    f.aspect === m.aspect ||
    (f.aspect === null && ["share", "growth", "multiple"].includes(f.measure)) ||
    (count(f.aspect) && count(m.aspect)) ||
    (f.aspect === "人数" && m.aspect === null && t.indicatorDef.dimension === "people");
  return (
    same(f.subject, m.subject) &&
    f.scope.every((s) => m.scope.includes(s)) &&
    aspectOk &&
    (f.tier === null || f.tier === m.tier) &&
    fitsRest(t, f, m)
  );
}

const same = (a: string[], b: string[]) => a.join("+") === b.join("+");

/** Density, measure and denominator: strict in both readings (a share may leave its denominator unsaid). */
function fitsRest(t: CatalogTarget, f: Facets, m: Facets): boolean {
  const measureOk =
    f.measure === m.measure ||
    (f.measure === "increment" && (m.measure === "cumulative" || m.measure === "per_year")) ||
    (t.indicatorDef.flow && ADDED.has(f.measure) && (ADDED.has(m.measure) || m.measure === "per_year"));
  return f.density === m.density && measureOk && (f.denominator === null || f.denominator === m.denominator);
}

const TIER_WORDS: [string, string][] = [
  ["国家级", "国家级"],
  ["省级", "省级"],
  ["市级", "市级"],
  ["区级", "区级"],
  ["省级以上", "省级+"],
  ["市级以上", "市级+"],
];
const LEADING_TIER = /^(国家级|省级|市级|区级)(及以上|以上)?/;

const UNITS: [string, string][] = [
  ["家", "count"],
  ["个", "count"],
  ["%", "percent"],
  ["亿元", "money"],
  ["万元", "money"],
  ["元", "money"],
  ["人", "people"],
  ["名", "people"],
  ["万人", "people"],
  ["倍", "multiple"],
];
export const unitDimension = (u: string) =>
  UNITS.find(([x]) => x === u)?.[1] ?? (u === "项" || u === "件" || u === "次" ? "count" : u);

/** Units a label may claim for a target's unit: the same dimension; among counts only 个 stands for others. */
export function sameDimension(a: string, b: string): boolean {
  const da = unitDimension(a);
  if (da !== unitDimension(b)) return false;
  return da !== "count" || a === b || a === "个" || b === "个";
}

/** Does the lexicon read this text without any tier word (国家高新技术企业 is one synonym)? */
const hasTierWord = (s: string) => tokenize(s).some((t) => t.word?.kind === "tier");

function measureVariants(t: CatalogTarget, n: string, f: Facets): Variant[] {
  const out: Variant[] = [];
  const v = (text: string, measure: Measure, extra: Partial<Facets> = {}) =>
    out.push({ cls: "measure", target: t, text, facets: { ...f, measure, ...extra } });
  const flow = t.indicatorDef.flow;
  const added = ["increment", "cumulative", "per_year"].includes(f.measure);
  if (!added && !flow) v(`新增${n}`, "increment");
  if (!added && !flow) v(`累计${n}`, "cumulative");
  if (f.measure !== "growth") v(`${n}增长率`, "growth");
  if (f.measure !== "share" && f.measure !== "growth") v(`${n}占比`, "share", { denominator: null });
  if (f.measure !== "multiple") v(`${n}倍数`, "multiple");
  // The stock of something the plan targets as an increment: the bare indicator name.
  if (n !== t.indicatorDef.name) v(t.indicatorDef.name, t.indicatorDef.facets.measure);
  return out;
}

function tierVariants(t: CatalogTarget, f: Facets): Variant[] {
  const name = t.indicatorDef.name;
  const lead = LEADING_TIER.exec(name);
  if (f.tier && !lead) return []; // the tier sits inside the name (转型省级高新区的省级产业园区)
  const bare = lead ? name.slice(lead[0].length) : name;
  const out: Variant[] = [];
  for (const [word, tier] of TIER_WORDS) {
    if (tier === f.tier) continue;
    const text = word + bare;
    if (!hasTierWord(text)) continue;
    out.push({ cls: "tier", target: t, text, facets: { ...f, tier, measure: f.measure } });
  }
  if (f.tier && !hasTierWord(bare))
    out.push({ cls: "tier", target: t, text: bare, facets: { ...f, tier: null } });
  return out.map((v) => withMeasureWord(v, t));
}

/** Variants built on the indicator's name keep the target's measure word (每年新增 …). */
function withMeasureWord(v: Variant, t: CatalogTarget): Variant {
  const n = nameFor(t);
  const name = t.indicatorDef.name;
  if (n === name) return v;
  const at = n.indexOf(name);
  return { ...v, text: n.slice(0, at) + v.text + n.slice(at + name.length) };
}

function scopeVariants(t: CatalogTarget, n: string, f: Facets): Variant[] {
  const out: Variant[] = [];
  const v = (text: string, extra: Partial<Facets>) =>
    out.push({ cls: "scope", target: t, text, facets: { ...f, ...extra } });
  // 规模以上…强度 is the enterprises' intensity: a share of their revenue, not of GDP.
  const revenue = n.includes("强度") ? { denominator: "营业收入" } : {};
  if (!f.scope.includes("规上")) v(`规模以上${n}`, { scope: [...f.scope, "规上"].sort(), ...revenue });
  if (f.scope.includes("工业企业")) {
    const swap = n.replace(/(规模以上|规上)工业企业/, "$1高新技术企业");
    if (swap !== n) v(swap, { scope: f.scope.map((s) => (s === "工业企业" ? "高新技术企业" : s)).sort() });
  }
  if (f.aspect === null && f.measure !== "share") {
    v(`${n}营业收入`, { aspect: "营业收入" });
    v(`${n}产值`, { aspect: "产值" });
    v(`${n}增加值`, { aspect: "增加值" });
  }
  if (n.includes("增加值")) v(n.replace("增加值", "产值"), { aspect: "产值" });
  else if (n.includes("产值")) v(n.replace("产值", "增加值"), { aspect: "增加值" });
  if (f.subject.some((s) => s.includes("产业") && s !== "产业集群"))
    v(n.replace("产业", "产品"), { subject: f.subject.map((s) => s.replace("产业", "产品")) });
  else if (n.includes("产品"))
    v(n.replace("产品", "产业"), { subject: f.subject.map((s) => s.replace("产品", "产业")) });
  return out;
}

const DENSITY_PREFIX = /^(每万人口|每万人|万人|每百万人口|每百万人|百万人)/;

function densityVariants(t: CatalogTarget, n: string, f: Facets): Variant[] {
  const out: Variant[] = [];
  const v = (text: string, density: string | null) =>
    out.push({ cls: "density", target: t, text, facets: { ...f, density } });
  if (f.density === null) {
    v(`每万人${n}`, "每万人");
    v(`每百万人${n}`, "每百万人");
    v(`人均${n}`, "人均");
  } else if (DENSITY_PREFIX.test(n)) {
    const bare = n.replace(DENSITY_PREFIX, "");
    v(bare, null);
    v(
      `${f.density === "每万人" ? "每百万人" : "每万人口"}${bare}`,
      f.density === "每万人" ? "每百万人" : "每万人",
    );
  }
  return out;
}

function combinedVariants(t: CatalogTarget, f: Facets, combined: boolean): Variant[] {
  if (!combined) return [];
  const tier = TIER_WORDS.find(([, x]) => x === f.tier)?.[0] ?? "";
  return f.subject.map((s) =>
    withMeasureWord({ cls: "combined-part", target: t, text: tier + s, facets: { ...f, subject: [s] } }, t),
  );
}

function unitVariants(t: CatalogTarget, n: string, f: Facets): Variant[] {
  return UNITS.filter(([u]) => u !== t.unit).map(([u]) => ({
    cls: "unit" as const,
    target: t,
    text: `${n}(${u})`,
    facets: f,
    unit: u,
  }));
}

/**
 * The name with one qualifier that may be left unsaid left out: its tier, a scope word (规模以上/规上), a
 * share's denominator or figure (…增加值占…比重 → …占比), 拥有量. The meaning is the declared one with that
 * facet unsaid, so the oracle (canMean) decides whether it has one answer.
 */
function unsaidVariants(t: CatalogTarget, n: string, f: Facets): Variant[] {
  const out: Variant[] = [];
  const v = (text: string, extra: Partial<Facets>) => {
    if (text && text !== n) out.push({ cls: "unsaid", target: t, text, facets: { ...f, ...extra } });
  };
  const lead = LEADING_TIER.exec(n);
  if (f.tier && lead) v(n.slice(lead[0].length), { tier: null });
  for (const word of ["规模以上", "规上"])
    if (f.scope.includes("规上") && n.includes(word))
      v(n.replace(word, ""), { scope: f.scope.filter((x) => x !== "规上") });
  if (f.measure === "share" && /占.+(比重|比例)$/.test(n)) {
    v(n.replace(/占.+(比重|比例)$/, "占比"), { denominator: null });
    const figure = /(增加值|产值|营业收入)占/.exec(n);
    if (figure)
      v(n.replace(/(增加值|产值|营业收入)占.+(比重|比例)$/, "占比"), { denominator: null, aspect: null });
  }
  if (n.endsWith("拥有量")) v(n.slice(0, -3), { aspect: null });
  return out;
}

/** Every variant of every primary target of the bundled catalog. */
export function allVariants(isCombined: (t: CatalogTarget) => boolean): Variant[] {
  const out: Variant[] = [];
  for (const t of bundledCatalog().targets) {
    const f = declaredMeaning(t);
    const n = nameFor(t);
    out.push(
      ...measureVariants(t, n, f),
      ...tierVariants(t, f),
      ...scopeVariants(t, n, f),
      ...densityVariants(t, n, f),
      ...combinedVariants(t, f, isCombined(t)),
      ...unitVariants(t, n, f),
      ...unsaidVariants(t, n, f),
    );
  }
  return out;
}
