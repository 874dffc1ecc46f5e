// The extractor's rules, one sentence each, as plans write them (十五五 plan language, not only the seeds'
// sentences), and every refusal.
import { extractCandidates, type Candidate } from "../../src/core/extract";

const targets = (text: string) => extractCandidates(text).filter((c) => !c.baseline);
const baselines = (text: string) => extractCandidates(text).filter((c) => c.baseline);

/** The one target candidate in a text, and its quote checked verbatim. */
function only(text: string): Candidate {
  const all = targets(text);
  expect(all.map((c) => c.quote)).toHaveLength(1);
  const c = all[0];
  expect(text.slice(c.start, c.end)).toBe(c.quote);
  return c;
}

describe("number patterns", () => {
  it.each([
    ["到2030年，国家高新技术企业达到600家。", 600, "家"],
    ["到2030年，研发经费投入强度达到2.5%。", 2.5, "%"],
    ["到2030年，技术合同成交额达到40亿元。", 40, "亿元"],
    ["到2030年，累计引进大学生0.5万人。", 0.5, "万人"],
    ["到2030年，高新技术企业超过1,234家。", 1234, "家"],
    ["到2030年，高新技术企业达到４７０家。", 470, "家"],
    ["到２０３０年，研发经费投入强度达到２．１％。", 2.1, "%"],
    ["到2030年，每万人口高价值发明专利拥有量达到12件。", 12, "件"],
    ["到2030年，市级以上创新科研团队达80个。", 80, "个"],
    ["到2030年，全市人才资源总量达到14万人。", 14, "万人"],
  ])("%s → %d %s", (text, value, unit) => {
    expect(only(text)).toMatchObject({ value, unit, year: 2030, baseline: false });
  });

  it("a range: 1-2个 and 2～3家 give min and max, no value", () => {
    expect(only("到2030年，支持1-2个省级园区创建国家级高新区。")).toMatchObject({
      value: null,
      min: 1,
      max: 2,
      unit: "个",
      comparison: "range",
    });
    expect(only("到2030年，培育2～3家百亿级科技领军企业。")).toMatchObject({ min: 2, max: 3, unit: "家" });
  });

  it("a range of shares: 2.8%-3%", () => {
    expect(only("到2030年，研发经费投入强度达到2.8%-3%。")).toMatchObject({ min: 2.8, max: 3, unit: "%" });
  });

  it("以上 after the unit: 8家以上 is at least 8", () => {
    expect(only("到2030年，新增国家级专精特新“小巨人”企业8家以上。")).toMatchObject({
      value: 8,
      comparison: "at_least",
      comparisonWord: "以上",
    });
  });

  it("several amounts in one clause, separated by 、", () => {
    const cs = targets("到2030年，建成国家级孵化器5家、省级孵化器20家。");
    expect(cs.map((c) => [c.indicator, c.value])).toEqual([
      ["建成国家级孵化器", 5],
      ["省级孵化器", 20],
    ]);
  });

  it("分别 gives each name its amount", () => {
    const cs = targets("到2030年，全市专利授权量、有效发明专利拥有量分别达到8000件、2.5万件。");
    expect(cs.map((c) => [c.indicator, c.value, c.unit])).toEqual([
      ["专利授权量", 8000, "件"],
      ["有效发明专利拥有量", 2.5, "万件"],
    ]);
  });

  it("the noun after the amount when only a verb precedes it", () => {
    expect(only("到2030年，引进2家国家重大科技基础设施。").indicator).toBe("引进国家重大科技基础设施");
    expect(only("到2030年，培育2-3家10亿元规模以上的骨干企业。").indicator).toBe(
      "培育10亿元规模以上的骨干企业",
    );
  });
});

describe("comparison words", () => {
  it.each([
    ["到2030年，技术合同成交额达到100亿元。", "reach", "达到"],
    ["到2030年，技术合同成交额达100亿元。", "reach", "达"],
    ["到2030年，国家高新技术企业突破1000家。", "more_than", "突破"],
    ["到2030年，国家高新技术企业超过1000家。", "more_than", "超过"],
    ["到2030年，研发经费投入强度不低于3%。", "at_least", "不低于"],
    ["到2030年，研发经费投入强度达到3%以上。", "at_least", "以上"],
    ["到2030年，全社会研发经费投入年均增长10%左右。", "about", "左右"],
    ["到2030年，科技型中小企业达到2000多家。", "more_than", "多"],
    ["到2030年，百万人发明专利申请量1000件。", "reach", ""],
  ])("%s → %s (%s)", (text, comparison, word) => {
    expect(only(text)).toMatchObject({ comparison, comparisonWord: word });
  });
});

describe("kinds from the wording", () => {
  it.each([
    ["到2030年，全社会研发经费投入年均增长10%以上。", "growth_rate"],
    ["到2030年，全社会研发投入年均增速超过12%。", "growth_rate"],
    ["到2030年，数字经济核心产业增加值占地区生产总值比重达到15%。", "share"],
    ["到2030年，研发经费投入强度达到3.2%。", "share"],
    ["到2030年，规模以上工业企业研发机构覆盖率达到50%。", "share"],
    ["到2030年，累计引进高层次人才500人。", "cumulative"],
    ["到2030年，新增省级以上研发平台50个。", "cumulative"],
    ["每年新增1家省级以上工程实验室。", "per_year"],
    ["到2030年，国家高新技术企业达到600家。", "level"],
    ["到2030年，技术合同成交额比2025年翻一番。", "multiple"],
  ])("%s → %s", (text, kind) => {
    expect(only(text).kind).toBe(kind);
  });

  it("a growth without 年均 is a growth rate with a note to check", () => {
    const c = only("到2030年，研发人员数量增长15%。");
    expect(c.kind).toBe("growth_rate");
    expect(c.note).toContain("年均");
  });

  it("每万人拥有 and 拥有量 name a density, not what exists now", () => {
    expect(only("到2030年，每万人拥有有效发明专利达到12件。").baseline).toBe(false);
    expect(only("到2030年，万人发明专利拥有量达到20件。").baseline).toBe(false);
  });

  it("每年增长 is a growth rate and does not make the next clause per-year", () => {
    const cs = targets("到2030年，研发投入每年增长10%以上，高新技术企业达到1000家。");
    expect(cs.map((c) => c.kind)).toEqual(["growth_rate", "level"]);
  });

  it("每年 holds for the next clause of the sentence", () => {
    const cs = targets("每年举办人才交流活动2次以上，开展校企深度合作2次以上。");
    expect(cs.map((c) => c.kind)).toEqual(["per_year", "per_year"]);
  });
});

describe("word rules (implied values)", () => {
  it.each([
    ["到2030年，全市科技型企业实现倍增。", 2, "倍", "multiple"],
    ["到2030年，全市专业镇经济总量在2025年基础上实现翻番。", 2, "倍", "multiple"],
    ["到2030年，技术合同成交额翻两番。", 4, "倍", "multiple"],
    ["到2030年，规上高新技术企业研发机构全覆盖。", 100, "%", "share"],
    ["到2030年，实现国家级重点实验室零的突破。", 1, "家", "milestone"],
    ["到2030年，每个主导产业至少创建一个科研创新平台。", 1, "个", "level"],
  ])("%s → %d %s", (text, value, unit, kind) => {
    expect(only(text)).toMatchObject({ value, unit, kind, implied: true });
  });

  it("翻一番以上 is at least 2 times; 增长1倍 is 2 times the base, with a note", () => {
    expect(only("到2030年，技术合同成交额翻一番以上。")).toMatchObject({ value: 2, comparison: "at_least" });
    const c = only("到2030年，技术合同成交额比2025年增长1倍。");
    expect(c).toMatchObject({ value: 2, unit: "倍", kind: "multiple" });
    expect(c.note).toContain("增长1倍");
    expect(only("到2030年，技术合同成交额达到2025年的2倍。").value).toBe(2);
  });

  it("倍增计划 names a programme, not a target", () => {
    expect(targets("实施科技型企业倍增计划，推动企业上规模。")).toEqual([]);
  });
});

describe("hedges", () => {
  it("力争 and 争取 hold until the end of the sentence", () => {
    const cs = targets(
      "到2030年，争取实现高新技术企业超过3500家，规模以上工业企业设立研发机构比例达40%。省级重点实验室达12家。",
    );
    expect(cs.map((c) => c.hedged)).toEqual([true, true, false]);
    expect(only("力争到2028年，规模以上工业企业研发机构覆盖率达到45%。")).toMatchObject({
      hedged: true,
      year: 2028,
    });
  });
});

describe("the year scope", () => {
  it("到2030年 carries across the paragraph's clauses and sentences until another year", () => {
    const cs = targets(
      "到2030年，高新技术企业达到1000家。技术合同成交额达到100亿元。到2027年，研发投入强度达到3%。",
    );
    expect(cs.map((c) => c.year)).toEqual([2030, 2030, 2027]);
  });

  it("至2030年 and 2030年 set the scope too", () => {
    expect(only("至2030年，高新技术企业达到1000家。").year).toBe(2030);
    const cs = targets("到2027年，研发投入强度达到3%。\n2030年，高新技术企业达到1000家。");
    expect(cs.map((c) => c.year)).toEqual([2027, 2030]);
  });

  it("a new paragraph or heading starts afresh: the year is the document's usual 到20XX年, marked so", () => {
    const c = targets(
      "一、总体目标\n到2030年，创新能力显著提升。\n二、具体目标\n高新技术企业达到1000家。",
    )[0];
    expect(c).toMatchObject({ year: 2030, yearFrom: "document" });
  });

  it("a document without any year gives a null year", () => {
    expect(only("高新技术企业达到1000家。").year).toBeNull();
  });

  it("十五五 in the title is the year when nothing else says", () => {
    expect(only("某市“十五五”科技创新规划\n高新技术企业达到1000家。").year).toBe(2030);
  });

  it("traditional characters: folded for the rules, quoted as written", () => {
    const c = only("到2022年，引進2家國家重大科技基礎設施。");
    expect(c).toMatchObject({ value: 2, unit: "家", year: 2022, quote: "引進2家國家重大科技基礎設施" });
    const h = targets("到2022年，力爭布局建設1家省實驗室。")[0];
    expect(h).toMatchObject({
      hedged: true,
      indicator: "布局建设省实验室",
      quote: "力爭布局建設1家省實驗室",
    });
  });
});

describe("historical actuals are baselines, never targets", () => {
  it.each([
    ["到2030年，高新技术企业达到1000家。2024年，全市高新技术企业达到470家。", 470, 2024],
    ["到2030年，高新技术企业达到1000家。全市高新技术企业数量由2020年的312家增长到2024年的470家。", 312, 2020],
    ["规划基年为2025年。到2030年，高新技术企业达到1000家。2025年研发投入强度为2.1%。", 2.1, 2025],
    ["到2030年，高新技术企业达到1000家。“十四五”期间，全市累计新增省级以上创新平台85个。", 85, 2025],
    ["到2030年，高新技术企业达到1000家。截至2024年底，全市有效发明专利达到1.2万件。", 1.2, 2024],
  ])("%s", (text, value, year) => {
    expect(targets(text).map((c) => c.value)).toEqual([1000]);
    expect(baselines(text)).toContainEqual(expect.objectContaining({ value, year, baseline: true }));
  });

  it("already done (已, 目前, 依托, 拥有) is a baseline without a year", () => {
    for (const text of [
      "到2030年，目前全市拥有高新技术企业470家。",
      "到2030年，依托9个省级以上产业园区发展特色产业。",
      "到2030年，全市已建成省级重点实验室12家。",
      "到2030年，全市现有高新技术企业1200家。",
    ]) {
      expect(targets(text)).toEqual([]);
      expect(baselines(text)[0]).toMatchObject({ baseline: true, year: null });
    }
  });

  it("由2025年的9.8件提高到16件: the past year dates the first value only; the target keeps the scope", () => {
    const cs = extractCandidates(
      "到2030年，每万人口高价值发明专利拥有量由2025年的9.8件提高到16件，技术合同成交额达到300亿元。",
    );
    expect(cs.map((c) => [c.value, c.year, c.baseline])).toEqual([
      [9.8, 2025, true],
      [16, 2030, false],
      [300, 2030, false],
    ]);
    const up = extractCandidates("研发投入强度从2025年的2.6%提升至2030年的3.2%。");
    expect(up.map((c) => [c.value, c.year, c.baseline, c.comparisonWord])).toEqual([
      [2.6, 2025, true, ""],
      [3.2, 2030, false, "提升至"],
    ]);
  });

  it("由2015年的81家增长到2020年的312家: the second amount keeps the first's indicator", () => {
    const cs = baselines(
      "到2025年，高新技术企业达到600家。全市高新技术企业数量由2015年的81家增长到2020年的312家。",
    );
    expect(cs.map((c) => [c.indicator, c.value, c.year])).toEqual([
      ["高新技术企业数量", 81, 2015],
      ["高新技术企业数量", 312, 2020],
    ]);
  });
});

describe("ceilings and falls: a lower-is-better target (issue 26)", () => {
  it.each([
    ["以下 after the number", "到2025年，单位GDP能耗控制在5%以下。", 5, "at_least", "以下"],
    ["以内 after the number", "到2025年，安全事故发生率控制在3%以内。", 3, "at_least", "以内"],
    ["不超过 before the number", "到2025年，万元工业增加值用水量不超过20立方米。", 20, "at_least", "不超过"],
    ["控制在 before a bare number", "到2025年，城镇调查失业率控制在5.5%。", 5.5, "reach", "控制在"],
    ["以内 after 吨标准煤", "到2025年，单位GDP能耗控制在0.5吨标准煤以内。", 0.5, "at_least", "以内"],
    ["以下 after 微克/立方米", "到2025年，PM2.5浓度下降到35微克/立方米以下。", 35, "at_least", "以下"],
  ])("%s: direction lower", (_what, text, value, comparison, word) => {
    expect(only(text)).toMatchObject({ value, comparison, comparisonWord: word, direction: "lower" });
  });

  it("下降13.5%: lower, with a note that the value is a fall against the base year", () => {
    const c = only("到2025年，单位地区生产总值能耗下降13.5%。");
    expect(c).toMatchObject({ value: 13.5, unit: "%", direction: "lower" });
    expect(c.note).toMatch(/比基期下降的幅度/);
  });

  it("an increase target has no direction field", () => {
    expect(only("到2025年，高新技术企业达到600家以上。").direction).toBeUndefined();
  });
});

describe("refusals", () => {
  it.each([
    ["a date", "2021年5月起施行。本规划自2026年1月1日起实施。"],
    ["a date with dashes and a time", "发布日期:2021-12-28 13:05:03"],
    ["a document number", "根据益政发〔2021〕5号文件精神，制定本方案。"],
    ["a past ranking", "研发投入强度全省排名第四，位居全省第3位，进入全国前10名。"],
    ["an ordinal", "举办第二届创新创业大赛，推进第一批试点。"],
    ["section and table numbers", "第一章 总则\n表2 主要指标\n专栏3 重大平台"],
    [
      "a count of the document's parts",
      "《规划》从3个方面提出具体发展目标，形成14个量化的预期性指标，围绕“1条主线”。",
    ],
    ["Chinese counts that are not targets", "实施五大工程，构建“一核两翼”格局，打造三个高地。"],
    ["a code or a model name", "加快5G、4K和3D打印等技术应用。"],
    ["an amount below which a noun is qualified (以下的)", "支持年营业收入1亿元以下的企业申报。"],
    ["an amount that qualifies a noun", "支持年营业收入1亿元以上的企业建设研发机构。"],
    ["a number with no unit", "实施“5321”工程和“1+1+9”工作部署，R&D投入持续增加。"],
    ["a fraction", "其中国有企业占1/2，约½家。"],
    ["a heading's title", "(二)加快高新技术企业倍增 强化企业创新主体地位。"],
    ["a title in 《》 brackets", "贯彻《关于推进3个重大平台建设的意见》精神。"],
  ])("%s", (_what, text) => {
    expect(targets(text)).toEqual([]);
  });

  it("1个产值5000亿元: the count only enumerates the amount that follows", () => {
    const cs = targets("到2025年，培育1个产值5000亿元(智能家居)、1个3000亿元(电子信息)产业集群。");
    expect(cs.map((c) => [c.value, c.unit])).toEqual([
      [5000, "亿元"],
      [3000, "亿元"],
    ]);
  });
});

describe("noise and tables", () => {
  it("a share whose % sign the capture lost is restored with a note", () => {
    const c = only("到2026年，全区R&D/GDP达到2.65机(二)特色优势产业技术领先。");
    expect(c).toMatchObject({ value: 2.65, unit: "%", kind: "share" });
    expect(c.note).toContain("%");
  });

  it("an indicator table: the earlier year column is the baseline, the later one the target", () => {
    const text =
      "表1 主要指标\n序号\t指标\t单位\t2025年\t2030年\t属性\n" +
      "1\t全社会研发经费投入强度\t%\t2.5\t3.2左右\t预期性\n" +
      "2\t高新技术企业数\t家\t600\t≥1000\t预期性\n" +
      "3\t新增省级以上研发平台\t个\t—\t〔50〕\t预期性\n";
    const cs = extractCandidates(text);
    expect(cs.map((c) => [c.indicator, c.value, c.unit, c.year, c.baseline, c.comparison])).toEqual([
      ["全社会研发经费投入强度", 2.5, "%", 2025, true, "reach"],
      ["全社会研发经费投入强度", 3.2, "%", 2030, false, "about"],
      ["高新技术企业数", 600, "家", 2025, true, "reach"],
      ["高新技术企业数", 1000, "家", 2030, false, "at_least"],
      ["新增省级以上研发平台", 50, "个", 2030, false, "reach"],
    ]);
    expect(cs[4].kind).toBe("cumulative");
    for (const c of cs) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });

  it("a line wrapped inside a sentence (PDF copy) joins; a list item on the next line does not", () => {
    const c = only("到2030年，全市全社会研发经费投入年均增\n长10%以上。");
    expect(c).toMatchObject({ indicator: "全社会研发经费投入年均增长", kind: "growth_rate", value: 10 });
    expect(c.quote).toBe("全市全社会研发经费投入年均增\n长10%以上");
    const list = targets(
      "到2030年，主要目标是全面提升科技创新能力水平\n1.研发投入强度达到3%\n2.高新技术企业达到1000家",
    );
    expect(list.map((x) => x.indicator)).toEqual(["研发投入强度", "高新技术企业"]);
  });

  it("a table copied from a PDF, one cell per line, is read row by row; the quote spans the row's lines", () => {
    const text =
      "附表 主要指标\n序号\n指标\n单位\n2025年\n2030年\n属性\n" +
      "1\n研发投入强度\n%\n2.63\n3.2\n预期性\n2\n国家高新技术企业数\n家\n2310\n4000\n预期性\n第四章 保障措施\n";
    const cs = extractCandidates(text);
    expect(cs.map((c) => [c.indicator, c.value, c.unit, c.year, c.baseline])).toEqual([
      ["研发投入强度", 2.63, "%", 2025, true],
      ["研发投入强度", 3.2, "%", 2030, false],
      ["国家高新技术企业数", 2310, "家", 2025, true],
      ["国家高新技术企业数", 4000, "家", 2030, false],
    ]);
    expect(cs[1].quote).toBe("1\n研发投入强度\n%\n2.63\n3.2\n预期性");
  });

  it("a row whose cells fall out of their columns (a cell lost in the copy) gives no number at all", () => {
    const stacked =
      "序号\n指标\n单位\n2025年\n2030年\n1\n研发投入强度\n2.63\n3.2\n2\n高新技术企业数\n家\n2310\n4000\n";
    expect(extractCandidates(stacked)).toEqual([]);
    const tabbed = "指标\t单位\t2025年\t2030年\n研发投入强度\t2.63\t3.2\t%\n";
    expect(extractCandidates(tabbed)).toEqual([]);
    // A stray "|" of a web capture does not hide a sentence.
    expect(targets("到2030年，高新技术企业达到1000家。 |")).toHaveLength(1);
  });

  it("text around a table is read as text, the rows by the table reader only", () => {
    const text =
      "到2030年，技术合同成交额达到100亿元。\n指标\t单位\t2025年\t2030年\n高新技术企业数\t家\t600\t1000\n";
    expect(targets(text).map((c) => [c.value, c.unit])).toEqual([
      [100, "亿元"],
      [1000, "家"],
    ]);
  });

  it("blank lines and spaces do not make candidates", () => {
    expect(extractCandidates("")).toEqual([]);
    expect(extractCandidates("   \n\n\t ")).toEqual([]);
  });
});

// Issue 24: the classes of error found on unseen plans (test/core/fixtures/extract-dev/).
describe("magnitudes and Chinese numerals", () => {
  it.each([
    ["到2030年，高新技术企业营业收入达到1.2万亿元。", 1.2, "万亿元"],
    ["到2030年，高新技术产业产值突破3千亿元。", 3, "千亿元"],
    ["到2030年，科技金融规模达到5百亿元。", 5, "百亿元"],
    ["到2030年，高新技术企业达到一百家。", 100, "家"],
    ["到2030年，科技人才达到两千人。", 2000, "人"],
    ["到2030年，新建省级研发机构三十五个。", 35, "个"],
    ["到2030年，高新技术企业达到两家。", 2, "家"],
  ])("%s → %d %s", (text, value, unit) => {
    expect(only(text)).toMatchObject({ value, unit, year: 2030 });
  });

  it("Chinese numerals that count sessions, programmes or a single thing without a comparison are not read", () => {
    expect(targets("十三届全国人大四次会议闭幕，实施五大工程，打造三个高地，推进第一批试点。")).toEqual([]);
  });

  it("百 or 千 alone right after a counting verb: 滚动实施百项示范项目 is 100 项", () => {
    expect(only("到2030年，滚动实施百项高技术产业化示范项目。")).toMatchObject({ value: 100, unit: "项" });
    expect(only("到2030年，培育千家科技型企业。")).toMatchObject({ value: 1000, unit: "家" });
  });

  it("not a programme's name or a per-million rate: 千项技改工程, 千人计划, 百强, 百万人", () => {
    const text = "到2030年，启动实施千项技改工程，实施千人计划，培育百强企业，百万人发明专利申请量达到10件。";
    expect(targets(text).map((c) => c.value)).toEqual([10]);
  });
});

describe("pinyin readings and places within N", () => {
  it("達(dá)到: the reading a conversion site inserted is skipped; the quote stays verbatim", () => {
    const text = "到2020年，科技進(jìn)步貢獻(xiàn)率達(dá)到60%以上。";
    expect(only(text)).toMatchObject({
      indicator: "科技进步贡献率",
      value: 60,
      comparison: "at_least",
      quote: "科技進(jìn)步貢獻(xiàn)率達(dá)到60%以上",
    });
    // Not an abbreviation or a list marker: (GDP), (a).
    expect(only("到2020年，研发投入占生产总值(GDP)比重达到3%。").indicator).toBe(
      "研发投入占生产总值(GDP)比重",
    );
  });

  it("进入全国18名以内 is a rank target; 达到500名 is a count", () => {
    const cs = targets("到2018年，综合科技进步水平进入全国18名以内，科技人才达到500名。");
    expect(cs.map((c) => [c.indicator, c.value, c.kind])).toEqual([
      ["综合科技进步水平", 18, "rank"],
      ["科技人才", 500, "level"],
    ]);
  });
});

describe("an index has no unit", () => {
  it("区域科技创新指数达到160以上: proposed with no unit and a note", () => {
    expect(only("到2027年，区域科技创新指数达到160以上。")).toMatchObject({
      value: 160,
      unit: "",
      comparison: "at_least",
      note: "指数没有单位,请核对",
    });
  });

  it("only right after 指数 and a verb: a bare number elsewhere is still refused", () => {
    expect(targets("到2027年，两化融合指数达到88，企业数量达到88。").map((c) => c.value)).toEqual([88]);
    expect(only("到2027年，综合科技进步水平指数达到60%。").unit).toBe("%");
  });
});

describe("bases written from → to", () => {
  it("由X提高到Y without a year of its own: X is a baseline, Y the target", () => {
    const text = "到2030年，知识密集型服务业增加值占比由15.6%提高到20%。";
    expect(only(text)).toMatchObject({ value: 20, unit: "%", year: 2030 });
    expect(baselines(text)).toMatchObject([{ value: 15.6, unit: "%", year: null, baseline: true }]);
  });

  it("从2015年的X增至2020年的Y: X is the 2015 baseline, Y the 2020 target", () => {
    const text = "“十三五”时期，高新技术企业营业收入从2015年的22.2万亿元增至2020年的34万亿元。";
    expect(only(text)).toMatchObject({ value: 34, unit: "万亿元", year: 2020 });
    expect(baselines(text)).toMatchObject([{ value: 22.2, year: 2015 }]);
  });
});

describe("counting words and page chrome", () => {
  it("14部门 is not 14部", () => {
    expect(targets("到2030年，联合14部门出台支持政策。")).toEqual([]);
  });

  it.each(["点击:32次", "浏览次数:120次", "阅读:36"])("page chrome %s is not a target", (chrome) => {
    expect(
      targets(`某市科技创新规划 发布时间:2025-11-6 ${chrome}\n到2030年，高新技术企业达到600家。`),
    ).toHaveLength(1);
  });

  it("人年 is a unit: 209人年以上", () => {
    expect(only("到2030年，每万名就业人员中研发人员达到209人年以上。")).toMatchObject({
      value: 209,
      unit: "人年",
      comparison: "at_least",
    });
  });
});

describe("a list of members before a count", () => {
  it("电子信息、生物医药等3个产业集群: the indicator is the category counted", () => {
    expect(only("到2030年，打造电子信息、生物医药等3个产业集群。").indicator).toBe("打造产业集群");
  });

  it("云计算、大数据等8项列入重点产业: the count of a list that is then classed is no target", () => {
    expect(targets("到2025年，云计算、大数据、区块链、人工智能等8项列入数字经济重点产业。")).toEqual([]);
    expect(targets("到2025年，物联网、区块链等5个项目纳入省重点计划。")).toEqual([]);
    // A verb before the list still makes the category a target.
    expect(only("到2030年，培育物联网、区块链等5个省级创新平台。").indicator).toBe("培育省级创新平台");
  });
});

describe("news of what was just done", () => {
  it("近日/日前 with no aim in the sentence: actuals, not targets", () => {
    const text = "某省批复四家高新区\n近日，某省批复建设甲、乙和丙3家省级高新技术产业开发区，提升科技实力。";
    expect(targets(text)).toEqual([]);
    expect(baselines(text).map((c) => [c.value, c.year])).toEqual([[3, null]]);
    expect(targets("日前，某市召开大会，表彰科技企业120家。")).toEqual([]);
  });

  it("日前 in a sentence that states aims (提出到2025年) keeps its targets", () => {
    const text = "日前，某市发布《规划》，提出到2025年，国家高新技术企业为7000家，上市企业数为200家。";
    expect(targets(text).map((c) => [c.value, c.year])).toEqual([
      [7000, 2025],
      [200, 2025],
    ]);
  });
});

describe("sentences about what was done", () => {
  it("去年 (not 比去年) makes the sentence's numbers actuals, unless the sentence aims", () => {
    const text = "去年某省综合科技创新水平指数达61.4%，5年增长15.16%。";
    expect(targets(text)).toEqual([]);
    expect(baselines(text).map((c) => c.value)).toEqual([61.4, 15.16]);
    expect(only("在去年基础上，到2030年高新技术企业达到900家。")).toMatchObject({ value: 900, year: 2030 });
  });

  it("a verb with 了 anywhere in the sentence: every clause of it reports", () => {
    const text = "2022年，某省科技型企业总数超过2800家，高新技术企业达到489家，5年平均增加了4倍。";
    expect(targets(text)).toEqual([]);
    expect(baselines(text).map((c) => c.value)).toEqual([2800, 489, 5]); // 增加了4倍: 5 times the base
  });

  it("a dated event (2017年8月) states what happened; 到2027年6月 still aims", () => {
    expect(targets("2017年8月，甲、乙等6省份及丙等4所高校院所参加的推进会在某市召开。")).toEqual([]);
    expect(only("到2027年6月，建成省级重点实验室3家。")).toMatchObject({ value: 3, baseline: false });
  });

  it("a headline (short first line) reports; a headline that aims does not", () => {
    const text = "某省R&D经费投入强度1.45%创新高 增幅全国第四\n正文。";
    expect(targets(text)).toEqual([]);
    expect(baselines(text).map((c) => c.value)).toEqual([1.45]);
    expect(only("到2030年高新技术企业达到900家\n正文。")).toMatchObject({ value: 900, year: 2030 });
  });
});

describe("a dated text without aims of its own", () => {
  it("a year before the date (04.09.2020) is past: 2019年 figures and ranks are actuals", () => {
    const text = "04.09.2020  08:42\n2019年某省R&D经费投入强度达到1.45%。经费强度从全国第22位上升到第19位。";
    expect(targets(text)).toEqual([]);
    expect(baselines(text).map((c) => [c.value, c.year, c.kind])).toEqual([
      [1.45, 2019, "share"],
      [19, 2019, "rank"],
    ]);
  });

  it("a page reposting an old plan (dated 2023, aims at 2020) keeps the plan's targets", () => {
    const text = "时间:2023-05-18 13:05:03\n力争到2020年，全社会研发经费占地区生产总值比重达2.8%。";
    expect(only(text)).toMatchObject({ value: 2.8, year: 2020 });
  });
});

describe("a review written after its period", () => {
  it("a news item dated in the last year of 十四五, with no 到20XX年: amounts without a year are actuals", () => {
    const text =
      "某部:178家国家高新区生产总值占全国的14.3%\n发布时间:2025-11-6 20:39\n“十四五”期间，国家高新区取得进展，" +
      "178家国家高新区生产总值占全国GDP总数的14.3%。";
    expect(targets(text)).toEqual([]);
    // The title's amounts have no year; the body's are dated by “十四五”期间, a period that is over.
    expect(baselines(text).map((c) => [c.value, c.year])).toEqual([
      [178, null],
      [14.3, null],
      [178, 2025],
      [14.3, 2025],
    ]);
  });

  it("the same lines written before the period ends are targets of the period", () => {
    const text = "发布时间:2022-11-6 20:39\n“十四五”期间，国家高新区数量达到220家。";
    expect(only(text)).toMatchObject({ value: 220, year: 2025 });
  });

  it("a dated plan with its own 到20XX年 is no review", () => {
    const text = "2025年12月1日\n“十四五”以来成效显著。到2030年，高新技术企业达到900家。";
    expect(only(text)).toMatchObject({ value: 900, year: 2030 });
  });
});

describe("relative years", () => {
  it("今年 and 明年 are read from the document's date line", () => {
    const cs = targets("某区科技局工作要点\n2024年3月1日\n今年力争高新技术企业达到120家；明年达到150家。");
    expect(cs.map((c) => [c.value, c.year])).toEqual([
      [120, 2024],
      [150, 2025],
    ]);
  });

  it("a sentence comparing with 去年 reports actuals, not targets", () => {
    const text = "2024年3月1日\n全社会研发投入经费23.47亿元，比去年同期增长49.0%。";
    expect(targets(text)).toEqual([]);
    expect(baselines(text).map((c) => c.value)).toEqual([23.47, 49]);
  });
});

describe("rank targets", () => {
  it("跃居全省前40位 is a rank target (lower is better) with its own kind", () => {
    expect(only("到2027年，科技进步综合评价位次跃居全省前40位。")).toMatchObject({
      value: 40,
      unit: "位",
      year: 2027,
      kind: "rank",
      indicator: "科技进步综合评价位次",
    });
  });

  it("从2015年的18名提升到2020年的第15名: 15名 is the 2020 rank target, 18名 the 2015 baseline", () => {
    const text = "“十三五”时期，国家创新能力排名从2015年的18名提升到2020年的第15名。";
    expect(only(text)).toMatchObject({ value: 15, unit: "名", year: 2020, kind: "rank" });
    expect(baselines(text)).toMatchObject([{ value: 18, year: 2015 }]);
  });
});

describe("the 的目标 phrasing", () => {
  it("实现高新技术企业达到800家的目标: the trailing 的目标 does not suppress the target", () => {
    expect(only("到2030年，实现高新技术企业达到800家的目标。")).toMatchObject({ value: 800, unit: "家" });
  });

  it("实现研发投入翻番目标 is a target; “双倍增”行动计划 names a programme", () => {
    expect(only("到2030年，实现研发投入翻番目标。")).toMatchObject({ value: 2, unit: "倍" });
    expect(targets("实施“双倍增”行动计划（2023—2027年）。")).toEqual([]);
  });
});
