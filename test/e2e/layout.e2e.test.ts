// End to end: how the preview and the pane fit. At 1280×720 the chart leaves the table room, says so when nothing
// can be assessed and has round ticks; 转为数值 offers no conversion of 0 cells; the 上报 preview shows 差额 and 状态
// whole; and at 320 px every tab of the pane, with its typical content, fits without scrolling sideways.
import type { Page } from "playwright-core";
import { COL, colLetter, HISTORY_FIRST_COL, SHEET } from "../../src/core/sheet/layout";
import { REPORT } from "../../src/core/sheet/report-layout";
import { startPreview, type Preview } from "./harness";
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
