/** @jest-environment jsdom */
// 撤销上一步 and the workbook's warnings in the pane: the button names what it will undo and is disabled when there
// is nothing; after the undo the pane says what was restored; a refusal is shown as an error; a manual-calculation
// warning is shown as a Fluent warning until closed.
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createCatalogStore } from "../../src/core/catalog/store";
import { PreviewApp } from "../../src/preview/PreviewApp";
import { HostError } from "../../src/services/service";
import { App } from "../../src/taskpane/App";
import { Notices } from "../../src/taskpane/notices";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { MANUAL_CALCULATION } from "../../src/workbook/office-workbook";
import { UndoLog, type UndoService } from "../../src/workbook/undo";
import { fakeService } from "./fake-service";
import { serviceOver } from "../shared/service-over";

jest.setTimeout(30_000);

test("preview: generate, then 撤销 names it, deletes the sheet, says so, and is disabled again", async () => {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Sheet1");
  workbook.select("Sheet1", "A1");
  const store = createCatalogStore();
  const undo = new UndoLog(workbook);
  const service = serviceOver(workbook, { year: 2023, store, undo });
  await act(async () => {
    render(<PreviewApp workbook={workbook} store={store} service={service} undo={undo} />);
  });
  expect(screen.getByRole("button", { name: "撤销上一步" }).hasAttribute("disabled")).toBe(true);
  fireEvent.change(screen.getByRole("combobox", { name: "地区" }), { target: { value: "yiyang" } });
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  // HyperFormula builds the sheet, then undo reads it back: seconds under a loaded machine.
  await screen.findByText(/已生成“进度_益阳十四五科技发展规划”/, {}, { timeout: 20_000 });
  expect(workbook.sheetNames()).toEqual(["Sheet1", "进度_益阳十四五科技发展规划"]);

  const button = screen.getByRole("button", { name: "撤销:生成 进度_益阳十四五科技发展规划" });
  expect(button.hasAttribute("disabled")).toBe(false);
  await act(async () => {
    fireEvent.click(button);
  });
  expect(
    await screen.findByText(
      "已撤销“生成 进度_益阳十四五科技发展规划”:已删除本次生成的工作表“进度_益阳十四五科技发展规划”。",
      {},
      { timeout: 20_000 },
    ),
  ).toBeTruthy();
  expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  expect(screen.getByRole("button", { name: "撤销上一步" }).hasAttribute("disabled")).toBe(true);
});

test("a refused undo shows its message; the step stays offered", async () => {
  const listeners = new Set<() => void>();
  const refusing: UndoService = {
    current: () => "刷新 进度_益阳",
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    undo: jest.fn(async () => {
      throw new HostError({
        reason: "undoChangedSince",
        sheet: "进度_益阳",
        label: "刷新 进度_益阳",
        cells: ["L9"],
        more: true,
      });
    }),
  };
  await act(async () => {
    render(<App service={fakeService()} store={createCatalogStore()} undo={refusing} />);
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "撤销:刷新 进度_益阳" }));
  });
  expect(await screen.findByText(/在此之后又有改动/)).toBeTruthy();
  expect(refusing.undo).toHaveBeenCalledTimes(1);
  expect(screen.getByRole("button", { name: "撤销:刷新 进度_益阳" }).hasAttribute("disabled")).toBe(false);
});

test("manual calculation: a warning with how to switch to automatic, once, until closed", async () => {
  const notices = new Notices();
  await act(async () => {
    render(<App service={fakeService()} store={createCatalogStore()} notices={notices} />);
  });
  expect(screen.queryByText(/手动计算/)).toBeNull();
  act(() => {
    notices.push(MANUAL_CALCULATION);
    notices.push(MANUAL_CALCULATION); // a second write in manual mode
  });
  const shown = screen.getAllByText(/手动计算/);
  expect(shown).toHaveLength(1);
  expect(shown[0].textContent).toContain("公式 › 计算选项");
  expect(shown[0].textContent).toContain("F9");
  fireEvent.click(screen.getByRole("button", { name: "关闭" }));
  expect(screen.queryByText(/手动计算/)).toBeNull();
});
