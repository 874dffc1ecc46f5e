// End to end: 填表 in the preview (preview.html?demo=report), the real pane against the in-memory workbook. A
// hand-made report table with decorated labels, one ambiguous and one unknown; the ambiguous one is resolved
// by picking a suggestion; the written cells show the runner's numbers.
import { run } from "../../src/core/functions/runner";
import { startPreview, type Preview } from "./harness";
import { shotPath } from "./shots";

jest.setTimeout(180_000);

let preview: Preview;
beforeAll(async () => {
  preview = await startPreview();
}, 175_000);
afterAll(() => preview?.stop(), 30_000);

const number = (id: string, args: unknown[]) => {
  const o = run(id, args);
  if (!o.ok || typeof o.value !== "number") throw new Error(`run(${id}) gave no number`);
  return o.value;
};

test("fill 我的报表: decorated labels, pick a suggestion for 年均增速, 科普示范基地 unknown; the written cells", async () => {
  const { page, url, pageErrors } = preview;
  await page.goto(`${url}?demo=report`);
  const pane = page.locator("#panel-fill");
  await page.getByRole("tab", { name: "填表" }).click();
  await pane.getByRole("combobox", { name: "地区" }).selectOption({ label: "益阳" });
  await pane.getByRole("textbox", { name: "目标年" }).fill("2025");
  await pane.getByRole("button", { name: "读取行标题" }).click(); // the selection: B3:B8
  await pane.getByText("5 行:找到 3 个目标,2 行需处理").waitFor();

  const item = (cell: string) => pane.getByRole("listitem").filter({ hasText: new RegExp(`^${cell} `) });
  await item("B3")
    .getByText(/→ 高新技术企业\(规划中写作“高新技术企业数”\):600家以上/)
    .waitFor();
  await item("B8")
    .getByText(/未找到/)
    .waitFor();
  await item("B7").getByRole("button", { name: "采用“研发经费投入年均增速”" }).click();
  await item("B7")
    .getByText(/→ 研发经费投入年均增速/)
    .waitFor();

  // 填表 fits the 320 px pane: nothing wider than the panel, no sideways scroll (its column fields needed 574 px).
  const overflow = await pane.evaluate((panel) => {
    const right = panel.getBoundingClientRect().right + 0.5;
    const wide = [...panel.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > right);
    return { scroll: panel.scrollWidth - panel.clientWidth, wide: wide.map((e) => e.outerHTML.slice(0, 80)) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });

  await pane.getByRole("checkbox", { name: "完成进度" }).check();
  await pane.getByRole("checkbox", { name: "状态" }).check();
  await pane.getByRole("textbox", { name: "实际值列" }).fill("C");
  await pane.getByRole("textbox", { name: "评估年份" }).fill("2023");
  expect(await pane.getByRole("textbox", { name: "写入起始列" }).inputValue()).toBe("D");
  await pane.getByRole("button", { name: "写入 4 行" }).click();
  await pane.getByText("已写入 4 行").waitFor();

  const cell = (a1: string) => page.locator(`td[data-cell="${a1}"]`);
  expect(await cell("D2").textContent()).toBe("目标值");
  expect(await cell("G2").textContent()).toBe("状态");
  expect(Number(await cell("D3").textContent())).toBe(number("TARGET", ["益阳", "高新技术企业", 2025]));
  expect(await cell("G3").textContent()).toBe("进度滞后");
  expect(Number(await cell("D7").textContent())).toBe(
    number("TARGET", ["益阳", "研发经费投入年均增速", 2025]),
  );
  expect(await cell("D8").textContent()).toBe(""); // the unknown label's row is not written
  expect(await cell("D5").textContent()).toBe(""); // nor the blank row
  expect(await cell("C3").textContent()).toBe("470"); // the user's own cells are untouched

  // Again: the cells are now full, so it asks first.
  await pane.getByRole("button", { name: "写入 4 行" }).click();
  await pane.getByText(/以下单元格不为空:D2/).waitFor();
  await pane.getByRole("button", { name: "取消" }).click();

  await page.screenshot({ path: shotPath("fill-table.png") });
  expect(pageErrors).toEqual([]);
});
