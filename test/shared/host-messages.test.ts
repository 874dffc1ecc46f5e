// The host catalog's words (src/workbook/messages.ts). Behaviour tests assert a refusal's reason; what the
// statistician reads for each reason is pinned here, once.
import { hostMessage, type HostReason } from "../../src/workbook/messages";
import { HostError } from "../../src/workbook/errors";

const CASES: [HostReason, string[], string[]?][] = [
  [
    { reason: "sheetProtected", sheet: "进度_益阳", action: "写入", unchanged: true },
    ["工作表“进度_益阳”受保护,无法写入,工作簿未作更改", "审阅 > 撤销工作表保护"],
    ["密码"],
  ],
  [{ reason: "sheetProtected", action: "撤销", password: true }, ["工作表受密码保护,无法撤销"]],
  [
    { reason: "structureProtected", sheet: "Store", action: "添加或隐藏", unchanged: true },
    ["工作簿结构受保护,无法添加或隐藏工作表“Store”,工作簿未作更改", "审阅 > 保护工作簿"],
  ],
  [
    { reason: "newSheetFailed", sheet: "进度_益阳", error: "GeneralException", undo: "removed" },
    ["GeneralException", "已撤销本次生成,工作簿未作更改"],
  ],
  [
    { reason: "newSheetFailed", sheet: "进度_益阳", error: "ItemAlreadyExists", undo: "untouched" },
    ["同名工作表“进度_益阳”不是本次生成的,未改动它"],
  ],
  [
    { reason: "newSheetFailed", sheet: "进度_益阳", error: "GeneralException", undo: "notOurs" },
    ["没有本加载项的标记", "请手动删除后重试"],
  ],
  [
    { reason: "newSheetFailed", sheet: "进度_益阳", error: null, undo: "removed" },
    ["工作簿结构受保护,无法添加工作表“进度_益阳”"],
  ],
  [
    { reason: "apiUnsupported", api: "1.9" },
    ["ExcelApi 1.9", "Microsoft 365 或 Excel 2021 及以上"],
    ["2019"],
  ],
  [{ reason: "writeFailed", sheet: "进度_益阳", error: "x" }, ["只更新了一部分", "不会被改写"]],
  [{ reason: "cellNotEmpty" }, ["所选单元格不为空", "未插入公式"]],
  [{ reason: "foreignSheetNamed", sheet: "进度_益阳" }, ["不是本加载项生成的进度表", "未作任何更改"]],
  [
    { reason: "chartBlockOccupied", firstRow: 40, lastRow: 48, column: "B" },
    ["第40–48行,自 B 列起", "未绘制"],
  ],
  [
    { reason: "undoChangedSince", sheet: "进度_益阳", label: "刷新", cells: ["F5"], more: false },
    ["F5", "未作更改"],
  ],
  [{ reason: "nothingToUndo" }, ["没有可撤销的操作"]],
  [{ reason: "sheetNotFound", sheet: "不存在" }, ["找不到工作表“不存在”"]],
];

test.each(CASES)("%j reads as the statistician should", (reason, has, hasNot = []) => {
  const text = hostMessage(reason);
  for (const s of has) expect(text).toContain(s);
  for (const s of hasNot) expect(text).not.toContain(s);
});

test("a HostError's message is its reason's text, and the pane's question follows the reason", () => {
  const e = new HostError({ reason: "cellNotEmpty" });
  expect(e.message).toBe(hostMessage({ reason: "cellNotEmpty" }));
  expect(e.code).toBe("cellNotEmpty");
  expect(new HostError({ reason: "nothingToUndo" }).code).toBeUndefined();
});
