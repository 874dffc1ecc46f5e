// A key per (region, entity, indicator, year): equal exactly when the four are (null and "" entities alike),
// a number or a text alike, and the year read back from either.
import fc from "fast-check";
import { TargetKeys, yearOfKey } from "../../src/core/packs/target-keys";

const target = fc.record({
  region: fc.constantFrom("r1", "r2", "pack-a--r1"),
  entity: fc.constantFrom(null, "", "某园区", "a|b"),
  indicator: fc.constantFrom("i1", "i2", "pack_a__i1"),
  year: fc.constantFrom(2025, 2030, 2100, 1990, 5000),
});
type T = { region: string; entity: string | null; indicator: string; year: number };
const text = (t: T) => `${t.region}|${t.entity ?? ""}|${t.indicator}|${t.year}`;

describe("TargetKeys", () => {
  it("gives two targets one key exactly when their region, entity, indicator and year agree", () => {
    fc.assert(
      fc.property(fc.array(target, { minLength: 2, maxLength: 12 }), (ts) => {
        const keys = new TargetKeys();
        const ks = ts.map((t) => keys.key(t.region, t.entity, t.indicator, t.year));
        for (let a = 0; a < ts.length; a++) {
          expect(yearOfKey(ks[a])).toBe(ts[a].year);
          for (let b = 0; b < ts.length; b++) expect(ks[a] === ks[b]).toBe(text(ts[a]) === text(ts[b]));
        }
      }),
    );
  });
});
