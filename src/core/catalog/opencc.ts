// OpenCC's HK/TW → simplified conversion, and which texts it can change. Its converter replaces the longest
// source text of its dictionaries found at each place, and nothing else: a text that holds no source text is
// returned as it is. So such a text skips the converter, and the converter (its dictionaries read into tries)
// is built only for a text that holds one; 10,000 new indicator names of a pack mostly hold none.
type OpenCCModule = typeof import("opencc-js/t2cn");

/** The source texts of a conversion's dictionaries, by first character. */
interface Sources {
  texts: Set<string>;
  /** First code points of the texts: a flag per code unit of the BMP; astral ones in a set. */
  first: Uint8Array;
  astral: Set<number>;
  longest: number;
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
    if (c < 0xd800 || c > 0xdfff ? !src.first[c] : !src.astral.has(s.codePointAt(i)!)) continue;
    for (let n = 1; n <= src.longest && i + n <= s.length; n++) if (src.texts.has(s.slice(i, i + n))) return true;
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
  const src: Sources = { texts: new Set(), first: new Uint8Array(0x10000), astral: new Set(), longest: 0 };
  const add = (text: string) => {
    src.texts.add(text);
    const c = text.codePointAt(0)!;
    if (c > 0xffff) src.astral.add(c);
    else src.first[c] = 1;
    src.longest = Math.max(src.longest, text.length);
  };
  const ok = [config.normalizationChain ?? [], config.conversionChain].every((chain) => readDicts(chain, add));
  return ok ? src : null;
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
