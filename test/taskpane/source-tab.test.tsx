/** @jest-environment jsdom */
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import type { RowSource } from "../../src/services/service";
import { fakeService } from "./fake-service";

const source: RowSource = {
  sheetName: "进度_益阳十四五科技发展规划",
  targetId: "yy14.hightech_enterprises",
  indicator: "高新技术企业",
  subject: "益阳",
  planTitle: "益阳市“十四五”科技创新发展规划",
  file: "004_0123456789abcdef.txt",
  quote: "高新技术企业数达到600家以上",
  value: 600,
  unit: "家",
};

test("opening 出处 shows plan, seed file and quote of the selected row", async () => {
  const service = fakeService({ source });
  await act(async () => {
    render(<App service={service} store={createCatalogStore()} />);
  });
  fireEvent.click(screen.getByRole("tab", { name: "出处" }));
  expect(await screen.findByText("“高新技术企业数达到600家以上”")).toBeTruthy();
  expect(screen.getByText("《益阳市“十四五”科技创新发展规划》")).toBeTruthy();
  expect(screen.getByText("seeds/004_0123456789abcdef.txt")).toBeTruthy();
  expect(screen.getByText("600家")).toBeTruthy();
});

test("outside a target row it says so; 刷新出处 asks again", async () => {
  const service = fakeService({ source: null });
  await act(async () => {
    render(<App service={service} store={createCatalogStore()} />);
  });
  fireEvent.click(screen.getByRole("tab", { name: "出处" }));
  expect(await screen.findByText("所选单元格不在进度表的目标行上。")).toBeTruthy();
  service.sourceOfSelection.mockResolvedValueOnce(source);
  fireEvent.click(screen.getByRole("button", { name: "刷新出处" }));
  expect(await screen.findByText("“高新技术企业数达到600家以上”")).toBeTruthy();
});

test("a selection feed re-reads the source while the tab is shown", async () => {
  const service = fakeService({ source: null });
  let listener: (() => void) | null = null;
  const feed = (l: () => void) => {
    listener = l;
    return () => (listener = null);
  };
  await act(async () => {
    render(<App service={service} store={createCatalogStore()} onSelectionChange={feed} />);
  });
  // The 进度表 tab (shown first) follows the selection too; the source is read only once 出处 is shown.
  expect(service.sourceOfSelection).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole("tab", { name: "出处" }));
  await waitFor(() => expect(listener).not.toBeNull());
  service.sourceOfSelection.mockResolvedValueOnce(source);
  await act(async () => listener!());
  expect(await screen.findByText("“高新技术企业数达到600家以上”")).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "公式" }));
  await waitFor(() => expect(listener).toBeNull());
});
