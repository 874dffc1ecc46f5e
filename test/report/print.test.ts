// The 上报 sheet as printed: the CLI report rendered by LibreOffice to PDF (soffice --convert-to pdf), then read with
// poppler (pdfinfo, pdftotext, pdfseparate, pdffonts). Checks page size and orientation, the page count, the text
// size on paper (every Tf operator of the report's pages), the header row on every page, page numbers, the 填报
// lines, and that no hash, seed path or input hint is printed. Needs soffice and poppler-utils; fails without them.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { bundledCatalog } from "../../src/core/catalog/catalog";
import { REPORT, REPORT_COLUMNS } from "../../src/core/sheet/report-layout";
import { runReport, tempDir } from "./helpers";

const SOFFICE = process.env.SOFFICE || "soffice";
const A4 = { long: 841.89, short: 595.28 };

function run(cmd: string, args: string[]): string {
  const p = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000 });
  if (p.status !== 0) throw new Error(`${cmd} ${args.join(" ")} 失败:${p.stderr || p.error}`);
  return p.stdout;
}

/** Font sizes set by the page's content streams (Tf operands); LibreOffice writes them at the printed size. */
function fontSizes(pdf: Buffer): number[] {
  const s = pdf.toString("latin1");
  const out: number[] = [];
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = s.indexOf("endstream", start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not a Flate stream (fonts, images)
    }
    for (const t of text.matchAll(/(-?[\d.]+)\s+Tf\b/g)) out.push(Number(t[1]));
  }
  return out;
}

interface Page {
  n: number;
  width: number;
  height: number;
  text: string;
  sizes: number[];
}

interface Printed {
  pages: Page[];
  /** The 上报 sheet's pages (after its progress sheet's). */
  report: Page[];
  fonts: string;
}

function readPdf(pdf: string, dir: string): Printed {
  const count = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
  const sizes = run("pdfinfo", ["-f", "1", "-l", String(count), pdf]);
  const prefix = join(dir, `${pdf.replace(/.*\//, "")}-p`);
  run("pdfseparate", [pdf, `${prefix}%d.pdf`]);
  const pages: Page[] = [];
  for (let n = 1; n <= count; n++) {
    const [, w, h] = new RegExp(`Page\\s+${n} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(sizes)!;
    const one = `${prefix}${n}.pdf`;
    pages.push({
      n,
      width: Number(w),
      height: Number(h),
      text: run("pdftotext", ["-layout", one, "-"]),
      sizes: fontSizes(readFileSync(one)),
    });
  }
  const first = pages.findIndex((p) => p.text.includes("目标完成情况"));
  return { pages, report: first < 0 ? [] : pages.slice(first), fonts: run("pdffonts", [pdf]) };
}

const ACTUALS = [
  "indicator,value,baseline",
  "高新技术企业,470,",
  "研发经费投入强度,2.1,",
  "研发经费投入年均增速,11,",
  "技术合同认定登记额占GDP比重,1.5,0.9",
  "每万人口发明专利拥有量,5.2,",
].join("\n");

const tmp = tempDir("plan-print-");
const printed = new Map<string, Printed>();

beforeAll(async () => {
  const csv = tmp.file("actuals.csv", ACTUALS);
  const runs: [string, string[]][] = [
    ["yiyang", ["--region", "益阳", "--year", "2023", "--actuals", csv]],
    ["chengqu", ["--region", "汕尾城区", "--year", "2024"]],
    ["yiyang-values", ["--region", "益阳", "--year", "2023", "--actuals", csv, "--values"]],
  ];
  for (const [name, args] of runs) {
    const r = await runReport([...args, "--out", tmp.file(`${name}.xlsx`)]);
    expect(r.code).toBe(0);
  }
  const files = runs.map(([name]) => tmp.file(`${name}.xlsx`));
  run(SOFFICE, [
    `-env:UserInstallation=${pathToFileURL(join(tmp.dir, "profile")).href}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    tmp.dir,
    ...files,
  ]);
  for (const [name] of runs) printed.set(name, readPdf(join(tmp.dir, `${name}.pdf`), tmp.dir));
}, 240_000);

afterAll(() => tmp.cleanup());

/** Pages of each 上报 sheet: 益阳's 11 rows fit one page, its 出处 and 填报 lines go on a second; 城区's 20 rows take two. */
const PAGES: Record<string, number> = { yiyang: 2, chengqu: 3, "yiyang-values": 2 };

describe.each(Object.keys(PAGES))("上报表 printed (%s)", (name) => {
  const get = () => printed.get(name)!;

  test("every page is A4 landscape", () => {
    expect(get().pages.length).toBeGreaterThan(0);
    for (const p of get().pages) {
      expect(p.width).toBeCloseTo(A4.long, 0);
      expect(p.height).toBeCloseTo(A4.short, 0);
    }
  });

  test("the report's pages, each with the header row and its page number", () => {
    const pages = get().report;
    expect(pages.length).toBe(PAGES[name]);
    pages.forEach((p, i) => {
      for (const c of REPORT_COLUMNS) expect(p.text).toContain(c.title);
      expect(p.text).toMatch(new RegExp(`第 ${i + 1} 页,共 \\d+ 页`));
    });
  });

  test("no text on the report's pages is smaller than 9 pt", () => {
    const sizes = get().report.flatMap((p) => p.sizes);
    expect(sizes.length).toBeGreaterThan(50);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  test("the 填报 lines and the 出处 footnotes are printed", () => {
    const text = get()
      .report.map((p) => p.text)
      .join("\n");
    for (const label of REPORT.signLabels) expect(text).toContain(label);
    expect(text).toContain("出处");
    expect(text).toMatch(/1\. 《[^》]+》[^“]*:“/);
    expect(text).toContain("数据 2026-12 版");
  });

  test("no hash, seed path or input hint is printed on the report", () => {
    const text = get()
      .report.map((p) => p.text)
      .join("\n");
    expect(text).not.toContain(bundledCatalog().version);
    expect(text).not.toMatch(/seeds\/|\d{3}_[0-9a-f]{16}|\.txt/);
    expect(text).not.toMatch(/黄色|填写项|输入检查|输入有误|目标ID/);
  });
});

test("the CJK text is printed with an embedded font", () => {
  const fonts = printed.get("yiyang")!.fonts;
  expect(fonts).toMatch(/yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/m); // emb sub uni …
});

test("the report shows the figures of its progress sheet, as the plan states its targets", () => {
  const text = printed
    .get("yiyang")!
    .report.map((p) => p.text)
    .join("\n");
  // 高新技术企业: 600家以上 as stated, 470 typed, 54.9 % complete ((470−312)/(600−312)), 差额 470−484.8.
  const row = text.split("\n").find((l) => l.includes("高新技术企业") && l.includes("600家以上"))!;
  expect(row).toBeDefined();
  expect(row).toMatch(/312\s+600家以上\s+470\s+60\.0%\s+54\.9%\s+-15\s+进度滞后/);
  expect(text).toMatch(/研发经费投入强度.*2\.5%.*2\.1.*34\.4%.*-0\.16个百分点/);
});

test("--values: no formula left in any sheet, the figures kept", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(tmp.file("yiyang-values.xlsx"));
  let formulas = 0;
  let cells = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        cells++;
        if (c.formula || c.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    ),
  );
  expect(cells).toBeGreaterThan(100);
  expect(formulas).toBe(0);
  const report = wb.worksheets.find((w) => w.name.startsWith("上报_"))!;
  const values = report.getSheetValues().flat().map(String);
  expect(values).toContain("600家以上");
  expect(values).toContain("进度滞后");
});
