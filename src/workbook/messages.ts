// The host's message catalog: every refusal of the workbook, sheet and service floors as a HostReason with its
// arguments, and the one zh-CN text for each. HostError carries the reason and builds its message here. It lives
// on the workbook floor, the lowest that both the back ends and the services stand on.
import { messageOf, type MessageTable } from "../core/messages";
import { yearProblem } from "../core/method/years";

/** What a refused action was (the words after 无法). */
type SheetAction = "写入" | "转为数值" | "撤销";
/** What the office back end did with a new sheet whose write failed. */
export type NewSheetUndo = "removed" | "untouched" | "notOurs" | "failed";

export type HostReason =
  // ---- Protection
  | { reason: "sheetProtected"; sheet?: string; action: SheetAction; password?: boolean; unchanged?: boolean }
  | { reason: "structureProtected"; sheet: string; action: "添加或隐藏" | "删除"; unchanged?: boolean }
  | { reason: "storeProtected" }
  | { reason: "undoDenied" }
  // ---- Sheets and ranges
  | { reason: "sheetNotFound"; sheet: string; hint?: "removed" | "notWritten" | "fillTable" }
  | { reason: "sheetExists"; sheet: string }
  | { reason: "rangeSheetNotFound"; address: string }
  | { reason: "notARange"; address: string }
  | { reason: "notProgressSheet"; sheet: string; action: "刷新" | "批量填写" | "生成上报表" }
  | { reason: "foreignSheetNamed"; sheet: string }
  | { reason: "headerLost"; sheet: string }
  | { reason: "planNotBundled"; sheet: string; planId: string }
  | { reason: "columnMissing"; sheet: string; column: string }
  | { reason: "reportExists"; sheet: string }
  // ---- Selection
  | { reason: "noSelection" }
  | { reason: "noRowSelected" }
  | { reason: "notOnProgressSheetForReport" }
  | { reason: "notOnProgressSheetForChart" }
  | { reason: "notOnTargetRow" }
  | { reason: "chartColumnsMissing" }
  | { reason: "chartBlockOccupied"; firstRow: number; lastRow: number; column: string }
  | { reason: "noTableSelected" }
  | { reason: "tableTooLarge"; rows: number; cols: number }
  // ---- Not overwriting what the user has
  | { reason: "cellNotEmpty" }
  | { reason: "cellsNotEmpty"; cells: string[]; total: number }
  | { reason: "cellsDiffer"; cells: string[]; total: number }
  | {
      reason: "typedCells";
      sheet: string;
      cells: { cell: string; column: string; old: string | number | boolean }[];
    }
  | { reason: "yearDiffers"; sheet: string; sheetYear: number | null; year: number }
  // ---- Plans, years and packs
  | { reason: "badYear"; year: unknown }
  | { reason: "unknownPlan"; planId: string }
  | { reason: "planRegionMissing"; plan: string }
  | { reason: "fixIssuesFirst" }
  | { reason: "nothingToFill" }
  | { reason: "importFromStore" }
  | { reason: "packNotFound"; packId: string }
  | { reason: "noTargetsChosen" }
  | { reason: "tableHeaderNotFound"; sheet: string; rows: number }
  | { reason: "tableColumnsMissing"; columns: string[] }
  // ---- Undo
  | { reason: "nothingToUndo" }
  | { reason: "undoSheetGone"; sheet: string; label: string }
  | { reason: "undoChangedSince"; sheet: string; label: string; cells: string[]; more: boolean }
  // ---- Excel (office back end): the host refused or failed
  | { reason: "apiUnsupported"; api: string }
  | { reason: "readFormulasFailed"; error: string; selection: boolean }
  | { reason: "freezeFailed"; error: string }
  | { reason: "reprotectFailed"; sheets: string[]; error: string }
  | { reason: "readFailed"; error: string }
  | { reason: "listSheetsFailed"; error: string }
  | { reason: "readRangeFailed"; address: string; error: string }
  | {
      reason: "newSheetFailed";
      sheet: string;
      /** null: the workbook's structure is protected. */ error: string | null;
      undo: NewSheetUndo;
    }
  | { reason: "writeFailed"; sheet: string; error: string }
  | { reason: "readCellsFailed"; error: string }
  | { reason: "undoFailed"; error: string }
  | { reason: "recalcFailed"; error: string }
  // ---- Another layer's message, passed on as it is (a resolver's refusal in the 填表 tab)
  | { reason: "relayed"; message: string };

const MAX_LISTED = 10;
const list = (xs: readonly string[], total: number, unit = "个") =>
  `${xs.slice(0, MAX_LISTED).join("、")}${total > MAX_LISTED ? ` 等 ${total} ${unit}` : ""}`;
const retry = (menu: string) => `请先在“审阅 > ${menu}”中取消保护后重试。`;

const SHEET_HINT = {
  removed: ",它可能已被删除或重命名。",
  notWritten: ",未写入。",
  fillTable: "。请先插入空白规划目标表并填写,再导入。",
};

const NEW_SHEET_UNDO: Record<NewSheetUndo, (sheet: string) => string> = {
  removed: () => "已撤销本次生成,工作簿未作更改。",
  untouched: (sheet) => `工作簿未作更改(同名工作表“${sheet}”不是本次生成的,未改动它)。`,
  notOurs: (sheet) =>
    `工作表“${sheet}”上没有本加载项的标记,无法确认是本次生成的,因此没有删除它;如果它是本次生成留下的不完整表,请手动删除后重试。`,
  failed: () => "未能撤销已写入的部分,请删除该表后重试。",
};

const HOST_TEXT: MessageTable<HostReason> = {
  // ---- Protection
  sheetProtected: (r) =>
    `工作表${r.sheet ? `“${r.sheet}”` : ""}受${r.password ? "密码" : ""}保护,无法${r.action}${r.unchanged ? ",工作簿未作更改" : ""}。${retry("撤销工作表保护")}`,
  structureProtected: (r) =>
    `工作簿结构受保护,无法${r.action}工作表“${r.sheet}”${r.unchanged ? ",工作簿未作更改" : ""}。${retry("保护工作簿")}`,
  storeProtected: () =>
    "存放已导入规划的工作表受保护,无法更新,工作簿未作更改。请先撤销工作簿或工作表保护后重试。",
  undoDenied: () => "工作表或工作簿结构受保护,无法撤销。请先取消保护后重试。",
  // ---- Sheets and ranges
  sheetNotFound: (r) => `找不到工作表“${r.sheet}”${r.hint ? SHEET_HINT[r.hint] : "。"}`,
  sheetExists: (r) => `工作表“${r.sheet}”已存在。`,
  rangeSheetNotFound: (r) => `找不到区域“${r.address}”所在的工作表。`,
  notARange: (r) => `“${r.address}”不是单元格区域,请填写如 A5:A20 的地址。`,
  notProgressSheet: (r) => `工作表“${r.sheet}”不是本加载项生成的进度表,无法${r.action}。`,
  foreignSheetNamed: (r) =>
    `工作簿中已有名为“${r.sheet}”的工作表,但它不是本加载项生成的进度表。为免覆盖其中的内容,未作任何更改;请将该表重命名或删除后再生成。`,
  headerLost: (r) =>
    `无法识别工作表“${r.sheet}”的表头(含“目标ID”的一行),可能已被删除或改动。请撤销该改动后再刷新。`,
  planNotBundled: (r) => `工作表“${r.sheet}”对应的规划(${r.planId || "未知"})不在加载项内置数据中,无法刷新。`,
  columnMissing: (r) => `进度表“${r.sheet}”缺少“${r.column}”列,请先在“进度表”选项卡中刷新它。`,
  reportExists: (r) =>
    `上报表“${r.sheet}”已存在,未作更改。它的数字都引用进度表,会随进度表更新;如需重新生成,请先删除或重命名它(其中手写的填报人等内容请先记下)。`,
  // ---- Selection
  noSelection: () => "请先在工作表中选中一个单元格。",
  noRowSelected: () => "请先在进度表中选中一个指标所在的行。",
  notOnProgressSheetForReport: () => "请先切换到要上报的进度表(进度_…),再生成上报表。",
  notOnProgressSheetForChart: () => "请先切换到进度表,并选中一个指标所在的行,再绘制趋势图。",
  notOnTargetRow: () => "所选单元格不在进度表的指标行上:请选中要绘制趋势图的指标所在行的任一单元格。",
  chartColumnsMissing: () => "进度表缺少基期值、目标值等列,请先在“进度表”选项卡中刷新它。",
  chartBlockOccupied: (r) =>
    `趋势图数据区(第${r.firstRow}–${r.lastRow}行,自 ${r.column} 列起)已有内容,为免覆盖,未绘制。请移走这些内容后重试。`,
  noTableSelected: () => "请先在表格中选中行标题(指标名称)所在的单元格区域。",
  tableTooLarge: (r) => `所选区域过大(${r.rows} 行 × ${r.cols} 列),请只选中行标题所在的列。`,
  // ---- Not overwriting what the user has
  cellNotEmpty: () => "所选单元格不为空。为免覆盖已有内容,未插入公式;请选择空白单元格,或确认覆盖。",
  cellsNotEmpty: (r) => `以下单元格不为空:${list(r.cells, r.total)}。为免覆盖已有内容,未写入。`,
  cellsDiffer: (r) => `以下单元格已有不同的值:${list(r.cells, r.total)}。为免覆盖,未写入。`,
  typedCells: (r) =>
    `工作表“${r.sheet}”中有 ${r.cells.length} 个由加载项计算或填写的单元格被手动改成了数值:` +
    `${list(
      r.cells.map((c) => `${c.cell}${c.column ? `(${c.column})` : ""}:${c.old}`),
      r.cells.length,
      "处",
    )}。刷新会改写它们,为免丢失,未作更改。请把需要保留的内容移到备注或表格外,或在刷新时确认改写。`,
  yearDiffers: (r) =>
    `工作表“${r.sheet}”的评估年份是${r.sheetYear ?? "空白或无效"},与所选的 ${r.year} 不同。请选择使用哪一个。`,
  // ---- Plans, years and packs
  badYear: (r) => `评估年份${yearProblem(r.year)}`,
  unknownPlan: (r) => `内置数据中没有这份规划(${r.planId})。`,
  planRegionMissing: (r) => `内置数据中没有规划“${r.plan}”的地区。`,
  fixIssuesFirst: () => "请先修正预览中列出的问题,再写入。",
  nothingToFill: () => "没有可写入的行:请先为出错的行选择建议或跳过。",
  importFromStore: () => "这是本加载项存放已导入规划的表,不能从它导入。",
  packNotFound: (r) => `工作簿中没有编号为“${r.packId}”的已导入规划,可能已被移除。`,
  noTargetsChosen: () => "没有选中要写入的目标。",
  tableHeaderNotFound: (r) =>
    `工作表“${r.sheet}”的前 ${r.rows} 行中找不到规划目标表的表头,未作更改。请将其重命名后重试,加载项会新建一张规划目标表。`,
  tableColumnsMissing: (r) =>
    `规划目标表缺少“${r.columns.join("”“")}”列,未作更改。请在表头中加上这些列后重试。`,
  // ---- Undo
  nothingToUndo: () => "没有可撤销的操作。",
  undoSheetGone: (r) => `工作表“${r.sheet}”已不存在或已改名,无法撤销“${r.label}”。`,
  undoChangedSince: (r) =>
    `无法撤销“${r.label}”:工作表“${r.sheet}”在此之后又有改动(${r.cells.join("、")}${r.more ? " 等" : ""}),撤销会覆盖这些改动,因此未作更改。如需恢复,请手动修改。`,
  // ---- Excel (office back end)
  apiUnsupported: (r) =>
    `当前 Excel 版本不支持本加载项所需的接口(ExcelApi ${r.api}),工作簿未作更改。本加载项需要 Microsoft 365 或 Excel 2021 及以上版本(含 Excel 网页版)。`,
  readFormulasFailed: (r) =>
    `读取公式时 Excel 报错:${r.error}。${r.selection ? "请选择一个连续的单元格区域后重试。" : ""}工作簿未作更改。`,
  freezeFailed: (r) => `转为数值时 Excel 报错:${r.error}。部分单元格可能已转为数值,请检查后重试。`,
  reprotectFailed: (r) =>
    `已转为数值,但未能重新保护工作表 ${r.sheets.map((n) => `“${n}”`).join("、")}:${r.error}。请在“审阅 > 保护工作表”中重新保护。`,
  readFailed: (r) => `读取工作簿时 Excel 报错:${r.error}。工作簿未作更改。`,
  listSheetsFailed: (r) => `读取工作表列表时 Excel 报错:${r.error}。`,
  readRangeFailed: (r) => `无法读取区域“${r.address}”:${r.error}。请填写如 A5:A20 的地址。`,
  newSheetFailed: (r) =>
    `${
      r.error === null
        ? `工作簿结构受保护,无法添加工作表“${r.sheet}”(请先在“审阅 > 保护工作簿”中取消保护后重试)`
        : `生成工作表“${r.sheet}”时 Excel 报错:${r.error}`
    }。${NEW_SHEET_UNDO[r.undo](r.sheet)}`,
  writeFailed: (r) =>
    `写入工作表“${r.sheet}”时 Excel 报错:${r.error}。该表可能只更新了一部分;您填写的实际值、基期值、备注不会被改写,可再次刷新以完成更新。`,
  readCellsFailed: (r) => `读取要写入的单元格时 Excel 报错:${r.error}。工作簿未作更改。`,
  undoFailed: (r) => `撤销时 Excel 报错:${r.error}。工作簿可能只恢复了一部分,请检查后手动修改。`,
  recalcFailed: (r) =>
    `Excel 未能重新计算:${r.error}。请按 Ctrl+Alt+F9 手动完全重算,已有的 PLAN.* 公式才会使用新导入的规划。`,
  relayed: (r) => r.message,
};

/** The zh-CN text of a reason. */
export const hostMessage = (r: HostReason): string => messageOf(HOST_TEXT, r);
