/** @jest-environment jsdom */
// The source card of an imported plan's row: the 出处 its user gave, not a seeds/ path that does not exist.
import { render, screen } from "@testing-library/react";
import { SourceCard, seedPath } from "../../src/taskpane/report/SourceCard";
import type { RowSource } from "../../src/services/service";

const imported: RowSource = {
  sheetName: "进度_示例县十五五科技",
  targetId: "pack-example-shilixian-15th.hte",
  indicator: "高新技术企业",
  subject: "示例县",
  planTitle: "示例县“十五五”科技创新规划",
  file: "示例县人民政府网(虚构示例)",
  quote: "到2030年,全县高新技术企业达到150家以上",
  value: 150,
  unit: "家",
  citation: "《示例县“十五五”科技创新规划》(示例县人民政府,2026-03;导入自:示例县人民政府网(虚构示例))",
};

test("seedPath: a seed file name or path is seeds/…; anything else is no seed", () => {
  expect(seedPath("004_0123456789abcdef.txt")).toBe("seeds/004_0123456789abcdef.txt");
  expect(seedPath("原文:seeds/004_0123456789abcdef.txt)")).toBe("seeds/004_0123456789abcdef.txt");
  expect(seedPath("示例县人民政府网")).toBeNull();
});

test("an imported row shows 导入自 and the user's 出处", () => {
  render(<SourceCard source={imported} />);
  expect(screen.getByText("导入自")).toBeTruthy();
  expect(screen.getByText("示例县人民政府网(虚构示例)")).toBeTruthy();
  expect(screen.queryByText(/seeds\//)).toBeNull();
  expect(screen.queryByText("原文文件")).toBeNull();
});
