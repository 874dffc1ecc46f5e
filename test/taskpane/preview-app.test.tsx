/** @jest-environment jsdom */
// The preview page in jsdom with the real service over the in-memory workbook: generate, type into the grid.
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { COL, colLetter, HISTORY_FIRST_COL } from "../../src/core/sheet/layout";
import { createCatalogStore } from "../../src/core/catalog/store";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { PreviewApp } from "../../src/preview/PreviewApp";
import { serviceOver } from "../shared/service-over";

// Real HyperFormula recalculation under jsdom takes a few seconds per test.
jest.setTimeout(30_000);

async function setup() {
  const workbook = new MemoryWorkbook();
  workbook.addSheet("Sheet1");
  workbook.select("Sheet1", "A1");
  const store = createCatalogStore();
  const service = serviceOver(workbook, { year: 2023, store: store });
  await act(async () => {
    render(<PreviewApp workbook={workbook} store={store} service={service} />);
  });
  return workbook;
}

const cell = (ref: string) => document.querySelector<HTMLElement>(`td[data-cell="${ref}"]`)!;

test("generate shows the sheet; typing 2023's actual into its yellow cell recomputes 实际值 and the status", async () => {
  const workbook = await setup();
  fireEvent.change(screen.getByRole("combobox", { name: "地区" }), { target: { value: "yiyang" } });
  fireEvent.change(screen.getByRole("spinbutton", { name: "评估年份" }), { target: { value: "2023" } });
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await screen.findByText(/已生成“进度_益阳十四五科技发展规划”/);

  const grid = screen.getByRole("grid", { name: "工作表 进度_益阳十四五科技发展规划" });
  // A CSS query, not getAllByRole: computing roles for every cell of the grid takes jsdom tens of seconds.
  const indicator = [
    ...grid.querySelectorAll<HTMLElement>(`td[role="gridcell"][data-col="${COL.indicator}"]`),
  ].find((td) => td.textContent === "高新技术企业")!;
  const row = indicator.dataset.row;
  expect(cell(`${COL.status}${row}`).textContent).toBe("无法评估");
  // 实际值 is a formula picking the 评估年份's cell of the history block (2021年实际值 … 2025年实际值).
  expect(cell(`${COL.actual}${row}`).dataset.input).toBeUndefined();
  const y2023 = `${colLetter(HISTORY_FIRST_COL + 2)}${row}`;
  expect(cell(y2023).dataset.input).toBe("true");

  const input = within(cell(y2023)).getByRole("textbox");
  expect(input.getAttribute("aria-label")).toBe(`${y2023} 2023年实际值`);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: "470" } });
  fireEvent.keyDown(input, { key: "Enter" });
  await waitFor(() => expect(cell(`${COL.status}${row}`).textContent).toBe("进度滞后"));
  expect(workbook.value("进度_益阳十四五科技发展规划", y2023)).toBe(470);
  expect(cell(`${COL.actual}${row}`).textContent).toBe("470");
  // The status cell takes the status colour (conditional format).
  expect(cell(`${COL.status}${row}`).style.backgroundColor).toBe("rgb(255, 235, 156)");
});

test("clicking a cell selects it in the workbook: the formula bar and the 出处 tab follow", async () => {
  await setup();
  fireEvent.change(screen.getByRole("combobox", { name: "地区" }), { target: { value: "yiyang" } });
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await screen.findByText(/已生成/);
  fireEvent.click(screen.getByRole("tab", { name: "出处" }));
  expect(await screen.findByText("所选单元格不在进度表的目标行上。")).toBeTruthy();

  const grid = screen.getByRole("grid");
  // A CSS query, not getAllByRole: computing roles for every cell of the grid takes jsdom tens of seconds.
  const indicator = [
    ...grid.querySelectorAll<HTMLElement>(`td[role="gridcell"][data-col="${COL.indicator}"]`),
  ].find((td) => td.textContent === "高新技术企业")!;
  fireEvent.mouseDown(indicator);
  expect(screen.getByRole("status", { name: "所选单元格" }).textContent).toBe(
    `${COL.indicator}${indicator.dataset.row}`,
  );
  expect(await screen.findByText("“高新技术企业数达到600家以上”")).toBeTruthy();

  // Keyboard: arrow keys on the focused grid move the selection.
  await act(async () => {
    fireEvent.keyDown(grid, { key: "ArrowRight" });
  });
  expect(screen.getByRole("status", { name: "所选单元格" }).textContent).toBe(
    `${COL.subject}${indicator.dataset.row}`,
  );
});
