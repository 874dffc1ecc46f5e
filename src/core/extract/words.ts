// Targets stated in words, with the value a word rule implies: 翻番 / 倍增 = 2 倍, 翻两番 = 4 倍,
// 全覆盖 = 100 %, 零的突破 = 1, 至少一个 = 1.
import type { Comparison, TargetKind } from "../catalog/schema";
import { AT_LEAST_AFTER, PROGRAMME_AFTER } from "./patterns";

export interface WordHit {
  start: number;
  end: number;
  value: number;
  unit: string;
  kind: TargetKind;
  comparison: Comparison;
  word: string;
  /** Text between the word and its noun that belongs to the indicator (至少【创建】一个平台). */
  verb: string;
}

interface WordRule {
  re: RegExp;
  read(
    m: RegExpMatchArray,
    rest: string,
  ): Omit<WordHit, "start" | "end" | "word" | "verb"> & { verb?: string };
}

const RULES: WordRule[] = [
  {
    re: /翻(?:一|1)?番|倍增/g,
    read: () => ({ value: 2, unit: "倍", kind: "multiple", comparison: "reach" }),
  },
  {
    re: /翻(?:两|二|2)番/g,
    read: () => ({ value: 4, unit: "倍", kind: "multiple", comparison: "reach" }),
  },
  {
    re: /全覆盖/g,
    read: () => ({ value: 100, unit: "%", kind: "share", comparison: "reach" }),
  },
  {
    re: /零的突破|零突破/g,
    read: () => ({ value: 1, unit: "", kind: "milestone", comparison: "at_least" }),
  },
  {
    re: /至少([^\d,;。、]{0,4}?)(?:一|1)(个|家|项|件|所|名|座|位)/g,
    read: (m) => ({ value: 1, unit: m[2], kind: "level", comparison: "at_least", verb: m[1] }),
  },
];

export function findWordTargets(clause: string): WordHit[] {
  const out: WordHit[] = [];
  for (const rule of RULES)
    for (const m of clause.matchAll(rule.re)) {
      const end = m.index + m[0].length;
      const rest = clause.slice(end);
      if (PROGRAMME_AFTER.test(rest)) continue; // 倍增计划: a programme's name
      const hit = rule.read(m, rest);
      const floor = AT_LEAST_AFTER.exec(rest); // 翻一番以上
      const comparison = floor ? "at_least" : hit.comparison;
      const at = { start: m.index, end: end + (floor ? floor[0].length : 0), word: floor ? floor[0] : m[0] };
      out.push({ ...hit, comparison, verb: hit.verb ?? "", ...at });
    }
  return out.sort((a, b) => a.start - b.start);
}

// 零的突破 has no unit in the text: the noun says what is counted.
const NOUN_UNITS: [RegExp, string][] = [
  [/(?:实验室|中心|企业|机构|平台|基地|孵化器|空间|研究院|工作站|园区|高新区|园)$/, "家"],
  [/(?:团队|项目|集群)$/, "个"],
  [/(?:专利|成果|标准)$/, "件"],
  [/(?:人才|院士|专家|博士)$/, "人"],
  [/(?:奖|奖项|技术)$/, "项"],
];

export function unitForNoun(noun: string): string {
  for (const [re, unit] of NOUN_UNITS) if (re.test(noun)) return unit;
  return "个";
}
