// The ExcelJS writer (read back with ExcelJS) and the `plan report` command.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { commands } from "../../src/cli/commands";
import { parseNumber } from "../../src/cli/report";
import { bundledCatalog, progressInputFor } from "../../src/core/catalog/catalog";
import { assess } from "../../src/core/method/methodology";
import {
  buildProgressSheet,
  COL,
  colLetter,
  HISTORY_FIRST_COL,
  needsBaselineInput,
  COLUMNS,
  plansCovering,
  SHEET,
  STATUS_COLORS,
  type ProgressSheetLayout,
} from "../../src/core/sheet/layout";
import { reportSheetNameFor } from "../../src/core/sheet/report-layout";
import { layoutToWorkbook } from "../../src/sheet/report-file";
import { runReport, tempDir } from "./helpers";

const catalog = bundledCatalog();
const tmp = tempDir("plan-report-");
afterAll(() => tmp.cleanup());

const rowOf = (layout: ProgressSheetLayout, targetId: string) =>
  SHEET.firstDataRow + layout.targetIds.indexOf(targetId);
/** The cell of a year's actual in the history block of a target's row. */
const yearCell = (layout: ProgressSheetLayout, year: number, targetId: string) =>
  `${colLetter(HISTORY_FIRST_COL + layout.historyYears.indexOf(year))}${rowOf(layout, targetId)}`;
/** What 实际值 shows: the result stored with its formula (the 评估年份's yearly value). */
const shown = (ws: ExcelJS.Worksheet, ref: string) => {
  const v = ws.getCell(ref).value;
  return v && typeof v === "object" && "formula" in v ? v.result : v;
};

async function readBack(wb: ExcelJS.Workbook): Promise<{ book: ExcelJS.Workbook; zip: JSZip }> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  return { book, zip: await JSZip.loadAsync(buf) };
}

/** The progress sheets of a written report (each is followed by its 上报 sheet). */
const progressSheets = (book: ExcelJS.Workbook) => book.worksheets.filter((w) => w.name.startsWith("进度_"));

async function readFile(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe("layoutToWorkbook", () => {
  const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
  const inputs = new Map([
    ["yy14.hightech_enterprises", { actual: 470 }],
    ["yy14.tech_contract_share", { actual: 1.5, baseline: 0.9 }],
  ]);
  let ws: ExcelJS.Worksheet;
  let zip: JSZip;

  beforeAll(async () => {
    const read = await readBack(layoutToWorkbook([layout], inputs));
    ws = read.book.getWorksheet(layout.sheetName)!;
    zip = read.zip;
  });

  test("every layout cell: value or formula (without '='), number format", () => {
    expect(ws).toBeDefined();
    layout.rows.forEach((cells, ri) =>
      cells.forEach((c, ci) => {
        const cell = ws.getCell(ri + 1, ci + 1);
        if (c.formula) expect(cell.formula).toBe(c.formula.slice(1));
        else if (c.value !== undefined && c.value !== null) expect(cell.value).toBe(c.value);
        if (c.numFmt) expect(cell.numFmt ?? "General").toBe(c.numFmt); // ExcelJS reads General back as none
      }),
    );
    expect(ws.getCell(SHEET.yearCell).value).toBe(2023);
    expect(ws.getCell(`${COL.status}${SHEET.firstDataRow}`).formula).toMatch(/^IF\(/);
  });

  test("data validation on every input cell, read back from the file: range, Chinese input message, stop alert", () => {
    const share = ws.getCell(`${COL.actual}${rowOf(layout, "yy14.rd_intensity")}`).dataValidation;
    expect(share).toMatchObject({
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [0, 100],
      showInputMessage: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "输入有误",
    });
    expect(share.prompt).toContain("2.1 表示 2.1%");
    const baseline = ws.getCell(`${COL.baseline}${rowOf(layout, "yy14.tech_contract_share")}`).dataValidation;
    expect(baseline).toMatchObject({ type: "decimal", promptTitle: "基期值" });
    expect(ws.getCell(SHEET.yearCell).dataValidation).toMatchObject({
      type: "whole",
      formulae: [2020, 2025],
    });
    let n = 0;
    layout.rows.forEach((cells, ri) =>
      cells.forEach((c, ci) => {
        const dv = ws.getCell(ri + 1, ci + 1).dataValidation;
        expect([ri, ci, !!dv?.type]).toEqual([ri, ci, !!c.validation]);
        if (c.validation) n++;
      }),
    );
    const targets = layout.targetIds.map((id) => catalog.targetById.get(id)!);
    // 评估年份 and its three 进度比分档下限; per row 实际值 (a value typed over its formula is checked too) and each
    // year; missing 基期值.
    const years = layout.historyYears.length;
    expect(n).toBe(1 + 3 + targets.length * (1 + years) + targets.filter(needsBaselineInput).length);
  });

  test("actuals land in the 评估年份's yearly cell (实际值 shows it) and (where it is an input cell) 基期值", () => {
    expect(ws.getCell(yearCell(layout, 2023, "yy14.hightech_enterprises")).value).toBe(470);
    expect(shown(ws, `${COL.actual}${rowOf(layout, "yy14.hightech_enterprises")}`)).toBe(470);
    expect(ws.getCell(yearCell(layout, 2022, "yy14.hightech_enterprises")).value).toBeNull();
    const r = rowOf(layout, "yy14.tech_contract_share");
    expect(ws.getCell(yearCell(layout, 2023, "yy14.tech_contract_share")).value).toBe(1.5);
    expect(shown(ws, `${COL.actual}${r}`)).toBe(1.5);
    expect(ws.getCell(`${COL.baseline}${r}`).value).toBe(0.9);
    // Plan-given baseline untouched.
    expect(ws.getCell(`${COL.baseline}${rowOf(layout, "yy14.hightech_enterprises")}`).value).toBe(312);
  });

  test("formulas carry their results (for viewers that do not calculate), equal to the methodology", () => {
    const r = rowOf(layout, "yy14.hightech_enterprises");
    expect(ws.getCell(`${COL.status}${r}`).result).toBe("进度滞后");
    expect(ws.getCell(`${COL.elapsed}${r}`).result).toBeCloseTo(0.6, 12);
    expect(ws.getCell(`${COL.expected}${r}`).result).toBeCloseTo(484.8, 9);
    expect(ws.getCell(`${COL.variance}${r}`).result).toBeCloseTo(-14.8, 9);
    expect(ws.getCell(`${COL.forecast}${r}`).result).toBeCloseTo(470 + (158 / 3) * 2, 9); // 575.3
    expect(ws.getCell(`${COL.outlook}${r}`).result).toBe("预计难以完成");
    // A row without an actual: blank results, status 无法评估.
    const blank = rowOf(layout, "yy14.rd_intensity");
    expect(ws.getCell(`${COL.completion}${blank}`).result ?? "").toBe(""); // <v></v>, read back as undefined
    expect(ws.getCell(`${COL.status}${blank}`).result).toBe("无法评估");
    expect(ws.getCell(`${COL.forecast}${blank}`).result ?? "").toBe("");
    expect(ws.getCell(`${COL.outlook}${blank}`).result).toBe("无法评估(缺实际值)");
    // The status counts above the table.
    const counts = new Map<string, number>();
    ws.getRow(SHEET.headerRow - 1).eachCell((cell) => {
      const m = /"([^"]+)"\)$/.exec(cell.formula ?? "");
      if (m) counts.set(m[1], Number(cell.result));
    });
    const expected = new Map<string, number>();
    for (const id of layout.targetIds) {
      const v = inputs.get(id);
      const p = assess(
        progressInputFor(catalog.targetById.get(id)!, v?.actual ?? null, 2023, v?.baseline ?? null),
      );
      expected.set(p.status, (expected.get(p.status) ?? 0) + 1);
    }
    for (const [status, n] of counts) expect([status, n]).toEqual([status, expected.get(status) ?? 0]);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(layout.targetIds.length);
  });

  test("a baseline for a row whose 基期值 is not an input cell is refused", () => {
    expect(() =>
      layoutToWorkbook([layout], new Map([["yy14.hightech_enterprises", { baseline: 300 }]])),
    ).toThrow(/基期值/);
  });

  test("styles: input cells light yellow with a border, header filled, widths, hidden id column", () => {
    const input = ws.getCell(`${colLetter(HISTORY_FIRST_COL)}${SHEET.firstDataRow}`);
    expect(input.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(input.border?.left?.style).toBe("thin");
    expect(ws.getCell(SHEET.yearCell).fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws.getCell(`A${SHEET.headerRow}`).fill).toMatchObject({ fgColor: { argb: "FF1F4E79" } });
    expect(ws.getCell(`A${SHEET.headerRow}`).font?.bold).toBe(true);
    COLUMNS.forEach((c, i) => {
      expect(ws.getColumn(i + 1).width).toBe(c.width);
      expect(ws.getColumn(i + 1).hidden).toBe(!!c.hidden);
    });
    expect(ws.getColumn(COL.id).hidden).toBe(true);
    expect(ws.getCell(SHEET.markerCell).value).toBe(SHEET.marker);
  });

  test("merges, frozen header, print setup", () => {
    expect([...ws.model.merges].sort()).toEqual([...layout.merges].sort());
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "6:6",
      printArea: layout.print.area,
    });
  });

  test("conditional formats: an expression rule per status, data bars on 序时进度 and 完成进度", () => {
    // Read back by ExcelJS, though missing from its type declarations.
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    const statusRange = `${COL.status}${SHEET.firstDataRow}:${COL.status}${SHEET.firstDataRow + layout.targetIds.length - 1}`;
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      const cf = cfs.find((c) =>
        c.rules.some((r) => r.type === "expression" && r.formulae?.[0] === `$${COL.status}7="${status}"`),
      );
      expect(cf?.ref).toBe(statusRange);
      const rule = cf!.rules[0] as ExcelJS.ExpressionRuleType;
      expect(rule.style?.fill).toMatchObject({ bgColor: { argb: `FF${color.fill}` } });
      expect(rule.style?.font?.color).toMatchObject({ argb: `FF${color.font}` });
    }
    const bars = cfs.filter((c) => c.rules.some((r) => r.type === "dataBar")).map((c) => c.ref);
    const last = SHEET.firstDataRow + layout.targetIds.length - 1;
    expect(bars.sort()).toEqual(
      [`${COL.elapsed}7:${COL.elapsed}${last}`, `${COL.completion}7:${COL.completion}${last}`].sort(),
    );
  });

  test("the file asks for a full recalculation on load; the data bar's x14 reference is not dangling", async () => {
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(wbXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const ids = [...sheetXml.matchAll(/<x14:id>([^<]*)<\/x14:id>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      expect(id).not.toBe("");
      expect(sheetXml).toContain(`<x14:cfRule type="dataBar" id="${id}"`);
    }
    expect(sheetXml).not.toContain("<x14:id/>");
  });
});

describe("parseNumber", () => {
  test.each([
    ["470", 470],
    [" 1,234.5 ", 1234.5],
    ["４７０", 470],
    ["-0.5", -0.5],
    ["", null],
  ])("%s", (raw, n) => expect(parseNumber(raw)).toBe(n));
  test.each(["470家", "2.5%", "abc", "1,23", "--1"])("%s is not a number", (raw) =>
    expect(parseNumber(raw)).toBeNaN(),
  );
});

describe("plan report", () => {
  test("is registered in the command table", () => {
    expect(commands.report).toBeDefined();
    expect(commands.report.usage).toContain("--region");
  });

  test("益阳 2023 with actuals: one sheet, values in their rows, summary on stdout", async () => {
    const csv = tmp.file(
      "yy.csv",
      "\uFEFFindicator,value,baseline\r\n高新技术企业,470,\r\n技术合同认定登记额占GDP比重,1.5,0.9\r\n",
    );
    const out = join(tmp.dir, "益阳-2023.xlsx");
    const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", csv, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("实际值 2 项、基期值 1 项");
    const book = await readFile(out);
    // Each progress sheet is followed by its 上报 sheet (tested in print.test.ts).
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "进度_益阳十四五科技发展规划",
      "上报_益阳十四五科技发展规划",
    ]);
    const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
    const ws = book.worksheets[0];
    expect(ws.getCell(yearCell(layout, 2023, "yy14.hightech_enterprises")).value).toBe(470);
    expect(ws.getCell(`${COL.baseline}${rowOf(layout, "yy14.tech_contract_share")}`).value).toBe(0.9);
  });

  test("Chinese headers and the entity column (a sub-area's target in the city's plan)", async () => {
    const csv = tmp.file(
      "zs-entity.csv",
      "主体,指标,实际值,基期值\n哈工大创新中心,专职科研人员,60,0\n,高新技术企业,3000,2500\n",
    );
    const out = join(tmp.dir, "中山-entity.xlsx");
    const r = await runReport(["--region", "中山", "--year", "2022", "--actuals", csv, "--out", out]);
    expect(r.code).toBe(0);
    const book = await readFile(out);
    const gba = buildProgressSheet(catalog, "zhongshan-gba-2019", { year: 2022 });
    const zs14 = buildProgressSheet(catalog, "zhongshan-14th", { year: 2022 });
    const r1 = rowOf(gba, "zsgba.research_staff.zs-hit");
    expect(
      book.getWorksheet(gba.sheetName)!.getCell(yearCell(gba, 2022, "zsgba.research_staff.zs-hit")).value,
    ).toBe(60);
    expect(book.getWorksheet(gba.sheetName)!.getCell(`${COL.baseline}${r1}`).value).toBe(0);
    expect(
      book.getWorksheet(zs14.sheetName)!.getCell(yearCell(zs14, 2022, "zs14.hightech_enterprises")).value,
    ).toBe(3000);
  });

  test("without --plan, 中山 2022 gets a sheet for each plan covering 2022", async () => {
    const out = join(tmp.dir, "中山-2022.xlsx");
    const r = await runReport(["--region", "中山", "--year", "2022", "--out", out]);
    expect(r.code).toBe(0);
    const expected = plansCovering(catalog, "zhongshan", 2022);
    expect(expected.length).toBeGreaterThan(1);
    const book = await readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(
      expected.flatMap((p) => {
        const name = buildProgressSheet(catalog, p.id, { year: 2022 }).sheetName;
        return [name, reportSheetNameFor(name)];
      }),
    );
    expect(progressSheets(book).map((w) => w.getCell(SHEET.planIdCell).value)).toEqual(
      expected.map((p) => p.id),
    );
  });

  test("--plan selects one sheet (by short name or id)", async () => {
    for (const plan of ["中山湾区科创中心行动计划", "zhongshan-gba-2019"]) {
      const out = join(tmp.dir, `plan-${plan}.xlsx`);
      const r = await runReport(["--region", "中山", "--year", "2022", "--plan", plan, "--out", out]);
      expect(r.code).toBe(0);
      const book = await readFile(out);
      expect(progressSheets(book).map((w) => w.getCell(SHEET.planIdCell).value)).toEqual([
        "zhongshan-gba-2019",
      ]);
    }
  });

  test("a name in the CSV with terminal escape codes is printed escaped", async () => {
    const csv = tmp.file("escape.csv", "indicator,value\n\u001b[2J\u001b]0;x\u0007人均科普经费,3\n");
    const r = await runReport([
      "--region",
      "益阳",
      "--year",
      "2023",
      "--actuals",
      csv,
      "--out",
      join(tmp.dir, "e.xlsx"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("\\u001b[2J\\u001b]0;x\\u0007人均科普经费");
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test("a UTF-16 CSV (Excel's Unicode text) is read; without its byte-order mark it is recognised by its zero bytes and read too", async () => {
    const text = "indicator\tvalue\n高新技术企业\t470\n";
    const le = join(tmp.dir, "utf16le.csv");
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const ok = await runReport([
      "--region",
      "益阳",
      "--year",
      "2023",
      "--actuals",
      le,
      "--out",
      join(tmp.dir, "u16.xlsx"),
    ]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("实际值 1 项");
    const bare = join(tmp.dir, "utf16-bare.csv");
    writeFileSync(bare, Buffer.from(text, "utf16le"));
    const r = await runReport([
      "--region",
      "益阳",
      "--year",
      "2023",
      "--actuals",
      bare,
      "--out",
      join(tmp.dir, "u16b.xlsx"),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("实际值文件按 UTF-16LE 编码读取");
    expect(r.stdout).toContain("实际值 1 项");
  });

  test("an unknown indicator in the CSV: exit 1, line number and suggestions, no file", async () => {
    const csv = tmp.file("unknown.csv", "indicator,value\n高新技术企业,470\n人均科普经费,3\n");
    const out = join(tmp.dir, "unknown.xlsx");
    const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", csv, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown.csv 第 3 行");
    expect(r.stderr).toContain("未找到指标“人均科普经费”");
    expect(r.stderr).toContain("您是不是要找");
    expect(r.stderr).toContain("未写入任何文件");
    expect(existsSync(out)).toBe(false);
  });

  test("an ambiguous name: exit 1, line number, the reason and the candidates, no file", async () => {
    const csv = tmp.file("ambiguous.csv", "indicator,value\n\n产业集群产值,4000\n");
    const out = join(tmp.dir, "ambiguous.xlsx");
    const r = await runReport(["--region", "中山", "--year", "2022", "--actuals", csv, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ambiguous.csv 第 3 行");
    expect(r.stderr).toContain("不够具体");
    expect(r.stderr).toMatch(/智能家居产业集群产值|电子信息产业集群产值/);
    expect(existsSync(out)).toBe(false);
  });

  test("a non-numeric value, a baseline the plan already gives, a duplicate row: every line reported, no file", async () => {
    const csv = tmp.file(
      "bad.csv",
      "indicator,value,baseline\n高新技术企业,470项,\n研发经费投入强度,2.1,1.5\n每万人口发明专利拥有量,3,\n每万人拥有有效发明专利,3.1,\n",
    );
    const out = join(tmp.dir, "bad.xlsx");
    const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", csv, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv 第 2 行:value\(实际值\)“470项”的单位“项”与规划单位“家”不同/);
    expect(r.stderr).toMatch(/bad\.csv 第 3 行:.*规划已给出基期值\(1\.89\)/);
    expect(r.stderr).toMatch(/bad\.csv 第 5 行:与第 4 行是同一个目标/);
    expect(existsSync(out)).toBe(false);
  });

  test("a target outside the sheets being written points to its plan", async () => {
    const csv = tmp.file("outside.csv", "indicator,value\n国家重大科技基础设施,1\n");
    const out = join(tmp.dir, "outside.xlsx");
    const r = await runReport([
      "--region",
      "中山",
      "--year",
      "2022",
      "--plan",
      "zhongshan-14th",
      "--actuals",
      csv,
      "--out",
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("第 2 行");
    expect(r.stderr).toContain("中山湾区科创中心行动计划(2019-2022)");
    expect(existsSync(out)).toBe(false);
  });

  test("a CSV in GBK (Excel's default on Chinese Windows) is read, and the encoding said", async () => {
    const csv = join(tmp.dir, "gbk.csv");
    // "indicator,value\n高新技术企业,470\n": 高 B8DF 新 D0C2 技 BCBC 术 CAF5 企 C6F3 业 D2B5 (GB2312, a part of GBK).
    const head = Buffer.from("indicator,value\n", "ascii");
    const name = Buffer.from([0xb8, 0xdf, 0xd0, 0xc2, 0xbc, 0xbc, 0xca, 0xf5, 0xc6, 0xf3, 0xd2, 0xb5]);
    writeFileSync(csv, Buffer.concat([head, name, Buffer.from(",470\n", "ascii")]));
    const out = join(tmp.dir, "gbk.xlsx");
    const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", csv, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("实际值文件按 GB18030 编码读取");
    expect(r.stdout).toContain("实际值 1 项");
    const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
    const book = await readFile(out);
    expect(book.worksheets[0].getCell(yearCell(layout, 2023, "yy14.hightech_enterprises")).value).toBe(470);
  });

  test("an existing --out is not overwritten without --force", async () => {
    const out = tmp.file("existing.xlsx", "the statistician's own file");
    const r = await runReport(["--region", "益阳", "--year", "2023", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("已存在");
    expect(r.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("the statistician's own file");
    const forced = await runReport(["--region", "益阳", "--year", "2023", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(progressSheets(await readFile(out))).toHaveLength(1);
  });

  test.each([
    [["--region", "益阳", "--year", "2023"], 2, "缺少 --out"],
    [["--region", "益阳", "--out", "x.xlsx"], 2, "缺少 --year"],
    [["--region", "益阳", "--year", "二〇二x", "--out", "x.xlsx"], 2, "评估年份无效"],
    [["--region", "益阳", "--year", "23", "--out", "x.xlsx"], 2, "评估年份无效"],
    [["--region", "益阳", "--year", "2023", "--out", "x.csv"], 2, ".xlsx"],
    [["--region", "益阳", "--year", "2023", "--out", "x.xlsx", "--colour", "red"], 2, "未知选项 --colour"],
    [["--region", "益羊", "--year", "2023", "--out", "x.xlsx"], 1, "您是不是要找"],
    [["--region", "益阳", "--year", "2030", "--out", "x.xlsx"], 1, "益阳十四五科技发展规划(2021-2025)"],
    [
      ["--region", "中山", "--year", "2023", "--plan", "城区科创强区行动方案", "--out", "x.xlsx"],
      1,
      "属于汕尾城区",
    ],
    [
      ["--region", "中山", "--year", "2023", "--plan", "不存在的规划", "--out", "x.xlsx"],
      1,
      "zhongshan-14th",
    ],
    [["--region", "翠亨新区", "--year", "2020", "--out", "x.xlsx"], 1, "--region 中山"],
  ])("usage error %j → exit %i, “%s”", async (args, code, text) => {
    const r = await runReport(args.map((a) => (a === "x.xlsx" || a === "x.csv" ? join(tmp.dir, a) : a)));
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(text);
    expect(r.stderr).toMatch(/^错误:/);
    expect(existsSync(join(tmp.dir, "x.xlsx"))).toBe(false);
  });

  test("the real command line: `npm run plan -- report` exits 1 on a bad CSV and writes nothing", () => {
    const csv = tmp.file("cli.csv", "indicator,value\n不存在的指标,1\n");
    const out = join(tmp.dir, "cli.xlsx");
    const p = spawnSync(
      process.execPath,
      [
        require.resolve("tsx/cli"),
        "src/cli/main.ts",
        "report",
        "--region",
        "益阳",
        "--year",
        "2023",
        "--actuals",
        csv,
        "--out",
        out,
      ],
      {
        cwd: join(__dirname, "../.."),
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(p.status).toBe(1);
    expect(p.stderr).toContain("cli.csv 第 2 行");
    expect(existsSync(out)).toBe(false);
  }, 90_000);
});
