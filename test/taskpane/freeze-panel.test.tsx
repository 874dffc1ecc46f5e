/** @jest-environment jsdom */
// 报送 › 转为数值: nothing is converted before the user has seen the list and confirmed it.
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { FreezePreview } from "../../src/sheet/freeze";
import { App } from "../../src/taskpane/App";
import { fakeService } from "./fake-service";

const preview: FreezePreview = {
  cells: [
    {
      sheet: "汇总",
      row: 1,
      col: 2,
      formula: '=PLAN.TARGET("益阳","高新技术企业",2025)',
      value: 600,
      note: "由 PLAN.* 公式转为数值。",
    },
  ],
  errors: [{ sheet: "汇总", row: 2, col: 2, formula: '=PLAN.TARGET("益阳","火星基地",2025)', value: "#N/A" }],
};

async function open(service = fakeService({ freeze: preview })) {
  await act(async () => {
    render(<App service={service} store={createCatalogStore()} />);
  });
  fireEvent.click(screen.getByRole("tab", { name: "报送" }));
  return service;
}

test("查找 lists what would be converted and what not; only 确认 converts, exactly that list", async () => {
  const service = await open();
  fireEvent.click(screen.getByRole("radio", { name: "整个工作簿" }));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "查找 PLAN 公式" }));
  });
  expect(
    await screen.findByText(/整个工作簿中有 1 个 PLAN 公式单元格将转为数值;1 个显示错误值,不转换/),
  ).toBeTruthy();
  expect(service.previewFreeze).toHaveBeenCalledWith("workbook");
  expect(screen.getByRole("list", { name: "将转为数值" }).textContent).toContain("汇总!C2");
  expect(screen.getByRole("list", { name: "显示错误值,不转换" }).textContent).toContain("#N/A");
  expect(service.freeze).not.toHaveBeenCalled();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /确认转为数值/ }));
  });
  expect(service.freeze).toHaveBeenCalledWith(preview.cells);
  expect(await screen.findByText("已转为数值 1 个单元格")).toBeTruthy();
  expect(screen.getByRole("list", { name: "已转为数值" }).textContent).toContain("汇总!C2");
});

test("取消 drops the list without converting; without comments the pane says the notes were not kept", async () => {
  const service = await open();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "查找 PLAN 公式" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "取消" }));
  });
  expect(screen.queryByRole("button", { name: /确认转为数值/ })).toBeNull();
  expect(service.freeze).not.toHaveBeenCalled();

  service.freeze.mockResolvedValueOnce({
    converted: preview.cells,
    changed: [],
    notes: false,
    spillsRefused: [],
    spillRanges: [],
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "查找 PLAN 公式" }));
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: /确认转为数值/ }));
  });
  expect(await screen.findByText(/未能附上出处批注/)).toBeTruthy();
});

test("上报表: one click writes it for the active progress sheet and names it", async () => {
  const service = await open();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "为当前进度表生成上报表" }));
  });
  expect(service.writeReportSheet).toHaveBeenCalledTimes(1);
  expect(await screen.findByText(/已生成“上报_益阳十四五科技发展规划”/)).toBeTruthy();
  expect(document.body.textContent).toContain("11 个目标");
});
