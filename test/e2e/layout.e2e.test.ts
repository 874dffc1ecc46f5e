// End to end: how the preview and the pane fit. At 1280×720 the chart leaves the table room, says so when nothing
// can be assessed and has round ticks; 转为数值 offers no conversion of 0 cells; the 上报 preview shows 差额 and 状态
// whole; and at 320 px every tab of the pane, with its typical content, fits without scrolling sideways.
import type { Page } from "playwright-core";
import { COL, colLetter, HISTORY_FIRST_COL, SHEET } from "../../src/core/sheet/layout";
import { REPORT } from "../../src/core/sheet/report-layout";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startPreview, type Preview } from "./harness";
import { shotPath } from "./shots";

jest.setTimeout(240_000);

let preview: Preview;
let page: Page;
beforeAll(async () => {
  preview = await startPreview();
  page = preview.page;
}, 235_000);
afterAll(() => preview?.stop(), 30_000);

const pane = () => page.getByRole("complementary", { name: "任务窗格" });
const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);
/** The history block's column of a year of 益阳's plan (2021年实际值 … 2025年实际值). */
const yearCol = (y: number) => colLetter(HISTORY_FIRST_COL + y - 2021);

async function generate(region: string, year: string) {
  await pane().getByRole("tab", { name: "进度表" }).click();
  await pane().getByRole("combobox", { name: "地区" }).selectOption({ label: region });
  await pane().getByRole("spinbutton", { name: "评估年份" }).fill(year);
  await pane().getByRole("button", { name: "生成", exact: true }).click();
  await pane()
    .getByText(new RegExp(`已生成“进度_.*评估年份 ${year}`))
    .waitFor();
}

async function rowOf(indicator: string) {
  const td = page
    .locator(`td[data-col="${COL.indicator}"]`)
    .filter({ hasText: new RegExp(`^${indicator}$`) });
  return (await td.first().getAttribute("data-row"))!;
}

async function type(a1: string, text: string) {
  const input = cell(a1).locator("input");
  await input.fill(text);
  await input.press("Enter");
}

test("1280×720: the table keeps room above the chart; no assessable row gives a message, not an empty chart; no 确认 of 0 cells", async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(preview.url);

  // 转为数值 on the empty Sheet1: 0 cells, so nothing to confirm, only 关闭.
  await pane().getByRole("tab", { name: "报送" }).click();
  await pane().getByRole("button", { name: "查找 PLAN 公式" }).click();
  await pane()
    .getByText(/中有 0 个 PLAN 公式单元格将转为数值/)
    .waitFor();
  expect(
    await pane()
      .getByRole("button", { name: /确认转为数值/ })
      .count(),
  ).toBe(0);
  await pane().getByRole("button", { name: "关闭" }).click();

  await generate("益阳", "2023");
  const chart = page.getByRole("figure", { name: "完成进度与序时进度" });
  await chart.getByText(/暂无可评估的指标/).waitFor();
  expect(await chart.locator("svg").count()).toBe(0);

  // The header row and the first three targets are in view, and the sheet gets more height than the charts.
  const grid = page.locator("table[role=grid]").locator("..");
  const box = (await grid.boundingBox())!;
  const charts = (await page.getByRole("region", { name: "图表" }).boundingBox())!;
  expect(box.height).toBeGreaterThan(charts.height);
  for (let r = SHEET.headerRow; r < SHEET.firstDataRow + 3; r++) {
    const b = (await cell(`${COL.indicator}${r}`).boundingBox())!;
    expect([r, b.y + b.height <= box.y + box.height]).toEqual([r, true]);
  }
  await page.screenshot({ path: shotPath("layout-empty-chart.png") });
  expect(preview.pageErrors).toEqual([]);
});

test("1280×720: round ticks past the largest bar; the 上报 preview shows 差额 and 状态 whole", async () => {
  // Continues on 益阳 2023: 高新技术企业 past its target (完成进度 > 100 %), a growth rate 17 points short.
  const actuals: [string, string][] = [
    ["高新技术企业", "700"],
    ["研发经费投入年均增速", "-5"],
    ["研发经费投入强度", "2.4"],
    ["高新技术产业增加值占GDP比重", "30"],
  ];
  for (const [name, v] of actuals) await type(`${yearCol(2023)}${await rowOf(name)}`, v);
  const hq = await rowOf("高新技术企业");
  await cell(`${COL.status}${hq}`).filter({ hasText: "已完成" }).waitFor();

  const chart = page.getByRole("figure", { name: "完成进度与序时进度" });
  const ticks = chart.locator(".recharts-xAxis-tick-labels text");
  await ticks.first().waitFor({ state: "attached" });
  const labels = await ticks.allTextContents();
  const values = labels.map((t) => Number(t.replace("%", "")));
  expect(labels.every((t) => /^-?\d+%$/.test(t))).toBe(true);
  const step = values[1] - values[0];
  expect([10, 20, 25, 50, 100, 200, 500]).toContain(step);
  values.forEach((v, i) => expect(v).toBe(values[0] + i * step));
  // The largest 完成进度 on the sheet is within the last step.
  const completions = await page
    .locator(`td[data-col="${COL.completion}"]`)
    .evaluateAll((els) => els.map((e) => e.textContent ?? "").filter((t) => /^-?[\d.]+%$/.test(t)));
  const top = Math.max(...completions.map((t) => parseFloat(t)));
  expect(top).toBeGreaterThan(100);
  expect(values[values.length - 1]).toBeGreaterThanOrEqual(top);
  expect(values[values.length - 2]).toBeLessThan(top);

  await pane().getByRole("tab", { name: "报送" }).click();
  await pane().getByRole("button", { name: "为当前进度表生成上报表" }).click();
  await pane()
    .getByText(/已生成“上报_/)
    .waitFor();
  // The 上报 sheet opens at its top-left, though the progress sheet was scrolled.
  const scroll = await page
    .locator("table[role=grid]")
    .evaluate((t) => [t.parentElement!.scrollLeft, t.parentElement!.scrollTop]);
  expect(scroll).toEqual([0, 0]);
  const titles = await page
    .locator(`td[data-row="${REPORT.headerRow}"]`)
    .evaluateAll((els) => els.map((e) => [e.getAttribute("data-col"), e.textContent] as const));
  const colOf = (title: string) => titles.find(([, t]) => t === title)![0]!;
  const cut = async (col: string) =>
    page
      .locator(`td[data-col="${col}"]`)
      .evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.dataset.cell} ${e.textContent}`),
      );
  const variance = colOf("差额");
  await cell(`${variance}${REPORT.firstDataRow}`).filter({ hasText: "个百分点" }).waitFor();
  expect(
    await page
      .locator(`td[data-col="${variance}"]`)
      .filter({ hasText: /^-17\.00个百分点$/ })
      .count(),
  ).toBe(1);
  expect({ 差额: await cut(variance), 状态: await cut(colOf("状态")) }).toEqual({ 差额: [], 状态: [] });
  await page.screenshot({ path: shotPath("layout-report.png") });
  expect(preview.pageErrors).toEqual([]);
});

/**
 * What sticks out sideways: the document, the pane, the tab panel, and any element past the panel's edges (as drawn:
 * cut to its ancestors that hide overflow, as Fluent's SearchBox hides its clear button in a 0-wide slot).
 */
async function overflowOf(panelId: string) {
  return page.evaluate((id) => {
    const doc = document.documentElement;
    const aside = document.querySelector("aside")!;
    const panel = document.getElementById(id)!;
    const edge = panel.getBoundingClientRect();
    const drawn = (e: Element) => {
      let { left, right } = e.getBoundingClientRect();
      for (let a = e.parentElement; a && a !== panel; a = a.parentElement) {
        if (!/hidden|clip/.test(getComputedStyle(a).overflowX)) continue;
        const r = a.getBoundingClientRect();
        [left, right] = [Math.max(left, r.left), Math.min(right, r.right)];
      }
      return { left, right };
    };
    const wide = [...panel.querySelectorAll("*")].flatMap((e) => {
      const b = drawn(e);
      const out = b.right > b.left && (b.right > edge.right + 0.5 || b.left < edge.left - 0.5);
      return out ? [`${Math.round(b.left)}–${Math.round(b.right)}: ${e.outerHTML.slice(0, 100)}`] : [];
    });
    return {
      document: doc.scrollWidth - doc.clientWidth,
      pane: aside.scrollWidth - aside.clientWidth,
      panel: panel.scrollWidth - panel.clientWidth,
      wide,
    };
  }, panelId);
}

test("320 px: every tab of the pane, with its typical content, fits without scrolling sideways", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${preview.url}?demo=report`);

  // 填表: the report's labels read (the demo selects B3:B8 of 我的报表).
  const fill = page.locator("#panel-fill");
  await pane().getByRole("tab", { name: "填表" }).click();
  await fill.getByRole("combobox", { name: "地区" }).selectOption({ label: "益阳" });
  await fill.getByRole("textbox", { name: "目标年" }).fill("2025");
  await fill.getByRole("button", { name: "读取行标题" }).click();
  await fill.getByText(/找到 3 个目标/).waitFor();

  // 进度表 and its summary, with a bad input among the actuals.
  await generate("益阳", "2023");
  await type(`${yearCol(2023)}${await rowOf("高新技术企业")}`, "470");
  await type(`${yearCol(2023)}${await rowOf("研发经费投入强度")}`, "百分之2.1");
  await pane().getByRole("listitem").filter({ hasText: "输入有误 1" }).waitFor();

  // 出处 of a selected row.
  await cell(`${COL.indicator}${await rowOf("高新技术企业")}`).click();
  await pane().getByRole("tab", { name: "出处" }).click();
  await page.locator("#panel-source").getByText("“高新技术企业数达到600家以上”").waitFor();

  // 批量: a pasted block with a row to correct.
  const batch = page.locator("#panel-batch");
  await pane().getByRole("tab", { name: "批量" }).click();
  await batch
    .getByRole("textbox", { name: "粘贴实际值" })
    .fill("高新技术企业\t480\n火星基地数量\t3\n研发经费投入强度\t两个点");
  await batch.getByRole("button", { name: "预览" }).click();
  await batch.getByRole("region", { name: "需修正的行" }).waitFor();

  // 公式: a search with hits.
  const formula = page.locator("#panel-formula");
  await pane().getByRole("tab", { name: "公式" }).click();
  await formula.getByRole("combobox", { name: "搜索指标" }).fill("高新技术企业");
  await formula.getByRole("listbox", { name: "搜索结果" }).getByRole("option").first().waitFor();

  // 报送: the list of PLAN formulas of the workbook.
  const send = page.locator("#panel-send");
  await pane().getByRole("tab", { name: "报送" }).click();
  await send.getByRole("radio", { name: "整个工作簿" }).check();
  await send.getByRole("button", { name: "查找 PLAN 公式" }).click();
  await send.getByText(/整个工作簿中有 \d+ 个 PLAN 公式单元格/).waitFor();

  // 导入规划: a table row with mistakes, imported: the list of cells to correct.
  const imp = page.locator("#panel-import");
  await pane().getByRole("tab", { name: "导入规划" }).click();
  await imp.getByRole("button", { name: "插入空白规划目标表" }).click();
  await imp.getByText(/已插入“规划目标”表/).waitFor();
  const bad = [
    "青山县",
    "青山县“十五五”科技创新规划",
    "高新技术企业",
    "家庭",
    "二〇二五",
    "很多",
    "2030",
    "abc",
  ];
  for (const [c, v] of bad.entries()) await type(`${colLetter(c)}2`, v);
  await imp.getByRole("button", { name: "从当前工作表导入" }).click();
  await imp.getByText("有需要修正的内容,未导入任何规划").waitFor();

  await page.setViewportSize({ width: 320, height: 900 });
  for (const [id, name] of [
    ["progress", "进度表"],
    ["batch", "批量"],
    ["formula", "公式"],
    ["fill", "填表"],
    ["source", "出处"],
    ["send", "报送"],
    ["import", "导入规划"],
  ]) {
    await pane().getByRole("tab", { name }).click();
    await page.locator(`#panel-${id}`).waitFor();
    await page.screenshot({ path: shotPath(`pane-320-${id}.png`), fullPage: true });
    expect([name, await overflowOf(`panel-${id}`)]).toEqual([
      name,
      { document: 0, pane: 0, panel: 0, wide: [] },
    ]);
  }

  // A pack file with mistakes: its error list fits too (the JSON paths once ran past the pane).
  const pack = JSON.parse(readFileSync(join(ROOT, "test/fixtures/example-pack.json"), "utf8"));
  Object.assign(pack.plans[0].targets[0], {
    value: "很多",
    unit: "家家家家家家家家家家家家家家家家家家家家家家家家",
  });
  pack.plans[0].targets[1].quote = "";
  await pane().getByRole("tab", { name: "导入规划" }).click();
  await imp.getByLabel("规划包文件").setInputFiles({
    name: "bad-pack.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(pack)),
  });
  await imp
    .getByRole("alert")
    .or(imp.getByText(/需要修正|未导入/))
    .first()
    .waitFor();
  await page.screenshot({ path: shotPath("pane-320-import-file.png"), fullPage: true });
  expect(await overflowOf("panel-import")).toEqual({ document: 0, pane: 0, panel: 0, wide: [] });
  expect(preview.pageErrors).toEqual([]);
});
