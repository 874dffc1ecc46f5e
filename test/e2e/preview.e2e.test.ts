// End to end: the preview (`webpack serve --env preview`) in Debian's chromium — the real task pane against the
// in-memory workbook. Generate 益阳 for 2023, type yearly actuals into the grid, see 实际值 and the status, refresh,
// keep the inputs, draw the trend chart of the row.
import type { Page } from "playwright-core";
import { COL, colLetter, HISTORY_FIRST_COL, STATUS_COLORS } from "../../src/core/sheet/layout";
import { startPreview, type Preview } from "./harness";
import { shotPath } from "./shots";

jest.setTimeout(180_000);

const SCREENSHOT = shotPath("preview.png");
/** The README shows it: rewritten in docs/ only with PLAN_UPDATE_DOCS=1 (see shots.ts). */
const CHART_SCREENSHOT = shotPath("charts.png", { docs: true });
/** The history block's column of a year of 益阳's plan (2021年实际值 … 2025年实际值). */
const yearCol = (y: number) => colLetter(HISTORY_FIRST_COL + y - 2021);

let preview: Preview;
let page: Page;
let url: string;
let pageErrors: string[] = [];
const pane = () => page.getByRole("complementary", { name: "任务窗格" });

beforeAll(async () => {
  preview = await startPreview();
  ({ page, url, pageErrors } = preview);
}, 175_000);
afterAll(() => preview?.stop(), 30_000);

test("益阳 2023: generate, type 高新技术企业 380/430/470 for 2021–2023, 进度滞后, source, refresh keeps them, both charts", async () => {
  await page.goto(url);
  await page.getByRole("combobox", { name: "地区" }).selectOption({ label: "益阳" });
  await page.getByRole("spinbutton", { name: "评估年份" }).fill("2023");
  await page.getByRole("button", { name: "生成", exact: true }).click();
  await page.getByText(/已生成“进度_.*评估年份 2023/).waitFor();

  // The row of 高新技术企业 in the grid, by its indicator cell.
  const indicator = page.locator(`td[data-col="${COL.indicator}"]`).filter({ hasText: /^高新技术企业$/ });
  const row = await indicator.getAttribute("data-row");
  expect(row).toMatch(/^\d+$/);
  const actualCell = page.locator(`td[data-cell="${COL.actual}${row}"]`);
  const statusCell = page.locator(`td[data-cell="${COL.status}${row}"]`);
  // 实际值 picks the 评估年份's cell of the history block; the yearly cells are the inputs.
  expect(await actualCell.getAttribute("data-input")).toBeNull();
  expect(await page.locator(`td[data-cell="${yearCol(2023)}${row}"]`).getAttribute("data-input")).toBe(
    "true",
  );
  expect(await statusCell.textContent()).toBe("无法评估");

  const yearly: [number, string][] = [
    [2021, "380"],
    [2022, "430"],
    [2023, "470"],
  ];
  for (const [y, v] of yearly) {
    const input = page.locator(`td[data-cell="${yearCol(y)}${row}"]`).locator("input");
    await input.fill(v);
    await input.press("Enter");
  }
  const actual = page.locator(`td[data-cell="${yearCol(2023)}${row}"]`).locator("input");
  await statusCell.filter({ hasText: "进度滞后" }).waitFor();
  expect(await actualCell.textContent()).toBe("470");
  const fill = STATUS_COLORS["进度滞后"].fill;
  const rgb = `rgb(${parseInt(fill.slice(0, 2), 16)}, ${parseInt(fill.slice(2, 4), 16)}, ${parseInt(fill.slice(4, 6), 16)})`;
  expect(await statusCell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb);

  // 出处 of the selected row.
  await indicator.click();
  await page.getByRole("tab", { name: "出处" }).click();
  await pane().getByText("“高新技术企业数达到600家以上”").waitFor();
  expect(
    await pane()
      .getByText(/^seeds\/004_[0-9a-f]{16}\.txt$/)
      .count(),
  ).toBe(1);
  await page.getByRole("tab", { name: "进度表" }).click();

  // Refresh: the bundled data is unchanged, so no dialog; the typed yearly actuals stay.
  await page.getByRole("button", { name: "刷新", exact: true }).click();
  await page.getByText(/已刷新“进度_/).waitFor();
  expect(await actual.inputValue()).toBe("470");
  expect(await statusCell.textContent()).toBe("进度滞后");
  await page.getByRole("listitem").filter({ hasText: "进度滞后 1" }).waitFor();

  // The chart the add-in writes beside the sheet, drawn from the sheet's values: one bar pair per indicator.
  const chart = page.getByRole("figure", { name: "完成进度与序时进度" });
  await chart.waitFor();
  const bars = chart.locator("path.recharts-rectangle");
  await bars.first().waitFor();
  // 序时进度 is 60% for every 2020-based row in 2023; 高新技术企业's 完成进度 (54.9%) is drawn too.
  expect(await bars.count()).toBeGreaterThanOrEqual(3);
  expect(await chart.locator("svg text").allTextContents()).toContain("高新技术企业");
  const legend = await chart.locator(".recharts-legend-item-text").allTextContents();
  expect(legend.sort()).toEqual(["完成进度", "序时进度"].sort());
  // Its scale is in view without scrolling the panel (12 rows overflow a third of a 1000 px window).
  const panelBox = (await chart.boundingBox())!;
  const zero = (await chart
    .locator(".recharts-cartesian-axis-tick-value")
    .filter({ hasText: /^0%$/ })
    .boundingBox())!;
  expect(zero.y).toBeGreaterThanOrEqual(panelBox.y);
  expect(zero.y + zero.height).toBeLessThanOrEqual(panelBox.y + panelBox.height);

  // 为所选指标绘制趋势图 on the 高新技术企业 row: 实际值 312 (2020 基期值), 380, 430, 470 against the expected path.
  await indicator.click();
  await pane().getByRole("button", { name: "为所选指标绘制趋势图" }).click();
  await pane()
    .getByText(/已为“高新技术企业”绘制趋势图/)
    .waitFor();
  const trend = page.getByRole("figure", { name: "高新技术企业(益阳,家):实际值与预期值" });
  await trend.locator("path.recharts-line-curve").first().waitFor();
  expect(await trend.locator("path.recharts-line-curve").count()).toBe(2);
  expect((await trend.locator(".recharts-legend-item-text").allTextContents()).sort()).toEqual(
    ["实际值", "预期值"].sort(),
  );
  // The years along the x axis (rendered after the lines).
  await trend
    .locator("svg text")
    .filter({ hasText: /^2025$/ })
    .first()
    .waitFor();
  const texts = await trend.locator("svg text").allTextContents();
  for (const y of ["2020", "2021", "2022", "2023", "2024", "2025"]) expect(texts).toContain(y);
  await page.getByRole("region", { name: "图表" }).screenshot({ path: CHART_SCREENSHOT });

  await page.screenshot({ path: SCREENSHOT });
  expect(pageErrors).toEqual([]);
});

test("bad inputs typed into the preview: abc, 百分之2.1 and a blank year; then a row with every kind of bad input", async () => {
  // Continues on the 益阳 2023 sheet of the test above.
  const cell = (col: string, row: string | number) => page.locator(`td[data-cell="${col}${row}"]`);
  const rowOf = async (name: string) =>
    (await page
      .locator(`td[data-col="${COL.indicator}"]`)
      .filter({ hasText: new RegExp(`^${name}$`) })
      .first()
      .getAttribute("data-row"))!;
  const type = async (col: string, row: string | number, text: string) => {
    const input = cell(col, row).locator("input");
    await input.fill(text);
    await input.press("Enter");
  };
  const derived = [COL.elapsed, COL.completion, COL.expected, COL.variance, COL.requiredRate];
  const texts = async (row: string | number) => Promise.all(derived.map((c) => cell(c, row).textContent()));

  // abc in a count row: 输入有误, the reason, every derived cell blank; the alert Excel's validation would raise.
  const hq = await rowOf("高新技术企业");
  await type(yearCol(2023), hq, "abc");
  await cell(COL.status, hq).filter({ hasText: "输入有误" }).waitFor();
  expect(await cell(COL.check, hq).textContent()).toContain("实际值应为数字");
  expect(await texts(hq)).toEqual(["", "", "", "", ""]);
  await page.getByRole("alert").filter({ hasText: "实际值应为不小于0的数字" }).waitFor();

  // 百分之2.1 in a % row: text, refused. (A typed "2.1%" is the number 0.021 to the formulas, which read no
  // formats; the pane names such cells on refresh: test/shared/typed-formats.test.ts.)
  const rd = await rowOf("研发经费投入强度");
  await type(yearCol(2023), rd, "百分之2.1");
  await cell(COL.status, rd).filter({ hasText: "输入有误" }).waitFor();
  expect(await cell(COL.check, rd).textContent()).toContain("实际值应为数字");
  expect(await texts(rd)).toEqual(["", "", "", "", ""]);
  // The pane's summary follows the sheet's own counts.
  await pane().getByRole("listitem").filter({ hasText: "输入有误 2" }).waitFor();

  // 2.1 typed as the plan's unit means 2.1 %: computed.
  await type(yearCol(2023), rd, "2.1");
  await cell(COL.status, rd)
    .filter({ hasText: /滞后|预期/ })
    .waitFor();
  expect(await cell(COL.expected, rd).textContent()).toBe("2.26%");

  // A blank 评估年份: every derived cell blank, 状态 无法评估, and the pane says the year is not filled in.
  await type("C", 3, "");
  await cell(COL.status, rd).filter({ hasText: "无法评估" }).waitFor();
  expect(await texts(rd)).toEqual(["", "", "", "", ""]);
  await pane()
    .getByText(/评估年份 未填写/)
    .waitFor();
  await type("C", 3, "2023");
  await cell(COL.status, rd)
    .filter({ hasText: /滞后|预期/ })
    .waitFor();

  // One row per kind of bad input, for the screenshot (docs/bad-inputs.png). A number typed as 2.1% or as a
  // date is a number to the sheet's portable formulas: the pane names such cells (docs/hosts.md).
  const kinds = ["abc", "1,234", "４７０", "四百七十", "470家", "百分之2.1", "-500", "1e20", "TRUE", "=1/0"];
  const first = Number(await cell(COL.seq, 7).getAttribute("data-row")) || 7;
  for (const [i, text] of kinds.entries()) await type(yearCol(2023), first + i, text);
  for (const i of kinds.keys()) {
    await cell(COL.status, first + i)
      .filter({ hasText: "输入有误" })
      .waitFor();
    expect([kinds[i], await texts(first + i)]).toEqual([kinds[i], ["", "", "", "", ""]]);
    expect(((await cell(COL.check, first + i).textContent()) ?? "").length).toBeGreaterThan(4);
  }
  await pane()
    .getByRole("listitem")
    .filter({ hasText: `输入有误 ${kinds.length}` })
    .waitFor();
  await page.screenshot({ path: shotPath("bad-inputs.png") });
  expect(pageErrors).toEqual([]);
});
