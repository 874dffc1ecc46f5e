// A statistician's own report table, for trying 填表 in the preview (preview.html?demo=report) and for its e2e
// test: a title, a 序号 column, numbered labels with units, a blank row, an ambiguous and an unknown label.
import type { MemoryWorkbook } from "../workbook/memory-workbook";

export const DEMO_SHEET = "我的报表";

const ROWS: (string | number | null)[][] = [
  ["益阳市科技创新主要指标完成情况(2023年)"],
  ["序号", "指标", "2023年实际"],
  [1, "1.高新技术企业数(家)", 470],
  [2, "2.R&D经费投入强度(%)", 2.1],
  [null, null, null],
  [3, "（三）每万人口发明专利拥有量(件)", 4.2],
  [4, "年均增速", 9],
  [5, "科普示范基地", 3],
];

export function addDemoReport(workbook: MemoryWorkbook): void {
  workbook.addSheet(DEMO_SHEET);
  ROWS.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) workbook.setCell(DEMO_SHEET, `${String.fromCharCode(65 + c)}${r + 1}`, v);
    }),
  );
  workbook.select(DEMO_SHEET, "B3:B8");
}
