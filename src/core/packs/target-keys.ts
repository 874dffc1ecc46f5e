// A key per (region, entity, indicator, year), for the maps that find two targets of one place, indicator and
// year (a pack's own duplicates, an import's conflicts). A number where it can be one: no text to build and hash
// for each of 50,000 targets.

const INDICATORS = 2 ** 20;
const YEARS = 2 ** 12;
const REGIONS = 2 ** 16; // 16 + 20 + 12 bits: below 2^53, every such key an exact number

/** Keys of one map: equal exactly when region, entity (null and "" alike), indicator and year are. */
export class TargetKeys {
  private readonly regions = new Map<string, number>();
  private readonly indicators = new Map<string, number>();

  key(region: string, entity: string | null, indicator: string, year: number): string | number {
    if (!entity && Number.isInteger(year) && year >= 0 && year < YEARS) {
      const r = numberOf(this.regions, region);
      const i = numberOf(this.indicators, indicator);
      if (r < REGIONS && i < INDICATORS) return (r * INDICATORS + i) * YEARS + year;
    }
    return `${region}|${entity ?? ""}|${indicator}|${year}`;
  }
}

/** The year of a key TargetKeys gave. */
export function yearOfKey(key: string | number): number {
  return typeof key === "number" ? key % YEARS : Number(key.slice(key.lastIndexOf("|") + 1));
}

function numberOf(numbers: Map<string, number>, id: string): number {
  let n = numbers.get(id);
  if (n === undefined) numbers.set(id, (n = numbers.size));
  return n;
}
