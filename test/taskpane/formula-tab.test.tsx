/** @jest-environment jsdom */
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { HostError } from "../../src/services/service";
import { fakeService } from "./fake-service";

async function setup(service = fakeService()) {
  await act(async () => {
    render(<App service={service} store={createCatalogStore()} />);
  });
  fireEvent.click(screen.getByRole("tab", { name: "公式" }));
  return service;
}
const search = () => screen.getByRole("combobox", { name: "搜索指标" });
const options = () => within(screen.getByRole("listbox", { name: "搜索结果" })).getAllByRole("option");

test("typing 繁体 lists hits with value, unit, who, year and the quote", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "高新技術" } });
  const yiyang = options().find((o) => o.textContent?.includes("益阳 · 2025 年"));
  expect(yiyang).toBeDefined();
  expect(yiyang!.textContent).toContain("高新技术企业");
  expect(yiyang!.textContent).toContain("600家以上");
  expect(yiyang!.textContent).toContain("“高新技术企业数达到600家以上”");
  expect(screen.getByText(/找到 \d+ 个目标/)).toBeTruthy();
});

test("an alias (高企) finds the 高新技术企业 targets of all three regions", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "高企" } });
  const subjects = options().map((o) => o.textContent);
  for (const region of ["中山", "益阳", "汕尾城区"])
    expect(subjects.some((t) => t?.includes(`${region} · `))).toBe(true);
});

test("the insert button inserts the exact formula of the selected hit", async () => {
  const service = await setup();
  fireEvent.change(search(), { target: { value: "高新技術" } });
  const i = options().findIndex(
    (o) => o.textContent?.includes("益阳 · 2025 年") && o.textContent.includes("高新技术企业"),
  );
  fireEvent.click(options()[i]);
  expect(options()[i].getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("textbox", { name: "公式" })).toHaveProperty(
    "value",
    '=PLAN.TARGET("益阳","高新技术企业",2025)',
  );
  fireEvent.click(screen.getByRole("button", { name: "插入到所选单元格" }));
  await waitFor(() =>
    expect(service.insertFormula).toHaveBeenCalledWith('=PLAN.TARGET("益阳","高新技术企业",2025)', undefined),
  );
  expect(await screen.findByText('已插入 =PLAN.TARGET("益阳","高新技术企业",2025)')).toBeTruthy();
});

test("arrow keys move the active hit and Enter inserts it", async () => {
  const service = await setup();
  fireEvent.change(search(), { target: { value: "高企" } });
  expect(options()[0].getAttribute("aria-selected")).toBe("true");
  fireEvent.keyDown(search(), { key: "ArrowDown" });
  fireEvent.keyDown(search(), { key: "ArrowDown" });
  fireEvent.keyDown(search(), { key: "ArrowUp" });
  expect(options()[1].getAttribute("aria-selected")).toBe("true");
  expect(search().getAttribute("aria-activedescendant")).toBe(options()[1].id);
  const formula = (screen.getByRole("textbox", { name: "公式" }) as HTMLInputElement).value;
  fireEvent.keyDown(search(), { key: "Enter" });
  await waitFor(() => expect(service.insertFormula).toHaveBeenCalledWith(formula, undefined));
  expect(formula).toMatch(/^=PLAN\.TARGET\("[^"]+","高新技术企业",\d{4}\)$/);
});

test("a HostError from insertFormula is shown in a MessageBar", async () => {
  const service = fakeService();
  const refusal = new HostError({ reason: "sheetProtected", sheet: "Sheet1", action: "写入" });
  service.insertFormula.mockRejectedValueOnce(refusal);
  await setup(service);
  fireEvent.change(search(), { target: { value: "高企" } });
  fireEvent.click(screen.getByRole("button", { name: "插入到所选单元格" }));
  expect(await screen.findByText(refusal.message)).toBeTruthy();
  expect(screen.getByText("操作未完成")).toBeTruthy();
});

test("over a non-empty cell it asks, and overwrites only when confirmed", async () => {
  const service = fakeService();
  service.insertFormula.mockRejectedValue(new HostError({ reason: "cellNotEmpty" }));
  await setup(service);
  fireEvent.change(search(), { target: { value: "高企" } });
  const formula = (screen.getByRole("textbox", { name: "公式" }) as HTMLInputElement).value;
  fireEvent.click(screen.getByRole("button", { name: "插入到所选单元格" }));
  await screen.findByText(/所选单元格不为空/);
  fireEvent.click(screen.getByRole("button", { name: "取消" }));
  expect(screen.queryByText(/所选单元格不为空/)).toBeNull();
  expect(service.insertFormula).toHaveBeenCalledTimes(1);

  fireEvent.click(screen.getByRole("button", { name: "插入到所选单元格" }));
  await screen.findByText(/所选单元格不为空/);
  service.insertFormula.mockResolvedValueOnce(undefined);
  fireEvent.click(screen.getByRole("button", { name: "覆盖" }));
  await waitFor(() => expect(service.insertFormula).toHaveBeenLastCalledWith(formula, { overwrite: true }));
  expect(await screen.findByText(`已插入 ${formula}`)).toBeTruthy();
});

test("no hits says so", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "zzzz不存在的指标qqq" } });
  expect(screen.getByText("没有匹配的指标。")).toBeTruthy();
});

test("under the formula: the plan's own name of the indicator and its quote, for the target that answers it", async () => {
  await setup();
  fireEvent.change(search(), { target: { value: "益阳 万人发明专利" } });
  fireEvent.click(options()[0]);
  expect(screen.getByRole("textbox", { name: "公式" })).toHaveProperty(
    "value",
    '=PLAN.TARGET("益阳","每万人口发明专利拥有量",2025)',
  );
  // seed 004: 每万人拥有有效发明专利5件 — the plan's own wording, not the canonical name
  expect(screen.getByLabelText("公式对应的规划目标").textContent).toContain(
    "规划中的指标:每万人拥有有效发明专利",
  );
  expect(screen.getByText(/^原文:“.*每万人拥有有效发明专利.*”$/)).toBeTruthy();
});
