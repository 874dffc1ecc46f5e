// A realistic mix of TARGET queries: canonical names, aliases, 繁体, decorated row labels, several regions
// and years, built from the catalog so that every query resolves to one known target.
import * as OpenCC from "opencc-js/cn2t";
import type { Catalog, CatalogTarget } from "../src/core/catalog/catalog";
import { nameFor } from "../src/core/resolve/matching";
import { run } from "../src/core/functions/runner";

export interface Query {
  args: [string, string, number];
  /** The pre-normalized key a bare Map lookup would use. */
  key: string;
  target: CatalogTarget;
}

const toTraditional = OpenCC.Converter({ from: "cn", to: "hk" });

/** Only queries that resolve to their target are kept (an alias of a stock is refused for a 倍增 target). */
export function queryMix(catalog: Catalog): Query[] {
  return allQueries(catalog).filter((q) => {
    const r = run("TARGET", q.args);
    return r.ok && r.value === q.target.threshold;
  });
}

function allQueries(catalog: Catalog): Query[] {
  const out: Query[] = [];
  for (const t of catalog.targets) {
    const ind = t.indicatorDef;
    const region = t.regionDef;
    const name = nameFor(t); // the name that resolves (每年新增…, …倍数)
    const names = [
      name,
      ind.aliases[0] ?? name,
      toTraditional(name),
      `1.${name}(${t.unit})`,
      `（三）${name}:`,
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
