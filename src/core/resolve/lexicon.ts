// The words that carry meaning in a Chinese indicator name, each with the facet it sets. The parser
// (meaning.ts) reads a name as a sequence of these words; a character no word covers is a word it does
// not know, and an unknown word is never ignored. Surfaces are folded (simplified, half-width, lower case)
// and R&D is already 研发.
//
// Categories:
//   subject  what is counted or measured (高新技术企业, 发明专利, 研发经费)
//   scope    the population a subject is taken from (规上, 工业企业 before another subject)
//   aspect   which figure of the subject (增加值, 产值, 营业收入, 金额, 拥有量, 申请量)
//   tier     国家级, 省级, 市级, with "+" for 以上
//   measure  increment (新增), cumulative (累计), per_year (每年), growth (增速), share (比重), multiple (倍增)
//   density  per 10 000 people, per million, per capita
//   denom    a share's denominator (GDP, 规上工业增加值, 营业收入), after 占 / 与 … 之比 / "/"
//   neutral  words that change nothing (全市, 数量, verbs such as 引进, 建设)
//   joiner   和 与 及 、 或: parts of a combined target
import { coreMessage } from "../messages";
export type WordKind =
  | "subject"
  | "scope"
  | "aspect"
  | "tier"
  | "measure"
  | "density"
  | "denom"
  | "neutral"
  | "joiner"
  | "occupy" // 占 (… 比重)
  | "ratio" // 之比
  | "intensity"; // 强度: a share of GDP, or of revenue for enterprises

export interface Word {
  kind: WordKind;
  /** The canonical value: a subject's name, a tier, a measure, a denominator. */
  value: string;
}

type Table = Record<string, string[]>;

/** Subjects: canonical name → the surfaces that mean exactly it (true synonyms only). */
const SUBJECTS: Table = {
  高新技术企业: [
    "高新技术企业",
    "高企",
    "国家高新技术企业",
    "国家级高新技术企业",
    "高新企业",
    "国家高新企业",
  ],
  科技型中小企业: [
    "科技型中小企业",
    "国家科技型中小企业",
    "入库科技型中小企业",
    "评价入库科技型中小企业",
    "入库国家科技型中小企业",
    "科技中小企业",
    "科小",
    "科技型中小",
  ],
  科技型企业: ["科技型企业"],
  工业企业: ["工业企业"],
  企业: ["企业"],
  研发经费: [
    "研发经费",
    "研发投入",
    "研发经费投入",
    "研发经费支出",
    "研发支出",
    "研发经费内部支出",
    "研发",
    "研究与试验发展经费",
    "研究与试验发展经费支出",
    "研究与试验发展经费投入",
    "研究与试验发展",
    "研究开发投入",
    "研究开发经费",
  ],
  发明专利: ["发明专利", "专利发明"],
  高价值发明专利: ["高价值发明专利", "高价值专利"],
  专利: ["专利"],
  重点实验室: ["重点实验室"],
  省实验室: ["省实验室", "广东省实验室"],
  实验室: ["实验室"],
  工程实验室: ["工程实验室"],
  新型研发机构: ["新型研发机构"],
  研发机构: ["研发机构"],
  企业研究开发中心: ["企业研究开发中心", "企业研发中心"],
  工程技术研究中心: ["工程技术研究中心", "工程技术中心", "工程中心"],
  创新平台: ["创新平台", "科技创新平台"],
  科研创新平台: ["科研创新平台"],
  分支机构: ["分支机构"],
  孵化器: ["孵化器", "科技企业孵化器", "科技孵化器"],
  众创空间: ["众创空间"],
  加速器: ["加速器", "科技企业加速器"],
  孵化载体: ["孵化载体", "科技孵化载体", "孵化育成载体"],
  科技园区: ["科技园区"],
  创新创业公共平台: ["创新创业公共平台", "双创公共平台"],
  科技创新服务平台: ["科技创新服务平台", "科技服务平台", "科技创新公共服务平台"],
  中试基地: ["中试基地", "科技成果中试基地", "成果中试基地"],
  国家重大科技基础设施: ["国家重大科技基础设施", "重大科技基础设施"],
  数字经济核心产业: ["数字经济核心产业"],
  数字经济: ["数字经济"],
  高技术制造业: ["高技术制造业"],
  高技术产业: ["高技术产业"],
  高新技术产业: ["高新技术产业", "高新产业"],
  高新技术产品: ["高新技术产品"],
  产业集群: ["产业集群", "集群"],
  智能家居: ["智能家居"],
  电子信息: ["电子信息", "新一代电子信息"],
  装备制造: ["装备制造"],
  健康医药: ["健康医药", "生物医药与健康"],
  专业镇: ["专业镇"],
  经济: ["经济"],
  创新团队: ["创新团队", "创新科研团队", "科研创新团队"],
  创新创业团队: ["创新创业团队"],
  科研团队: ["科研团队"],
  领军人才: ["领军人才", "科技创新领军人才", "科技领军人才"],
  高端人才: ["高端人才"],
  院士: ["院士"],
  诺贝尔奖得主: ["诺贝尔奖得主"],
  专职科研人员: ["专职科研人员", "专职科研团队"],
  研发人才: ["研发人才"],
  人才: ["人才", "人才资源"],
  大学生: ["大学生", "高校毕业生"],
  关键技术: ["关键技术"],
  重大技术难题: ["重大科技技术难题", "重大技术难题", "重大科技难题"],
  科技成果转化项目: ["科技成果转化项目", "科技成果转化", "成果转化项目"],
  骨干企业: ["骨干企业"],
  工业互联网应用: ["工业互联网建设及应用", "工业互联网建设和应用", "工业互联网"],
  农业示范基地: ["优良品种、先进技术示范基地", "优良品种先进技术示范基地", "农业示范基地"],
  示范基地: ["示范基地"],
  优良品种: ["优良品种"],
  公民科学素质: ["公民科学素质", "科学素质", "基本科学素质"],
  公民: ["公民"],
  高新区: ["高新区", "高新技术产业开发区"],
  产业园区: ["产业园区"],
  转型: ["转型"],
  人才交流活动: ["人才交流活动"],
  校企合作: ["校企合作", "校企"],
  校地合作: ["校地合作", "校地"],
  技术合同: ["技术合同", "技术市场合同", "技术市场", "技术交易", "技术成交"],
};

const SCOPES: Table = {
  规上: ["规模以上", "规上"],
  高层次: ["高层次"],
  高水平: ["高水平"],
  "10亿元以上": ["10亿元规模以上", "十亿元规模以上", "10亿元以上", "十亿元以上"],
};

const ASPECTS: Table = {
  增加值: ["增加值"],
  产值: ["产值", "总产值"],
  营业收入: ["营业收入", "主营业务收入", "营收"],
  金额: [
    "额", // 技术交易额: any X额 is an amount (longer surfaces such as 交易额 are read first)
    "交易额",
    "成交额",
    "合同额",
    "登记额",
    "认定登记额",
    "成交金额",
    "交易金额",
    "合同成交额",
    "合同交易额",
    "成交总额",
    "交易总额",
  ],
  拥有量: ["拥有量", "拥有", "保有量", "存量"],
  // A headcount: the figure of a people indicator, never a count of teams or institutions.
  人数: ["人数"],
  申请量: ["申请量", "申请数"],
  授权量: ["授权量", "授权数"],
  利润: ["利润", "利润总额"],
};

const TIERS: Table = {
  国家级: ["国家级", "国家"],
  省级: ["省级", "省"],
  市级: ["市级"],
  区级: ["区级", "县级", "县区级"],
};
/** Tier words followed by one of these mean "this tier or above". */
export const ABOVE = ["以上", "及以上", "(含)以上", "含以上"];

const MEASURES: Table = {
  // 引进 (attracting from elsewhere) adds, like 新增; for a flow (引进研发人才) the bare name is the same figure.
  increment: [
    "新增",
    "净增",
    "新认定",
    "新引进",
    "新建",
    "新培育",
    "新获批",
    "增加",
    "新设立",
    "引进",
    "引进培育",
  ],
  cumulative: ["累计", "累计新增"],
  per_year: ["每年", "年均新增", "每年新增", "年新增"],
  growth: [
    "年均增速",
    "年均增长率",
    "年均增长",
    "年均增幅",
    "增速",
    "增长率",
    "增幅",
    "增长",
    "同比增长",
    "同比",
    "年增长率",
    "年均",
  ],
  share: ["比重", "占比", "比例", "覆盖率", "覆盖面", "份额", "的比重", "的比例"],
  multiple: ["倍增", "翻番", "翻一番", "倍数", "实现倍增", "实现翻番"],
};

const DENSITIES: Table = {
  每万人: ["每万人口", "每万人", "万人口", "万人", "每万人拥有"],
  每百万人: ["每百万人口", "每百万人", "百万人口", "百万人"],
  每十万人: ["每十万人口", "每十万人", "十万人"],
  人均: ["人均"],
  每个主导产业: ["每个主导产业", "每一个主导产业"],
};

const DENOMS: Table = {
  GDP: ["gdp", "地区生产总值", "生产总值", "国内生产总值", "全市生产总值", "全区生产总值", "全县生产总值"],
  规上工业增加值: ["规模以上工业增加值", "规上工业增加值", "工业增加值"],
  规上工业产值: [
    "规模以上工业产值",
    "规上工业产值",
    "规模以上工业总产值",
    "规上工业总产值",
    "工业总产值",
    "工业产值",
  ],
  公共财政支出: ["公共财政支出", "一般公共预算支出", "财政支出"],
};

const NEUTRAL = [
  // where: the region itself
  "全市",
  "全区",
  "全县",
  "全省",
  "本市",
  "本区",
  "我市",
  "我区",
  "全社会",
  "各类",
  // how many: a count is a count
  "数",
  "数量",
  "总数",
  "个数",
  "数目",
  "家数", // 高新技术企业家数
  "次数",
  "项数",
  "总量",
  "规模",
  "总规模",
  // verbs that say how a target is reached, not what is counted
  "建设",
  "建成",
  "创建",
  "打造",
  "布局",
  "推动",
  "开展",
  "突破",
  "攻克",
  "举办",
  "推广",
  "组建",
  "设立",
  "建有",
  "具备",
  "登记",
  "深度",
  "有效", // 有效高新技术企业: those whose certificate is valid — all of them
  "有效期内",
  "同期", // 占同期GDP
  "目标值", // 高新技术企业数目标值: the row is the target itself
  "目标",
  "名义", // 名义增长: at current prices, as every plan's rate
  "入库", // 科技型中小企业入库数
  "评价入库",
  "认定登记",
  "深度合作",
  "合作",
  "达到",
  "实现",
  "的",
  "等",
];
/**
 * Kinds of a subject that its name does not end with (a name ending with the subject, 高端人才, is a kind
 * already). A narrower kind never answers the broader name; it makes that name ambiguous.
 */
export const KINDS: Readonly<Record<string, string[]>> = {
  人才: ["大学生", "院士", "诺贝尔奖得主", "专职科研人员"],
};

const JOINERS = ["和", "与", "及", "、", "或", "以及"];

function add(map: Map<string, Word>, kind: WordKind, table: Table) {
  for (const [value, surfaces] of Object.entries(table))
    for (const s of surfaces) setWord(map, s, { kind, value });
}

function setWord(map: Map<string, Word>, surface: string, w: Word) {
  const prev = map.get(surface);
  if (prev && (prev.kind !== w.kind || prev.value !== w.value))
    throw new Error(
      coreMessage({
        reason: "lexiconConflict",
        surface,
        first: `${prev.kind}:${prev.value}`,
        second: `${w.kind}:${w.value}`,
      }),
    );
  map.set(surface, w);
}

function build(): Map<string, Word> {
  const m = new Map<string, Word>();
  add(m, "subject", SUBJECTS);
  add(m, "scope", SCOPES);
  add(m, "aspect", ASPECTS);
  add(m, "tier", TIERS);
  add(m, "measure", MEASURES);
  add(m, "density", DENSITIES);
  add(m, "denom", DENOMS);
  for (const s of NEUTRAL) setWord(m, s, { kind: "neutral", value: "" });
  for (const s of JOINERS) setWord(m, s, { kind: "joiner", value: "" });
  setWord(m, "占", { kind: "occupy", value: "" });
  setWord(m, "之比", { kind: "ratio", value: "" });
  setWord(m, "/", { kind: "occupy", value: "/" });
  setWord(m, "比", { kind: "ratio", value: "" });
  setWord(m, "强度", { kind: "intensity", value: "" });
  setWord(m, "投入强度", { kind: "intensity", value: "" });
  setWord(m, "经费投入强度", { kind: "intensity", value: "" });
  for (const a of ABOVE) setWord(m, a, { kind: "tier", value: "+" });
  return m;
}

export const WORDS: ReadonlyMap<string, Word> = build();

/** Surfaces that stand for two words: 有效发明专利 is the stock (拥有量) of invention patents. */
export const COMPOUNDS: ReadonlyMap<string, Word[]> = new Map([
  [
    "有效发明专利",
    [
      { kind: "aspect", value: "拥有量" },
      { kind: "subject", value: "发明专利" },
    ],
  ],
  // 占规上工业比重: the share of 规上工业增加值 (规上工业 alone would swallow 规上工业企业's words).
  ...["占规上工业比重", "占规模以上工业比重"].map(
    (s) =>
      [
        s,
        [
          { kind: "occupy", value: "" },
          { kind: "denom", value: "规上工业增加值" },
          { kind: "measure", value: "share" },
        ],
      ] as [string, Word[]],
  ),
  [
    "有效高价值发明专利",
    [
      { kind: "aspect", value: "拥有量" },
      { kind: "subject", value: "高价值发明专利" },
    ],
  ],
] as [string, Word[]][]);

export const MAX_WORD = Math.max(...[...WORDS.keys(), ...COMPOUNDS.keys()].map((k) => k.length));

/** Every surface of the lexicon (OpenCC's fast path treats their characters as simplified already). */
export const LEXICON_SURFACES: readonly string[] = [...WORDS.keys(), ...COMPOUNDS.keys()];
