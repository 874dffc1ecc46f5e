// End to end: importing a plan in the preview (the real pane, the in-memory workbook, HyperFormula). Insert the
// 规划目标 table, type two rows into it, import; the store sheet gets no tab; =PLAN.TARGET typed into Sheet1
// answers from the imported plan, PLAN.INFO gives the 出处 typed; then a paragraph pasted into 提取 gives
// candidates to review.
import type { Page } from "playwright-core";
import { TABLE_HEADERS } from "../../src/core/packs/pack-table";
import { colLetter } from "../../src/core/sheet/layout";
import { PACK_SHEET } from "../../src/sheet/pack-store";
import { startPreview, type Preview } from "./harness";
import { shotPath } from "./shots";

jest.setTimeout(240_000);

/** The README shows it: rewritten in docs/ only with PLAN_UPDATE_DOCS=1 (see shots.ts). */
const SCREENSHOT = shotPath("import.png", { docs: true });
const SOURCE = "青山县“十五五”科技创新规划(青政发〔2026〕3号)";
const PLAN = "青山县“十五五”科技创新规划";
/** As a statistician types them: 150 with 以上, 2.2% with its percent sign, a blank 比较. */
const ROWS = [
  [
    "青山县",
    PLAN,
    "高新技术企业",
    "家",
    "2025",
    "86",
    "2030",
    "150",
    "以上",
    "到2030年,全县高新技术企业达到150家以上",
    SOURCE,
  ],
  [
    "青山县",
    PLAN,
    "研发经费投入强度",
    "%",
    "2025",
    "1.6",
    "2030",
    "2.2%",
    "",
    "全社会研发经费投入强度达到2.2%",
    SOURCE,
  ],
];
const PARAGRAPH =
  "到2030年,全县高新技术企业达到150家以上,每万人口高价值发明专利拥有量达到5件,技术合同成交额突破10亿元。2025年全县高新技术企业86家。";

let preview: Preview;
let page: Page;
beforeAll(async () => {
  preview = await startPreview();
  page = preview.page;
}, 235_000);
afterAll(() => preview?.stop(), 30_000);

const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);

async function typeInto(a1: string, text: string) {
  const input = cell(a1).locator("input");
  await input.fill(text);
  await input.press("Enter");
}

/** Select a cell and type into the formula bar, as into any cell in Excel. */
async function typeFormula(a1: string, text: string) {
  await cell(a1).click();
  const bar = page.getByRole("textbox", { name: "单元格内容" });
  await bar.fill(text);
  await bar.press("Enter");
}

test("insert the table, type two rows, import: =PLAN.TARGET answers from it; 提取 proposes candidates", async () => {
  await page.goto(preview.url);
  const panel = page.locator("#panel-import");
  await page.getByRole("tab", { name: "导入规划" }).click();
  await panel.getByRole("button", { name: "插入空白规划目标表" }).click();
  await panel.getByText(/已插入“规划目标”表/).waitFor();
  expect(await cell("A1").textContent()).toBe("地区");

  for (const [r, row] of ROWS.entries())
    for (const [c, v] of row.entries()) if (v) await typeInto(`${colLetter(c)}${r + 2}`, v);
  // A Text cell: the percent sign stays (a General cell would hold 0.022).
  expect(
    await cell(`${colLetter(TABLE_HEADERS.indexOf("目标值"))}3`)
      .locator("input")
      .inputValue(),
  ).toBe("2.2%");

  await panel.getByRole("button", { name: "从当前工作表导入" }).click();
  await panel.getByText("已导入 1 份规划、2 个目标").waitFor();
  await panel.getByText(`出处:${SOURCE}`).waitFor();
  const sheetTabs = page.getByRole("tablist", { name: "工作表" }).getByRole("tab");
  expect(await sheetTabs.count()).toBe(2); // Sheet1, 规划目标: the store is veryHidden
  expect(await page.getByRole("tab", { name: PACK_SHEET }).count()).toBe(0);

  await page.getByRole("tab", { name: "Sheet1" }).click();
  await typeFormula("A1", "目标值");
  await typeFormula("B1", '=PLAN.TARGET("青山县","高新技术企业",2030)');
  await typeFormula("B2", '=PLAN.TARGET("青山县","研发经费投入强度",2030)');
  await typeFormula("C1", '=PLAN.INFO("青山县","高新技术企业",2030,"出处")');
  await cell("B1").filter({ hasText: /^150$/ }).waitFor();
  expect(await cell("B2").textContent()).toBe("2.2");
  expect(await cell("C1").textContent()).toContain(SOURCE);

  const extract = panel.getByRole("region", { name: "提取" });
  await extract.getByRole("textbox", { name: "规划原文" }).fill(PARAGRAPH);
  await extract.getByRole("button", { name: "提取候选目标" }).click();
  const list = extract.getByRole("list", { name: "候选目标" });
  await list.waitFor();
  const values = await list
    .getByRole("textbox", { name: "目标值" })
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).toEqual(expect.arrayContaining(["150", "5", "10"]));
  await list.getByText("基期(历史数据,不作目标)").first().waitFor();
  await list
    .getByText(/^原文:.*150家以上/)
    .first()
    .waitFor();

  await page.getByRole("tab", { name: "Sheet1" }).click();
  await panel.getByRole("region", { name: "已导入的规划" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: SCREENSHOT });
  expect(preview.pageErrors).toEqual([]);
});
