// Never-seen row labels for the cold-lookup figure: every target's names with the decorations, units,
// qualifiers and numbering real report tables carry, each label distinct, so no cache can answer it.
import type { Catalog } from "../src/core/catalog/catalog";
import { nameFor } from "../src/core/resolve/matching";

const PREFIXES = ["", "全市", "（一）", "一、", "1.", "2、", "(3)", "①"];
const SUFFIXES = ["", "数", "数量", "：", "（%）", "（家）", "（万元）", "（亿元）", "总数", "（单位：个）"];
const QUALIFIERS = ["", "新增", "国家级", "省级", "规模以上", "每万人", "累计"];

export function coldLabels(catalog: Catalog, n: number): [string, string, number][] {
  const out: [string, string, number][] = [];
  const seen = new Set<string>();
  for (let k = 0; out.length < n; k++) {
    for (const t of catalog.targets) {
      const names = [nameFor(t), t.indicatorDef.name, t.label, ...t.indicatorDef.aliases];
      const name = names[k % names.length];
      const label =
        PREFIXES[k % PREFIXES.length].replace(/\d+/, (d) => String(Number(d) + Math.floor(k / 8))) +
        QUALIFIERS[Math.floor(k / 3) % QUALIFIERS.length] +
        name +
        SUFFIXES[Math.floor(k / 5) % SUFFIXES.length];
      const key = `${t.regionDef.name}|${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([t.regionDef.name, label, t.targetYear]);
      if (out.length >= n) break;
    }
    if (k > 10_000) break;
  }
  return out;
}
