// Issue 23: the CLI's summary says what the sheet it writes says. The CSV (每万人拥有有效发明专利数 -3, a share
// of 150, 470家), saved in GBK as Excel does on Chinese Windows, through `plan report --actuals`; the written file
// recalculated by LibreOffice (an engine of its own): the statuses it computes, counted, are the CLI's counts.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { buildProgressSheet, COL, COLUMNS, SHEET, thresholdCell } from "../../src/core/sheet/layout";
import { INPUT_ERROR } from "../../src/core/method/methodology";
import { recalcToCsv, runReport, SOFFICE, tempDir } from "./helpers";

const tmp = tempDir("plan-verdict-");
afterAll(() => tmp.cleanup());
const catalog = bundledCatalog();
const CSV =
  "indicator,value\n每万人拥有有效发明专利数,-3\n高新技术产业增加值占GDP比重,150\n高新技术企业,470家\n";

/** The CSV in GBK, by the iconv command (TextEncoder writes only UTF-8). */
function gbkFile(name: string, text: string): string {
  const p = join(tmp.dir, name);
  writeFileSync(p, execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: text }));
  return p;
}

/** "已完成 1、输入有误 2" of the CLI's line for a sheet → counts. */
function cliCounts(stdout: string, sheet: string): Map<string, number> {
  const line = stdout.split("\n").find((l) => l.includes(`${sheet}:`)) ?? "";
  const tail = line.slice(line.indexOf(";") + 1);
  return new Map([...tail.matchAll(/(\S+?) (\d+)/g)].map((m) => [m[1].replace(/^、/, ""), Number(m[2])]));
}

test("the issue's CSV, in GBK: read (encoding said), -3 and 150 flagged 输入有误, 470家 read as 470", async () => {
  const file = gbkFile("yy-gbk.csv", CSV);
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file))).toThrow();
  const out = join(tmp.dir, "yy.xlsx");
  const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", file, "--out", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("实际值文件按 GB18030 编码读取");
  expect(r.stdout).toContain("已填实际值 3 项");
  expect(r.stderr).toContain("yy-gbk.csv 第 2 行:value(实际值)“-3”应不小于0");
  expect(r.stderr).toContain("yy-gbk.csv 第 3 行:value(实际值)“150”应在0–100之间");
  const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
  expect(cliCounts(r.stdout, layout.sheetName).get(INPUT_ERROR)).toBe(2);
  expect(r.stdout).toMatch(/无法评估的原因:缺实际值 \d+ 行/);
});

test("a file no decoder reads is refused, saying so; nothing is written", async () => {
  const p = join(tmp.dir, "bin.csv");
  writeFileSync(p, Buffer.from([0x69, 0x6e, 0x64, 0xff, 0xff, 0xff, 0x0a, 0x80, 0x80]));
  const out = join(tmp.dir, "bin.xlsx");
  const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", p, "--out", out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("文件编码无法识别");
  expect(existsSync(out)).toBe(false);
});

const hasSoffice = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" }).status === 0;

test("LibreOffice's statuses of the written sheet, counted, are the CLI's counts", async () => {
  expect(hasSoffice).toBe(true);
  const out = join(tmp.dir, "lo.xlsx");
  const r = await runReport([
    "--region",
    "益阳",
    "--year",
    "2023",
    "--actuals",
    tmp.file("lo.csv", CSV),
    "--out",
    out,
  ]);
  expect(r.code).toBe(0);
  const p = recalcToCsv([out], tmp.dir, tmp.dir);
  expect(p.status).toBe(0);
  const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
  const rows = parse(readFileSync(join(tmp.dir, `lo-${layout.sheetName}.csv`), "utf8"), {
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const status = COLUMNS.findIndex((c) => c.key === "status");
  const id = COLUMNS.findIndex((c) => c.key === "id");
  const data = rows.slice(SHEET.firstDataRow - 1).filter((row) => row[id]);
  const sheet = new Map<string, number>();
  for (const row of data) sheet.set(row[status], (sheet.get(row[status]) ?? 0) + 1);
  expect(sheet.get(INPUT_ERROR)).toBe(2);
  expect([...cliCounts(r.stdout, layout.sheetName)].sort()).toEqual([...sheet].sort());
  expect(COL.status).toBeDefined();
}, 300_000);

test("exported as displayed text by LibreOffice, a % row shows 实际值 with a % sign as its 基期值 and 目标值, on the 上报 page and the progress sheet", async () => {
  expect(hasSoffice).toBe(true);
  const out = join(tmp.dir, "shown.xlsx");
  const csv = tmp.file("shown.csv", "indicator,value\n研发经费投入强度,2.1\n高新技术企业,470\n");
  const r = await runReport(["--region", "益阳", "--year", "2023", "--actuals", csv, "--out", out]);
  expect(r.code).toBe(0);
  const dir = join(tmp.dir, "shown");
  mkdirSync(dir);
  expect(recalcToCsv([out], dir, tmp.dir, { asShown: true }).status).toBe(0);
  const file = readdirSync(dir).find((f) => f.includes("上报_"))!;
  const rows = parse(readFileSync(join(dir, file), "utf8"), {
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const header = rows.find((row) => row.includes("实际值"))!;
  const at = (row: string[], title: string) => row[header.indexOf(title)];
  const rd = rows.find((row) => row.includes("研发经费投入强度"))!;
  expect([at(rd, "基期值"), at(rd, "实际值")]).toEqual(["1.89%", "2.10%"]);
  expect(at(rd, "差额")).toMatch(/个百分点$/);
  const firms = rows.find((row) => row.includes("高新技术企业"))!;
  expect(at(firms, "实际值")).toBe("470");
  // The progress sheet itself: 实际值 (a formula picking the 评估年份's yearly value) as its 目标值, 2.10% beside 2.50%.
  const sheetName = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 }).sheetName;
  const grid = parse(
    readFileSync(
      join(
        dir,
        readdirSync(dir).find((f) => f.includes(sheetName))!,
      ),
      "utf8",
    ),
    {
      bom: true,
      relax_column_count: true,
    },
  ) as string[][];
  const col = (key: string) => COLUMNS.findIndex((c) => c.key === key);
  const share = grid.find((row) => row[col("indicator")] === "研发经费投入强度")!;
  expect([share[col("baseline")], share[col("target")], share[col("actual")]]).toEqual([
    "1.89%",
    "2.50%",
    "2.10%",
  ]);
  const count = grid.find((row) => row[col("indicator")] === "高新技术企业")!;
  expect([count[col("target")], count[col("actual")]]).toEqual(["600", "470"]);
}, 300_000);

// Issue 26: provinces set their own grading; `--thresholds` writes them into the title block, and the CLI's
// counts, the written cells and LibreOffice's recalculation agree (with the defaults the same rows are graded
// 进度滞后 and 严重滞后: 34.4% ÷ 60% = 0.57, 54.9% ÷ 60% = 0.92).
test("--thresholds 1.2,0.9,0.5: written into the title block; LibreOffice's statuses, counted, are the CLI's", async () => {
  expect(hasSoffice).toBe(true);
  const csv = tmp.file("th.csv", "indicator,value\n研发经费投入强度,2.1%\n高新技术企业,470家\n");
  const args = (out: string) => [
    "--region",
    "益阳",
    "--year",
    "2023",
    "--actuals",
    csv,
    "--out",
    join(tmp.dir, out),
  ];
  const layout = buildProgressSheet(catalog, "yiyang-14th", { year: 2023 });
  const plain = await runReport(args("th-default.xlsx"));
  const own = await runReport([...args("th.xlsx"), "--thresholds", "1.2,0.9,0.5"]);
  expect([plain.code, own.code]).toEqual([0, 0]);
  expect(own.stdout).toContain("分档阈值 快于预期≥1.2、符合预期≥0.9、进度滞后≥0.5");
  const counts = cliCounts(own.stdout, layout.sheetName);
  expect([counts.get("符合预期"), counts.get("进度滞后"), counts.get("严重滞后")]).toEqual([1, 1, undefined]);
  const before = cliCounts(plain.stdout, layout.sheetName);
  expect([before.get("符合预期"), before.get("进度滞后"), before.get("严重滞后")]).toEqual([undefined, 1, 1]);

  const dir = join(tmp.dir, "th");
  mkdirSync(dir);
  expect(recalcToCsv([join(tmp.dir, "th.xlsx")], dir, tmp.dir).status).toBe(0);
  const rows = parse(readFileSync(join(dir, `th-${layout.sheetName}.csv`), "utf8"), {
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
  };
  expect(["ahead", "onTrack", "behind"].map((k) => Number(cell(thresholdCell(k as "ahead"))))).toEqual([
    1.2, 0.9, 0.5,
  ]);
  const status = COLUMNS.findIndex((c) => c.key === "status");
  const id = COLUMNS.findIndex((c) => c.key === "id");
  const sheet = new Map<string, number>();
  for (const row of rows.slice(SHEET.firstDataRow - 1).filter((r) => r[id]))
    sheet.set(row[status], (sheet.get(row[status]) ?? 0) + 1);
  expect([...counts].sort()).toEqual([...sheet].sort());
}, 300_000);

test("--thresholds that are not three falling numbers from 0 to 2 are refused, saying how; nothing is written", async () => {
  for (const bad of ["0.9,1.2,0.5", "1.2,0.9", "1.2,0.9,abc", "3,1,0.5", "1.2,0.9,-0.1"]) {
    const out = join(tmp.dir, "bad-th.xlsx");
    const r = await runReport(["--region", "益阳", "--year", "2023", "--thresholds", bad, "--out", out]);
    expect([bad, r.code]).toEqual([bad, 2]);
    expect(r.stderr).toContain(`分档阈值无效:“${bad}”`);
    expect(r.stderr).toContain("例如 --thresholds 1.05,0.95,0.6");
    expect(existsSync(out)).toBe(false);
  }
});
