/** @jest-environment jsdom */
// Issue 25 item 11: the pane's lists of progress sheets follow the workbook. 批量 listed them once, on mount (and
// on focus), and said "工作簿中还没有进度表" right after 进度表 had generated one. Now the lists are read again
// on the host's sheet events (added, deleted, activated) and after the pane's own generate.
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { createBatchService } from "../../src/sheet/batch-actuals";
import type { BatchService } from "../../src/sheet/batch-actuals";
import type { ProgressSheetInfo } from "../../src/services/service";
import { App } from "../../src/taskpane/App";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { serviceOver } from "../shared/service-over";
import { fakeService, sheetEvent } from "./fake-service";

configure({ asyncUtilTimeout: 10_000 });

const catalog = bundledCatalog();
const NONE = /工作簿中还没有进度表/;
const yiyang: ProgressSheetInfo = {
  sheetName: "进度_益阳十四五科技发展规划",
  planId: "yiyang-14th",
  year: 2023,
};
const noBatch = {} as BatchService;
const batchPanel = () => within(document.getElementById("panel-batch")!);

describe("with a host that sends no sheet events", () => {
  test("批量 lists the sheet 进度表 has just generated, without a focus", async () => {
    const sheets: ProgressSheetInfo[] = [];
    const service = fakeService({ sheets });
    await act(async () => {
      render(<App service={service} store={createCatalogStore(catalog)} batch={noBatch} />);
    });
    expect(batchPanel().getByText(NONE)).toBeTruthy();
    sheets.push(yiyang);
    fireEvent.change(screen.getByRole("combobox", { name: "地区" }), { target: { value: "yiyang" } });
    fireEvent.click(screen.getByRole("button", { name: "生成" }));
    expect(await batchPanel().findByRole("option", { name: yiyang.sheetName, hidden: true })).toBeTruthy();
    expect(batchPanel().queryByText(NONE)).toBeNull();
  });
});

describe("with a host that sends sheet events", () => {
  test("a sheet added or deleted outside the pane is listed or dropped on the event", async () => {
    const sheets: ProgressSheetInfo[] = [];
    const service = fakeService({ sheets });
    await act(async () => {
      render(<App service={service} store={createCatalogStore(catalog)} batch={noBatch} />);
    });
    sheets.push(yiyang);
    // Without the event the list stays as it was read: the event is what brings the sheet.
    expect(batchPanel().queryByRole("option", { name: yiyang.sheetName, hidden: true })).toBeNull();
    await act(async () => sheetEvent(service));
    expect(await batchPanel().findByRole("option", { name: yiyang.sheetName, hidden: true })).toBeTruthy();
    sheets.pop();
    await act(async () => sheetEvent(service));
    expect(await batchPanel().findByText(NONE)).toBeTruthy();
  });

  test("the tabs unsubscribe when the pane goes", async () => {
    const service = fakeService();
    let unmount = () => {};
    await act(async () => {
      unmount = render(<App service={service} store={createCatalogStore(catalog)} batch={noBatch} />).unmount;
    });
    expect(service.onSheetsChanged).toHaveBeenCalled();
    unmount();
    const before = service.listProgressSheets.mock.calls.length;
    sheetEvent(service);
    expect(service.listProgressSheets.mock.calls.length).toBe(before);
  });
});

describe("the in-memory workbook (the preview's) sends Excel's sheet events", () => {
  const events = async (wb: MemoryWorkbook, change: () => unknown) => {
    let n = 0;
    const off = wb.onSheetsChanged(() => n++);
    await change();
    await new Promise((r) => setTimeout(r, 5));
    off();
    return n;
  };

  test("added, activated, deleted: one event per operation, none for a move within a sheet", async () => {
    const wb = new MemoryWorkbook();
    expect(await events(wb, () => wb.addSheet("Sheet1"))).toBe(1);
    expect(await events(wb, () => wb.select("Sheet1", "B2"))).toBe(0);
    wb.addSheet("Sheet2");
    await new Promise((r) => setTimeout(r, 5));
    expect(await events(wb, () => wb.select("Sheet2", "A1"))).toBe(1);
    const service = serviceOver(wb, { year: 2023, catalog });
    // A generate adds and activates its sheet in one write: one event, after the sheet is filled.
    let listed: string[] = [];
    const off = wb.onSheetsChanged(() => {
      void service.listProgressSheets().then((l) => (listed = l.map((x) => x.sheetName)));
    });
    await service.generate("yiyang-14th", 2023);
    await new Promise((r) => setTimeout(r, 5));
    off();
    expect(listed).toEqual([yiyang.sheetName]);
    expect(
      await events(wb, () => wb.restore({ deleteSheets: [yiyang.sheetName], remove: [], images: [] })),
    ).toBe(1);
  });

  test("批量 in the preview's pane lists a sheet a second service generated", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("Sheet1");
    const store = createCatalogStore(catalog);
    await act(async () => {
      render(
        <App
          service={serviceOver(wb, { year: 2023, store })}
          store={store}
          batch={createBatchService(wb, store)}
        />,
      );
    });
    expect(batchPanel().getByText(NONE)).toBeTruthy();
    await act(async () => void (await serviceOver(wb, { year: 2023, store }).generate("yiyang-14th", 2023)));
    expect(await batchPanel().findByRole("option", { name: yiyang.sheetName, hidden: true })).toBeTruthy();
  });
});
