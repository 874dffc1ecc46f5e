/** @jest-environment jsdom */
// The 导入规划 tab over the in-memory workbook: insert the table, import it, see the plan listed with its 出处 and
// offered by the other tabs; a wrong cell named; a re-import that asks; removal that asks; extraction from pasted
// plan text into the table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder } from "node:util";
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { createFace } from "../shared/face";
import { TABLE_HEADERS } from "../../src/core/packs/pack-table";
import { validatePack } from "../../src/core/packs/pack";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { createPackService, TABLE_SHEET } from "../../src/services/pack-service";
import { createProgressService } from "../../src/services/progress-service";
import { a1 } from "../../src/workbook/workbook";
import { App } from "../../src/taskpane/App";

configure({ asyncUtilTimeout: 10_000 });
// jsdom has no TextDecoder (browsers and Office's webviews do): the one from Node.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoder });

const SOURCE = "青山县“十五五”科技创新规划(青政发〔2026〕3号)";
const PLAN = "青山县“十五五”科技创新规划";
const ROW = [
  "青山县",
  PLAN,
  "高新技术企业",
  "家",
  "2025",
  "86",
  "2030",
  "150",
  "以上",
  "到2030年,全县高新技术企业达到150家以上",
  SOURCE,
];

let wb: MemoryWorkbook;
/** The runtime of the pane under test: its store. */
let face = createFace();
async function setup() {
  face = createFace();
  wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.select("Sheet1", "A1");
  const imports = createPackService(wb, face.store);
  await act(async () => {
    render(<App service={createProgressService(wb, face.store)} store={face.store} imports={imports} />);
  });
  fireEvent.click(screen.getByRole("tab", { name: "导入规划" }));
  return within(document.getElementById("panel-import")!);
}
const typeRow = (row: string[], r = 1) => row.forEach((v, c) => v && wb.setCell(TABLE_SHEET, a1(r, c), v));

test("insert the table, type a row, import: the report, the list (name, 出处, targets), the other tabs offer the plan", async () => {
  const panel = await setup();
  expect(panel.getByText(/本工作簿只使用内置的规划/)).toBeTruthy();
  fireEvent.click(panel.getByRole("button", { name: "插入空白规划目标表" }));
  await panel.findByText(/已插入“规划目标”表/);
  expect(wb.valuesOf(TABLE_SHEET)[0]).toEqual([...TABLE_HEADERS]);
  typeRow(ROW);
  fireEvent.click(panel.getByRole("button", { name: "从当前工作表导入" }));
  expect(await panel.findByText("已导入 1 份规划、1 个目标")).toBeTruthy();
  const list = within(panel.getByRole("region", { name: "已导入的规划" }));
  expect(list.getByText(`${PLAN}:1 个目标`)).toBeTruthy();
  expect(list.getByText(`出处:${SOURCE}`)).toBeTruthy();
  // The 进度表 tab's region list now has the imported region.
  const progress = within(document.getElementById("panel-progress")!);
  const regions = within(progress.getByRole("combobox", { name: "地区", hidden: true })).getAllByRole(
    "option",
    {
      hidden: true,
    },
  );
  expect(regions.map((o) => o.textContent)).toContain("青山县");
});

test("a wrong cell: the error names it; nothing is listed", async () => {
  const panel = await setup();
  fireEvent.click(panel.getByRole("button", { name: "插入空白规划目标表" }));
  await panel.findByText(/已插入/);
  typeRow(ROW.map((v, c) => (TABLE_HEADERS[c] === "目标值" ? "约六百" : v)));
  fireEvent.click(panel.getByRole("button", { name: "从当前工作表导入" }));
  expect(await panel.findByText(/规划目标!H2.*约六百/)).toBeTruthy();
  expect(panel.getByText(/有需要修正的内容,未导入任何规划/)).toBeTruthy();
  expect(panel.getByText(/本工作簿只使用内置的规划/)).toBeTruthy();
});

test("a pack file with a bad unit: the line names the plan, the target and the field in Chinese, and wraps", async () => {
  const panel = await setup();
  const pack = JSON.parse(readFileSync(join(__dirname, "../fixtures/example-pack.json"), "utf8"));
  pack.plans[0].targets[1].unit = "家 &";
  const v = validatePack(pack);
  const line = `bad-pack.json:${!v.ok && v.errors[0]}`;
  fireEvent.change(panel.getByLabelText("规划包文件"), {
    target: { files: [new File([JSON.stringify(pack)], "bad-pack.json", { type: "application/json" })] },
  });
  const item = await panel.findByText(line);
  expect(line).toMatch(
    /^bad-pack\.json:第 1 份规划《.+》第 2 个目标“.+”的单位\(unit\):填的是“家 &”,单位应为/,
  );
  expect(item.closest("ul")!.textContent).not.toMatch(/plans\[|targets\[/);
  // A file is not a table: the title does not say 表中 (the line names the plan and target instead).
  expect(panel.getByText("有需要修正的内容,未导入任何规划")).toBeTruthy();
  expect(getComputedStyle(item.closest("ul")!).overflowWrap).toBe("anywhere");
});

test("a table cell the pack schema refuses is named by its cell and row", async () => {
  const panel = await setup();
  fireEvent.click(panel.getByRole("button", { name: "插入空白规划目标表" }));
  await panel.findByText(/已插入/);
  typeRow(ROW.map((v, c) => (TABLE_HEADERS[c] === "单位" ? "家&" : v)));
  fireEvent.click(panel.getByRole("button", { name: "从当前工作表导入" }));
  expect(await panel.findByText(/^规划目标!D2\(第 2 行 单位\):填的是“家&”,单位应为/)).toBeTruthy();
});

test("importing the table again asks before replacing; removal asks too", async () => {
  const panel = await setup();
  fireEvent.click(panel.getByRole("button", { name: "插入空白规划目标表" }));
  await panel.findByText(/已插入/);
  typeRow(ROW);
  fireEvent.click(panel.getByRole("button", { name: "从当前工作表导入" }));
  await panel.findByText("已导入 1 份规划、1 个目标");
  wb.select(TABLE_SHEET, "A1");
  fireEvent.click(panel.getByRole("button", { name: "从当前工作表导入" }));
  expect(await panel.findByText(/已有同一编号的规划包/)).toBeTruthy();
  fireEvent.click(panel.getByRole("button", { name: "替换" }));
  expect(await panel.findByText("已导入 1 份规划、1 个目标")).toBeTruthy();

  fireEvent.click(panel.getByRole("button", { name: `移除 ${PLAN}` }));
  fireEvent.click(await panel.findByRole("button", { name: "确认移除" }));
  expect(await panel.findByText(`已移除“${PLAN}”`)).toBeTruthy();
  expect(panel.getByText(/本工作簿只使用内置的规划/)).toBeTruthy();
});

test("extraction: paste plan text, review the candidates (a baseline shown as such), write them into the table", async () => {
  const panel = await setup();
  const extract = within(panel.getByRole("region", { name: "提取" }));
  fireEvent.change(extract.getByRole("textbox", { name: "规划原文" }), {
    target: {
      value:
        "2025年,全县高新技术企业达到86家。到2030年,全县高新技术企业达到150家以上,研发经费投入强度达到2.2%。",
    },
  });
  fireEvent.click(extract.getByRole("button", { name: "提取候选目标" }));
  const list = within(await extract.findByRole("list", { name: "候选目标" }));
  expect(list.getAllByText(/^原文:/).length).toBeGreaterThanOrEqual(2);
  expect(list.getByText("基期(历史数据,不作目标)")).toBeTruthy();
  expect(list.getAllByRole("textbox", { name: "目标值" }).map((i) => (i as HTMLInputElement).value)).toEqual(
    expect.arrayContaining(["150", "2.2"]),
  );
  const write = () => extract.getByRole("button", { name: /写入规划目标表/ }) as HTMLButtonElement;
  expect(write().disabled).toBe(true); // 地区, 规划名称, 出处 first
  fireEvent.change(extract.getByRole("textbox", { name: /地区/ }), { target: { value: "青山县" } });
  fireEvent.change(extract.getByRole("textbox", { name: /规划名称/ }), { target: { value: PLAN } });
  fireEvent.change(extract.getByRole("textbox", { name: /出处/ }), { target: { value: SOURCE } });
  expect(write().disabled).toBe(false);
  fireEvent.click(write());
  expect(await extract.findByText(/已写入“规划目标”表第 2–/)).toBeTruthy();
  const rows = wb.valuesOf(TABLE_SHEET).slice(1);
  const quote = TABLE_HEADERS.indexOf("原文");
  expect(rows.map((r) => r[quote])).toEqual(expect.arrayContaining([expect.stringContaining("150家以上")]));
  const hte = rows.find((r) => r[TABLE_HEADERS.indexOf("目标值")] === 150)!;
  expect(hte[TABLE_HEADERS.indexOf("基期值")]).toBe(86);
}, 180_000); // about 45 s alone in jsdom; README's order runs it beside npm start's webpack watcher

test("a pack file chosen in the pane (.json): imported and listed; a second pick of the same file asks", async () => {
  const panel = await setup();
  const json = readFileSync(join(__dirname, "../fixtures/example-pack.json"));
  const pick = () =>
    fireEvent.change(panel.getByLabelText("规划包文件"), {
      target: { files: [new File([json], "example-pack.json", { type: "application/json" })] },
    });
  pick();
  expect(await panel.findByText(/^已导入 \d+ 份规划、\d+ 个目标$/)).toBeTruthy();
  expect(panel.queryByText(/本工作簿只使用内置的规划/)).toBeNull();
  pick();
  expect(await panel.findByText(/已有同一编号的规划包/)).toBeTruthy();
  fireEvent.click(panel.getByRole("button", { name: "取消" }));
  expect(panel.queryByText(/已有同一编号的规划包/)).toBeNull();
});

test("opening a workbook whose stored pack has a target another plan states: loaded, the conflict shown", async () => {
  face = createFace();
  wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  const first = createPackService(wb, face.store);
  await first.insertTableTemplate();
  typeRow(ROW);
  typeRow(
    [
      "益阳",
      "益阳新规划",
      "高新技术企业",
      "家",
      "",
      "",
      "2025",
      "900",
      "",
      "高新技术企业达到900家",
      "某文件",
    ],
    2,
  );
  expect((await first.importFromSheet()).kind).toBe("imported");
  face = createFace(); // a colleague's fresh runtime
  const imports = createPackService(wb, face.store);
  await act(async () => {
    render(
      <App
        service={createProgressService(wb, face.store)}
        store={face.store}
        imports={imports}
        importsLoading={imports.loadStored()}
      />,
    );
  });
  fireEvent.click(screen.getByRole("tab", { name: "导入规划" }));
  const panel = within(document.getElementById("panel-import")!);
  expect(await panel.findByText(/1 个目标与已有目标冲突,未导入/)).toBeTruthy();
  expect(panel.getByText(`出处:${SOURCE}`)).toBeTruthy();
});
