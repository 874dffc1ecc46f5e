// A realistic mix of TARGET queries: canonical names, aliases, 繁体, decorated row labels, several regions
// and years, built from the catalog so that every query resolves to one known target.
import * as OpenCC from "opencc-js/cn2t";
import type { Catalog, CatalogTarget } from "../src/core/catalog";

export interface Query {
  args: [string, string, number];
  /** The pre-normalized key a bare Map lookup would use. */
  key: string;
  target: CatalogTarget;
}

const toTraditional = OpenCC.Converter({ from: "cn", to: "hk" });

export function queryMix(catalog: Catalog): Query[] {
  const out: Query[] = [];
  for (const t of catalog.targets) {
    const ind = t.indicatorDef;
    const region = t.regionDef;
    const names = [
      ind.name,
      ind.aliases[0] ?? ind.name,
      toTraditional(ind.name),
      `1.${ind.name}(${t.unit})`,
      `（三）${ind.name}:`,
    ];
    const regions = [region.name, region.fullName, toTraditional(region.name)];
    names.forEach((n, i) =>
      out.push({
        args: [regions[i % regions.length], n, t.targetYear],
        key: `${t.region}|${t.indicator}|${t.targetYear}`,
        target: t,
      }),
    );
  }
  return out;
}
