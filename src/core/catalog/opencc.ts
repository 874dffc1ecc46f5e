// OpenCC's HK/TW → simplified conversion, and which texts it can change. Its converter replaces the longest
// source text of its dictionaries found at each place, and nothing else: a text that holds no source text is
// returned as it is. So such a text skips the converter, and the converter (its dictionaries read into tries)
// is built only for a text that holds one; 10,000 new indicator names of a pack mostly hold none.
type OpenCCModule = typeof import("opencc-js/t2cn");

/** The source texts of a conversion's dictionaries, and the longest of them from each first character. */
interface Sources {
  texts: Set<string>;
  /** Per code unit of the BMP, the length of the longest text starting with it (0: none does). */
  longestFrom: Uint8Array;
  /** The same for texts starting with an astral code point. */
  astral: Map<number, number>;
}

const held: { module?: OpenCCModule; t2s?: (s: string) => string; sources?: Sources | null } = {};

function openCC(): OpenCCModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (held.module ??= require("opencc-js/t2cn") as OpenCCModule);
}

/** HK/TW → simplified by OpenCC's Converter({ from: "hk", to: "cn" }) (ask canChange first: it may skip). */
export function convertHkToCn(s: string): string {
  held.t2s ??= openCC().Converter({ from: "hk", to: "cn" });
  return held.t2s(s);
}

/** Does the text hold a source text of the conversion's dictionaries (true when they cannot be read)? */
export function canChange(s: string): boolean {
  if (held.sources === undefined) held.sources = readSources(openCC());
  const src = held.sources;
  if (!src) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const longest = c < 0xd800 || c > 0xdfff ? src.longestFrom[c] : (src.astral.get(s.codePointAt(i)!) ?? 0);
    for (let n = 1; n <= longest && i + n <= s.length; n++) if (src.texts.has(s.slice(i, i + n))) return true;
  }
  return false;
}

/**
 * The source texts of the hk → cn conversion (the config Converter picks: hk2s), its normalization and
 * conversion dictionaries; null when this version of opencc-js keeps them otherwise (every text converts).
 */
function readSources(m: OpenCCModule): Sources | null {
  const config = (m.Locale?.configs as Record<string, Record<string, unknown>> | undefined)?.hk2s;
  if (!config || !Array.isArray(config.conversionChain)) return null;
  const src: Sources = { texts: new Set(), longestFrom: new Uint8Array(0x10000), astral: new Map() };
  let long = false;
  const add = (text: string) => {
    src.texts.add(text);
    const c = text.codePointAt(0)!;
    const n = text.length;
    if (n > 255) long = true; // more than a Uint8Array holds: then every text converts
    if (c > 0xffff) src.astral.set(c, Math.max(src.astral.get(c) ?? 0, n));
    else src.longestFrom[c] = Math.max(src.longestFrom[c], n);
  };
  const ok = [config.normalizationChain ?? [], config.conversionChain].every((chain) => readDicts(chain, add));
  return ok && !long ? src : null;
}

/** Each source text of a chain of dictionary groups (a dictionary: "from to|from to…" or [from, to] pairs). */
function readDicts(d: unknown, add: (text: string) => void): boolean {
  if (typeof d === "string") {
    for (const entry of d.split("|")) {
      const text = entry.split(" ")[0];
      if (text) add(text);
    }
    return true;
  }
  if (!Array.isArray(d)) return false;
  // A [from, to] pair, not a group of two dictionaries (a dictionary's entries hold a space).
  const [from, to] = d as unknown[];
  if (d.length === 2 && typeof from === "string" && typeof to === "string" && from && !from.includes(" ")) {
    if (!to.includes(" ")) {
      add(from);
      return true;
    }
  }
  return d.every((x) => readDicts(x, add));
}
