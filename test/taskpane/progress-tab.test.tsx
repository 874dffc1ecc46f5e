/** @jest-environment jsdom */
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { HostError } from "../../src/services/service";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { counts, fakeService } from "./fake-service";

// Fluent's dialogs open and close with a transition: on a loaded machine the default 1 s is too short.
configure({ asyncUtilTimeout: 10_000 });

const catalog = bundledCatalog();
const yiyangSheet = { sheetName: "进度_益阳十四五科技发展规划", planId: "yiyang-14th", year: 2023 };

/** Render and let the initial listProgressSheets settle. */
async function setup(service = fakeService()) {
  await act(async () => {
    render(<App service={service} store={createCatalogStore(catalog)} />);
  });
  return service;
}
const planSelect = () => screen.getByRole("combobox", { name: "规划" });
const regionSelect = () => screen.getByRole("combobox", { name: "地区" });
const yearInput = () => screen.getByRole("spinbutton", { name: "评估年份" });
const optionTexts = (el: HTMLElement) =>
  within(el)
    .getAllByRole("option")
    .map((o) => o.textContent);

test("choosing a region lists only its plans (中山 has three)", async () => {
  const service = await setup();
  expect(service.listProgressSheets).toHaveBeenCalled();
  fireEvent.change(regionSelect(), { target: { value: "zhongshan" } });
  const zs = catalog.plansOfRegion("zhongshan").map((p) => p.shortName);
  expect(zs).toHaveLength(3);
  expect(optionTexts(planSelect())).toEqual(zs);
  fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
  expect(optionTexts(planSelect())).toEqual(["益阳十四五科技发展规划"]);
});

test("the default year is the current year clamped into the plan period", async () => {
  await setup();
  fireEvent.change(regionSelect(), { target: { value: "zhongshan" } });
  fireEvent.change(planSelect(), { target: { value: "zhongshan-gba-2019" } });
  const now = new Date().getFullYear();
  expect(yearInput()).toHaveProperty("value", String(Math.min(Math.max(now, 2019), 2022)));
});

test("生成 calls generate with the chosen plan and year and shows the counts per status", async () => {
  const service = await setup();
  fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
  fireEvent.change(yearInput(), { target: { value: "2023" } });
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  await screen.findByText(/已生成“进度_益阳十四五科技发展规划”:12 项目标,评估年份 2023/);
  expect(service.generate).toHaveBeenCalledWith("yiyang-14th", 2023);
  const badges = within(screen.getByRole("list", { name: "各状态目标数" }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);
  expect(badges).toEqual(["无法评估 9", "已完成 2", "进度滞后 1"]);
});

test("an invalid year disables 生成", async () => {
  await setup();
  fireEvent.change(yearInput(), { target: { value: "20" } });
  expect(screen.getByRole("button", { name: "生成" })).toHaveProperty("disabled", true);
  expect(screen.getByText("请输入四位年份")).toBeTruthy();
});

test("刷新 without data changes refreshes directly, keeping the sheet's year", async () => {
  const service = await setup(fakeService({ sheets: [yiyangSheet] }));
  fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
  await waitFor(() => expect(screen.getByRole("button", { name: "刷新" })).toHaveProperty("disabled", false));
  await waitFor(() => expect(yearInput()).toHaveProperty("value", "2023"));
  fireEvent.click(screen.getByRole("button", { name: "刷新" }));
  await screen.findByText(/已刷新“进度_益阳十四五科技发展规划”/);
  expect(service.planRefresh).toHaveBeenCalledWith(yiyangSheet.sheetName);
  expect(service.refresh).toHaveBeenCalledWith(yiyangSheet.sheetName, { applyDataChanges: false });
  expect(screen.queryByRole("dialog")).toBeNull();
});

test("刷新 passes a year the user typed", async () => {
  const service = await setup(fakeService({ sheets: [yiyangSheet] }));
  fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
  await waitFor(() => expect(screen.getByRole("button", { name: "刷新" })).toHaveProperty("disabled", false));
  fireEvent.change(yearInput(), { target: { value: "2024" } });
  fireEvent.click(screen.getByRole("button", { name: "刷新" }));
  await waitFor(() =>
    expect(service.refresh).toHaveBeenCalledWith(yiyangSheet.sheetName, {
      applyDataChanges: false,
      year: 2024,
    }),
  );
});

describe("刷新 with data changes", () => {
  const plan = {
    sheetName: yiyangSheet.sheetName,
    planId: "yiyang-14th",
    preservedInputs: 3,
    overwritten: [],
    dataChanges: [
      {
        targetId: "yy14.hightech_enterprises",
        indicator: "高新技术企业",
        subject: "益阳",
        field: "目标值",
        old: 500,
        new: 600,
        quote: "高新技术企业数达到600家以上",
      },
    ],
  };
  async function openDialog() {
    const service = await setup(fakeService({ sheets: [yiyangSheet], plan }));
    fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "刷新" })).toHaveProperty("disabled", false),
    );
    fireEvent.click(screen.getByRole("button", { name: "刷新" }));
    const dialog = await screen.findByRole("dialog");
    return { service, dialog };
  }
  // Under jsdom, tabster's modalizer marks the surface aria-hidden (no layout); query it with hidden: true.
  function button(dialog: HTMLElement, name: string) {
    return within(dialog).getByRole("button", { name, hidden: true });
  }

  test("shows target, old → new and the quote, and nothing is written yet", async () => {
    const { service, dialog } = await openDialog();
    expect(within(dialog).getByText("高新技术企业(益阳)")).toBeTruthy();
    expect(within(dialog).getByText(/目标值:500 → 600/)).toBeTruthy();
    expect(within(dialog).getByText("原文:“高新技术企业数达到600家以上”")).toBeTruthy();
    expect(within(dialog).getByText(/已填写的 3 项内容/)).toBeTruthy();
    expect(service.refresh).not.toHaveBeenCalled();
  });

  test("confirming applies the data changes", async () => {
    const { service, dialog } = await openDialog();
    fireEvent.click(button(dialog, "应用更改并刷新"));
    await waitFor(() =>
      expect(service.refresh).toHaveBeenCalledWith(yiyangSheet.sheetName, { applyDataChanges: true }),
    );
    expect(service.refresh).toHaveBeenCalledTimes(1);
  });

  test("declining refreshes without the data changes; cancelling writes nothing", async () => {
    const { service, dialog } = await openDialog();
    fireEvent.click(button(dialog, "不应用,仅刷新"));
    await waitFor(() =>
      expect(service.refresh).toHaveBeenCalledWith(yiyangSheet.sheetName, { applyDataChanges: false }),
    );

    fireEvent.click(screen.getByRole("button", { name: "刷新" }));
    const again = await screen.findByRole("dialog");
    fireEvent.click(button(again, "取消"));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(service.refresh).toHaveBeenCalledTimes(1);
  });
});

describe("刷新 over values typed into cells of ours", () => {
  const plan = {
    sheetName: yiyangSheet.sheetName,
    planId: "yiyang-14th",
    preservedInputs: 2,
    dataChanges: [],
    overwritten: [
      { cell: "N7", column: "差额", indicator: "高新技术企业", old: 12, new: "公式" },
      { cell: "P8", column: "状态", indicator: "研发投入强度", old: "已完成", new: "公式" },
    ],
  };

  test("lists each typed cell first; only 改写并刷新 writes, with overwriteTyped; 取消 writes nothing", async () => {
    const service = await setup(fakeService({ sheets: [yiyangSheet], plan }));
    fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "刷新" })).toHaveProperty("disabled", false),
    );
    fireEvent.click(screen.getByRole("button", { name: "刷新" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("刷新将改写手填的数值");
    expect(dialog.textContent).toContain("N7(差额,高新技术企业):12 → 公式");
    expect(dialog.textContent).toContain("P8(状态,研发投入强度):已完成 → 公式");
    expect(within(dialog).queryByRole("button", { name: "应用更改并刷新", hidden: true })).toBeNull();
    expect(service.refresh).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(service.refresh).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "刷新" }));
    const again = await screen.findByRole("dialog");
    fireEvent.click(within(again).getByRole("button", { name: "改写并刷新", hidden: true }));
    await waitFor(() =>
      expect(service.refresh).toHaveBeenCalledWith(yiyangSheet.sheetName, {
        applyDataChanges: false,
        overwriteTyped: true,
      }),
    );
  });
});

test("a HostError is shown in Chinese in a MessageBar and can be dismissed", async () => {
  const service = fakeService();
  const refusal = new HostError({ reason: "sheetProtected", sheet: "进度_益阳", action: "写入" });
  service.generate.mockRejectedValueOnce(refusal);
  await setup(service);
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  const msg = await screen.findByText(refusal.message);
  expect(screen.getByText("操作未完成")).toBeTruthy();
  expect(msg.closest("[role=group], .fui-MessageBar")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "关闭" })));
  expect(screen.queryByText(refusal.message)).toBeNull();
});

test("an unexpected error says so and that the workbook is unchanged", async () => {
  const service = fakeService();
  service.generate.mockRejectedValueOnce(new TypeError("x is undefined"));
  await setup(service);
  fireEvent.click(screen.getByRole("button", { name: "生成" }));
  expect(await screen.findByText(/发生意外错误,工作簿未作更改。详情:x is undefined/)).toBeTruthy();
});

describe("pane and sheet agree", () => {
  const active = (year: number | null, c: Parameters<typeof counts>[0]) => ({
    sheetName: yiyangSheet.sheetName,
    planId: "yiyang-14th",
    year,
    counts: counts(c),
    rows: 12,
  });

  test("生成 on a sheet with another 评估年份 asks: 使用 the pane's year or 保留 the sheet's", async () => {
    const service = fakeService({ sheets: [yiyangSheet] });
    const differs = () =>
      new HostError({ reason: "yearDiffers", sheet: "进度_益阳", sheetYear: 2023, year: 2024 });
    service.generate.mockRejectedValueOnce(differs()).mockRejectedValueOnce(differs());
    await setup(service);
    fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
    fireEvent.change(yearInput(), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: "生成" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("评估年份为 2023,窗格中为 2024");
    // Fluent's modalizer may mark the surface aria-hidden for a moment while it opens: retry, don't get once.
    fireEvent.click(await within(dialog).findByRole("button", { name: "使用 2024" }));
    await waitFor(() =>
      expect(service.generate).toHaveBeenLastCalledWith("yiyang-14th", 2024, { sheetYear: "replace" }),
    );
    fireEvent.change(yearInput(), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: "生成" }));
    fireEvent.click(await screen.findByRole("button", { name: "保留 2023" }));
    await waitFor(() =>
      expect(service.generate).toHaveBeenLastCalledWith("yiyang-14th", 2024, { sheetYear: "keep" }),
    );
  });

  test("on a progress sheet the pane shows its plan, its 评估年份 and its live counts, following edits", async () => {
    const service = fakeService({ sheets: [yiyangSheet], active: active(2022, { 无法评估: 12 }) });
    let listener: (() => void) | null = null;
    await act(async () => {
      render(
        <App
          service={service}
          store={createCatalogStore(catalog)}
          onSelectionChange={(l) => {
            listener = l;
            return () => (listener = null);
          }}
        />,
      );
    });
    await waitFor(() => expect(yearInput()).toHaveProperty("value", "2022"));
    expect(regionSelect()).toHaveProperty("value", "yiyang");
    expect(await screen.findByText(/当前“进度_益阳十四五科技发展规划”:12 项目标,评估年份 2022/)).toBeTruthy();
    // The statistician types an actual and a new year in the sheet; Enter moves the selection.
    service.activeProgressSheet.mockResolvedValue(active(2024, { 无法评估: 10, 进度滞后: 1, 输入有误: 1 }));
    await act(async () => listener!());
    await waitFor(() => expect(yearInput()).toHaveProperty("value", "2024"));
    const badges = within(screen.getByRole("list", { name: "各状态目标数" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(badges).toEqual(["无法评估 10", "进度滞后 1", "输入有误 1"]);
    expect(screen.getByText(/原因见表中“输入检查”列/)).toBeTruthy();
    // A year typed in the pane survives selection changes that do not change the sheet's year.
    fireEvent.change(yearInput(), { target: { value: "2025" } });
    await act(async () => listener!());
    expect(yearInput()).toHaveProperty("value", "2025");
  });
});

test("为所选指标绘制趋势图 (once the plan has a sheet) draws the selected row's chart and names the indicator", async () => {
  const service = await setup(fakeService({ sheets: [yiyangSheet] }));
  fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
  fireEvent.click(await screen.findByRole("button", { name: "为所选指标绘制趋势图" }));
  await screen.findByText(/已为“高新技术企业”绘制趋势图/);
  expect(service.drawTrendChart).toHaveBeenCalledTimes(1);
});

test("a refused trend chart shows the service's message", async () => {
  const service = fakeService({ sheets: [yiyangSheet] });
  const refusal = new HostError({ reason: "notOnTargetRow" });
  service.drawTrendChart.mockRejectedValueOnce(refusal);
  await setup(service);
  fireEvent.change(regionSelect(), { target: { value: "yiyang" } });
  fireEvent.click(await screen.findByRole("button", { name: "为所选指标绘制趋势图" }));
  await screen.findByText(refusal.message);
});
