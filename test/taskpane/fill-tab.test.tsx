/** @jest-environment jsdom */
// The 填表 tab over the in-memory workbook: read a hand-made report's labels, pick a suggestion for the
// ambiguous one, write the columns, confirm an overwrite.
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { registerPlanFunctions } from "../../src/functions/hyperformula";
import { createFillService } from "../../src/services/fill-service";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { App } from "../../src/taskpane/App";
import { fakeService } from "./fake-service";

// Writes recalculate PLAN.* in HyperFormula; on a loaded machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

registerPlanFunctions();

function report() {
  const wb = new MemoryWorkbook();
  wb.addSheet("报表");
  const rows: [string, string | number | null, number | null][] = [
    ["A2", "指标", null],
    ["A3", "1.高新技术企业数(家)", 470],
    ["A4", "2.R&D经费投入强度(%)", 2.1],
    ["A6", "年均增速", 9],
    ["A7", "科普示范基地", 3],
  ];
  for (const [a1, label, actual] of rows) {
    wb.setCell("报表", a1, label);
    if (actual !== null) wb.setCell("报表", `B${a1.slice(1)}`, actual);
  }
  wb.select("报表", "A3:A7");
  return wb;
}

async function setup(wb: MemoryWorkbook) {
  await act(async () => {
    render(
      <App
        service={fakeService()}
        store={createCatalogStore()}
        fill={createFillService(wb, createCatalogStore())}
      />,
    );
  });
  fireEvent.click(screen.getByRole("tab", { name: "填表" }));
  const panel = within(document.getElementById("panel-fill")!);
  fireEvent.change(panel.getByRole("combobox", { name: "地区" }), { target: { value: "益阳" } });
  return panel;
}
const rowItem = (name: RegExp) =>
  within(document.getElementById("panel-fill")!).getByRole("listitem", { name });

test("read, pick a suggestion, write formulas; the cells compute", async () => {
  const wb = report();
  const panel = await setup(wb);
  fireEvent.click(panel.getByRole("button", { name: "读取行标题" }));
  expect(await panel.findByText(/4 行:找到 2 个目标,2 行需处理/)).toBeTruthy();
  expect(rowItem(/A3/).textContent).toContain("高新技术企业");
  expect(rowItem(/A3/).textContent).toContain("600家以上");
  // Each found row names the target that answered, in the plan's own words (seed 004: 高新技术企业数达到600家以上).
  expect(rowItem(/A3/).textContent).toContain("→ 高新技术企业(规划中写作“高新技术企业数”)");
  expect(rowItem(/A7/).textContent).toContain("未找到");
  fireEvent.click(within(rowItem(/A6/)).getByRole("button", { name: "采用“研发经费投入年均增速”" }));
  expect(rowItem(/A6/).textContent).toContain("→ 研发经费投入年均增速");
  fireEvent.change(panel.getByRole("textbox", { name: "写入起始列" }), { target: { value: "C" } });
  fireEvent.click(panel.getByRole("button", { name: "写入 3 行" }));
  expect(await panel.findByText("已写入 3 行")).toBeTruthy();
  const f = wb.contentOf("报表").formulas;
  expect(f[1].slice(2, 4)).toEqual(["目标值", "基期值"]);
  expect(f[2][2]).toBe('=PLAN.TARGET("益阳",$A3,2025)');
  expect(f[5][2]).toBe('=PLAN.TARGET("益阳","研发经费投入年均增速",2025)');
  expect(f[6][2] ?? null).toBeNull();
  expect(wb.valuesOf("报表")[2][2]).toBe(600);
});

test("a non-empty cell in the way asks before overwriting; 取消 leaves it", async () => {
  const wb = report();
  wb.setCell("报表", "C4", "我的备注");
  const panel = await setup(wb);
  fireEvent.click(panel.getByRole("button", { name: "读取行标题" }));
  await panel.findByText(/找到 2 个目标/);
  fireEvent.change(panel.getByRole("textbox", { name: "写入起始列" }), { target: { value: "C" } });
  fireEvent.click(panel.getByRole("button", { name: "写入 2 行" }));
  expect(await panel.findByText(/以下单元格不为空:C4/)).toBeTruthy();
  fireEvent.click(panel.getByRole("button", { name: "取消" }));
  expect(wb.valuesOf("报表")[3][2]).toBe("我的备注");
  fireEvent.click(panel.getByRole("button", { name: "写入 2 行" }));
  fireEvent.click(await panel.findByRole("button", { name: "覆盖" }));
  await waitFor(() => expect(wb.contentOf("报表").formulas[3][2]).toBe('=PLAN.TARGET("益阳",$A4,2025)'));
});

test("完成进度 without the actual's column says what is missing and writes nothing", async () => {
  const wb = report();
  const panel = await setup(wb);
  fireEvent.click(panel.getByRole("button", { name: "读取行标题" }));
  await panel.findByText(/找到 2 个目标/);
  fireEvent.click(panel.getByRole("checkbox", { name: "完成进度" }));
  expect(panel.getByText("完成进度、状态需要实际值所在的列")).toBeTruthy();
  expect((panel.getByRole("button", { name: "写入 2 行" }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(panel.getByRole("textbox", { name: "实际值列" }), { target: { value: "B" } });
  expect((panel.getByRole("button", { name: "写入 2 行" }) as HTMLButtonElement).disabled).toBe(false);
});
