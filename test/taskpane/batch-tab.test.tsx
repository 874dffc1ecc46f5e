/** @jest-environment jsdom */
// The 批量 tab over the in-memory workbook: paste, preview (problems, rows still lacking 基期值), write.
import { createCatalogStore } from "../../src/core/catalog/store";
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { COL, needsBaselineInput, planTargets, plansCovering } from "../../src/core/sheet/layout";
import { createBatchService } from "../../src/sheet/batch-actuals";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { colIndex } from "../../src/workbook/workbook";
import { App } from "../../src/taskpane/App";
import { serviceOver } from "../shared/service-over";

// Writes recalculate PLAN.* in HyperFormula; on a loaded machine that takes longer than the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

const catalog = bundledCatalog();

async function setup() {
  const plan = plansCovering(catalog, "zhongshan", 2022).find((p) =>
    planTargets(catalog, p.id).some((t) => t.indicatorDef.name === "高新技术企业" && needsBaselineInput(t)),
  )!;
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  const service = serviceOver(wb, { year: 2022, catalog: catalog });
  const { sheetName } = await service.generate(plan.id, 2022);
  await act(async () => {
    render(
      <App
        service={service}
        store={createCatalogStore(catalog)}
        batch={createBatchService(wb, createCatalogStore())}
      />,
    );
  });
  fireEvent.click(screen.getByRole("tab", { name: "批量" }));
  const panel = within(document.getElementById("panel-batch")!);
  await panel.findByRole("option", { name: sheetName });
  return { wb, sheetName, panel };
}

test("paste, see the problem and what is lacking, fix, write", async () => {
  const { wb, sheetName, panel } = await setup();
  const paste = panel.getByRole("textbox", { name: "粘贴实际值" });
  fireEvent.change(paste, { target: { value: "高新技术企业\t-3000\n" } });
  fireEvent.click(panel.getByRole("button", { name: "预览" }));
  expect(await panel.findByText(/第 1 行:value\(实际值\)“-3000”应不小于0/)).toBeTruthy();
  expect((panel.getByRole("button", { name: "写入 0 行" }) as HTMLButtonElement).disabled).toBe(true);

  fireEvent.change(paste, { target: { value: "高新技术企业\t3000\n" } });
  fireEvent.click(panel.getByRole("button", { name: "预览" }));
  await panel.findByText(/高新技术企业:实际值 3000\(/);
  const lacking = within(panel.getByRole("region", { name: "仍无法评估" }));
  expect(lacking.getByText("高新技术企业:缺基期值")).toBeTruthy();

  fireEvent.change(paste, { target: { value: "高新技术企业\t3000\t2500\n" } });
  fireEvent.click(panel.getByRole("button", { name: "预览" }));
  await panel.findByText(/高新技术企业:实际值 3000,基期值 2500/);
  fireEvent.click(panel.getByRole("button", { name: "写入 1 行" }));
  expect(await panel.findByText("已写入 1 行")).toBeTruthy();
  const values = wb.valuesOf(sheetName);
  const r = values.findIndex((row) => row[colIndex(COL.indicator)] === "高新技术企业");
  expect(values[r][colIndex(COL.actual)]).toBe(3000);
  expect(values[r][colIndex(COL.baseline)]).toBe(2500);
});
