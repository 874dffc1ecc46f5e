// The word lists of Chinese plan language the extractor reads (on NFKC + simplified text). Rules, not data:
// nothing here names a region, a plan or an indicator of the bundled seeds.

/** An Arabic number as plans write it: 600, 2.5, 1,234 (a thousands separator is followed by 3 digits). */
export const NUMBER = String.raw`\d+(?:,\d{3}(?!\d))*(?:\.\d+)?`;

// Count and measure words. Longer spellings first so 万人次 wins over 万人 and 人.
const BASE_UNITS = [
  "吨标准煤",
  "微克/立方米",
  "个百分点",
  "百分点",
  "平方公里",
  "平方米",
  "立方米",
  "千瓦时",
  "标准箱",
  "人民币",
  "美元",
  "人次",
  "人年",
  "场次",
  "公里",
  "千瓦",
  "兆瓦",
  "元",
  "家",
  "个",
  "项",
  "件",
  "人",
  "名",
  "位",
  "次",
  "所",
  "座",
  "台",
  "套",
  "种",
  "篇",
  "户",
  "亩",
  "吨",
  "条",
  "处",
  "支",
  "场",
  "届",
  "部",
  "款",
  "辆",
  "张",
  "床",
  "倍",
];
/**
 * A count word that is the first character of a longer word is not a unit: 14部门 is not 14部, 3名单 not 3名.
 */
const NOT_UNIT_AFTER = "门|单|称|置|例|室";
/** A unit as written: a magnitude (万, 亿 …) and a count or measure word, or a per-cent sign. */
// 万亿, 千亿, 百亿 before 万, 亿, 千 and 百: the longest magnitude wins (34万亿元 is 34 万亿元, not unitless).
export const UNIT = String.raw`%|‰|(?:万亿|千亿|百亿|十万|百万|千万|万|亿|千|百)?(?:${BASE_UNITS.join("|")})(?!${NOT_UNIT_AFTER})`;

/** Words that put the value as a floor or a ceiling, after the number. */
export const AT_LEAST_AFTER = /^(?:及以上|或以上|以上)/;
export const ABOUT_AFTER = /^(?:左右|上下)/;
/** A ceiling after the number (5%以下, 控制在3%以内): a floor of a lower-is-better target (direction "lower"). */
export const AT_MOST_AFTER = /^(?:及以下|或以下|以下|以内)/;
/**
 * A ceiling or a fall before the number: 不超过 / 不高于 a floor of a lower-is-better target; 控制在, 下降到 the
 * value itself. 下降 / 降低 without 到 states a fall by a share of the base (下降13.5%), see FALL_BY.
 */
export const CEILING_BEFORE: { re: RegExp; comparison: "at_least" | "reach" }[] = [
  { re: /(?:不超过|不高于|不多于|最多)$/, comparison: "at_least" },
  { re: /(?:控制在|下降到|下降至|降低到|降低至|降至|降到|减少到|减少至)$/, comparison: "reach" },
];
export const FALL_BY = /(?:下降|降低|减少)(?:了)?$/;

/** Comparison words just before the number, longest first; the last one found wins. */
export const BEFORE_WORDS: { re: RegExp; comparison: "at_least" | "more_than" | "about" | "reach" }[] = [
  { re: /(?:不低于|不少于|至少|最少)$/, comparison: "at_least" },
  { re: /(?:超过|突破|高于|大于|多于|超出|逾|超)$/, comparison: "more_than" },
  { re: /(?:达到约|约|大约|接近|近)$/, comparison: "about" },
  {
    re: /(?:达到|达|为|增至|增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上升到|上升至|保持在|稳定在|扩大到|扩大至|实现)$/,
    comparison: "reach",
  },
];

/** Hedges: the target is aimed at, not promised. They hold until the end of the sentence. */
export const HEDGE = /力争|争取|力求/;

/** An annual growth rate. */
export const GROWTH = /(?:年均|年平均|平均每年|每年平均|年)(?:增长|增速|增幅|提高|递增|提升)|增速/;
/** A growth without 年均: a change over the whole period, to be checked by a person. */
export const PLAIN_GROWTH = /(?:增长|提高|提升|增加|增幅)(?:达到|达)?$/;
export const PER_YEAR = /每年|年均新增|每年新增/;
export const CUMULATIVE = /累计|新增|新引进|新培育|新认定/;
export const SHARE_WORDS = /比重|占比|比例|强度|覆盖率|率|之比|\/GDP|占.{0,16}(?:的)?份额/;

/** Page chrome of a web capture just before a number: 点击:32, 浏览次数 12, 阅读:36. Never a target. */
export const PAGE_CHROME_BEFORE =
  /(?:点击|点击数|点击量|点击率|浏览|浏览量|浏览次数|阅读|阅读量|阅读数|访问量|访问次数|评论|转发|点赞|收藏|分享)\s*(?:数)?\s*[:：]?\s*$/;

/** Just before a number: an ordinal, a rank, a table or section number. Never a target. */
export const ORDINAL_BEFORE = /(?:第|前|排名|排位|位居|居|名列|表|图|专栏|附件|附表|序号|编号|No\.?|#)$/i;
/** A verb that aims at a rank, then 第/前 (提升到2020年的第15名, 跃居全省前40位); group 1 is the area ranked in. */
export const RANK_AIM = new RegExp(
  String.raw`(?:提升到|提升至|提高到|提高至|上升到|上升至|升至|跃居|跃升至|跃升到|进入|迈入|稳居|保持|达到)` +
    String.raw`\s*(全国|全省|全市|全区|全县|世界|全球|国内|省内|市内)?\s*(?:(?:19|20)\d\d\s*年的?)?\s*(?:第|前)$`,
);
/** 进入全国18名以内: a place within N, aimed at, is a rank target too (without 第 or 前); group 1 the area. */
export const WITHIN_RANK =
  /(?:进入|跃居|跃升至|保持|稳居|位居|迈入)\s*(全国|全省|全市|全区|全县|世界|全球)?\s*$/;
/** A document number: 〔2021〕5号, [2021]5号, 2021年第5号. */
export const DOC_NUMBER = /[〔[(]\s*(?:19|20)\d\d\s*[〕\])]\s*\d+\s*号/g;

/** Nouns that make a count a description of the document itself ("3个方面", "14个指标"). */
export const META_NOUNS =
  /(?:方面|方向|领域|任务|重点|举措|措施|工程|行动|原则|定位|要求|目标|指标|阶段|环节|步骤|板块|主线|部分|维度|层次|类别|批次|篇章|章节|条款|体系|机制|格局|理念|功能|战略|路径)$/;
/** After a number and unit: the amount qualifies the noun (10亿元规模以上的企业, 1亿元的项目). */
// Not 的目标 / 的任务: 达到800家的目标 states the target itself.
export const QUALIFIER_AFTER = /^(?:以上|以下)?(?:规模|级|量级|的(?!目标|任务))/;
/** After a word rule: the word names a programme, not a target (倍增计划). */
// Not 目标: 实现翻番目标 states the target (the 的目标 phrasing). A closing quote may come first (“双倍增”行动计划).
export const PROGRAMME_AFTER = /^[”"’」』]?\s*(?:计划|工程|行动|专项|方案|战略|工作|政策)/;

/** A past actual: the clause says it already happened (已建成, 已达到, 2015年以来). */
// 拥有 after 每万人(口) names a density (每万人拥有有效发明专利), not what exists now.
// A year-on-year comparison (比去年同期, 同比, 较上年), 据统计 and a verb with 了 (增加到了, 达到了) report actuals too.
export const PAST_CLAUSE =
  /已|以来|目前|当前|现阶段|现有|共有|(?<![人口])拥有(?!量|率)|同期|同比|[较比](?:去|上)年|据统计|(?:达到|增加到|增长到|提高到|提升到|增至|增加|提高|突破|实现|完成|聚集|汇聚|覆盖|建成)了|完成.{0,6}目标/;
/** Just before the number: what exists now, not what is planned (依托9个园区, 拥有2家). */
export const PAST_VERB_BEFORE = /(?:依托|现有|已有|拥有|共有|现已)$/;

// Verbs whose object is what is counted: 引进2家…, 建设…10家 reads the noun before, 培育2-3家… the noun after.
export const ACTION =
  "引进|引育|引进培育|建设|建成|完善|建成完善|培育|打造|创建|布局|布局建设|谋划建设|推广|攻克|突破|举办|开展|新增|设立|组建|认定|支持|扶持|推动|实施|完成|形成|集聚|新建|孵化|带动|招引|吸引|服务|资助|认证|建立|搭建|承担|获得|申请|培养|引入|落地|落户|依托|拥有|现有|共有";
export const ADVERBS = "累计|每年|年均|新|再|共|力争|争取|积极|重点|全力|大力|加快";

/** Leading words trimmed off an indicator phrase. */
export const LEAD_TRIM =
  /^(?:(?:力争|争取|努力|力求|确保|推动|积极|全力|预计|计划|要|将|使|并|且|和|及|同时|其中|另外|此外|实现|全市|全区|全县|全省|全镇|本市|本区|我市|我区|我县|届时)\s*)+/;
/** Trailing words trimmed off an indicator phrase (the comparison, the verb that carries the value). */
export const TAIL_TRIM =
  /(?:(?:不超过|不高于|控制在|下降到|下降至|降低到|降低至|降至|降到|下降|降低|达到约|不低于|不少于|至少|超过|突破|达到|达|为|增至|增加到|增长到|提高到|提升到|提升至|提高至|保持在|稳定在|实现|约|分别|力争|争取|已经|已|超)\s*)+$/;

/** 十四五 → 2025: the last year of a five-year plan period. */
export const FIVE_YEAR_PLANS: Record<string, number> = {
  十一五: 2010,
  十二五: 2015,
  十三五: 2020,
  十四五: 2025,
  十五五: 2030,
  十六五: 2035,
};
