/** @jest-environment jsdom */
// The 公式 tab with a region (typed or filtered) and the other insertable functions.
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { fakeService } from "./fake-service";

// Writes recalculate PLAN.* in HyperFormula; on a loaded machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

async function setup(service = fakeService()) {
  await act(async () => {
    render(<App service={service} store={createCatalogStore()} />);
  });
  fireEvent.click(screen.getByRole("tab", { name: "公式" }));
  return service;
}
const search = () => screen.getByRole("combobox", { name: "搜索指标" });
const options = () => within(screen.getByRole("listbox", { name: "搜索结果" })).getAllByRole("option");
const formulaBox = () => screen.getByRole("textbox", { name: "公式" }) as HTMLTextAreaElement;

test("“益阳 高企” puts 益阳's 高新技术企业 first", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "益阳 高企" } });
  expect(options()[0].textContent).toContain("益阳 · 2025 年");
  expect(formulaBox().value).toBe('=PLAN.TARGET("益阳","高新技术企业",2025)');
});

test("“汕尾” lists 汕尾城区's targets and says why", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "汕尾" } });
  expect(screen.getByText(/收录的是汕尾市城区/)).toBeTruthy();
  expect(options().length).toBeGreaterThan(3);
  expect(options().every((o) => o.textContent?.includes("汕尾城区"))).toBe(true);
});

test("the region filter restricts the hits to that region", async () => {
  await setup();
  fireEvent.change(screen.getByRole("combobox", { name: "地区" }), { target: { value: "zhongshan" } });
  fireEvent.change(search(), { target: { value: "高企" } });
  expect(options().length).toBeGreaterThan(0);
  expect(options().some((o) => o.textContent?.includes("益阳 · "))).toBe(false);
});

test("STATUS with the actual's cell and the assessment year is inserted as typed", async () => {
  const service = await setup();
  fireEvent.change(search(), { target: { value: "益阳 高企" } });
  fireEvent.change(screen.getByRole("combobox", { name: "插入函数" }), { target: { value: "STATUS" } });
  const insertButton = screen.getByRole("button", { name: "插入到所选单元格" }) as HTMLButtonElement;
  expect(insertButton.disabled).toBe(true);
  expect(screen.getByText("请填写实际值所在的单元格(如 J5)或一个数值")).toBeTruthy();
  fireEvent.change(screen.getByRole("textbox", { name: "实际值单元格" }), { target: { value: "j5" } });
  fireEvent.change(screen.getByRole("textbox", { name: "评估年份" }), { target: { value: "2023" } });
  expect(formulaBox().value).toBe('=PLAN.STATUS("益阳","高新技术企业",2025,J5,2023)');
  fireEvent.click(insertButton);
  await waitFor(() =>
    expect(service.insertFormula).toHaveBeenCalledWith(
      '=PLAN.STATUS("益阳","高新技术企业",2025,J5,2023)',
      undefined,
    ),
  );
});

test("BASELINE needs no actual", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "益阳 高企" } });
  fireEvent.change(screen.getByRole("combobox", { name: "插入函数" }), { target: { value: "BASELINE" } });
  expect(formulaBox().value).toBe('=PLAN.BASELINE("益阳","高新技术企业",2025)');
});
