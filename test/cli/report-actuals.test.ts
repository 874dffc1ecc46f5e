// `plan report --actuals` with what a review found unsafe (issue 14): Infinity, an unquoted thousands
// separator, a huge file of bad rows. Nothing is written; the output names the rows and stays short.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runReport, tempDir } from "../report/helpers";

const tmp = tempDir("plan-actuals-");
afterAll(() => tmp.cleanup());

async function reportWith(name: string, csv: string) {
  const out = join(tmp.dir, `${name}.xlsx`);
  const r = await runReport([
    "--region",
    "益阳",
    "--year",
    "2023",
    "--actuals",
    tmp.file(`${name}.csv`, csv),
    "--out",
    out,
  ]);
  return { ...r, written: existsSync(out) };
}

test("1e400 is refused (not written as Infinity), naming the row", async () => {
  const r = await reportWith("inf", "indicator,value\n高新技术企业,1e400\n");
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("inf.csv 第 2 行:value(实际值)“1e400”超出可用的数值范围");
  expect(r.written).toBe(false);
});

test("an unquoted 高新技术企业,1,234 is an error naming the row, not 1", async () => {
  const r = await reportWith("thousands", "indicator,value\n研发经费投入强度,2.1\n高新技术企业,1,234\n");
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("thousands.csv 第 3 行:有 3 个单元格,多于表头的 2 列");
  expect(r.stderr).toContain("千位分隔符");
  expect(r.written).toBe(false);
});

test("a 100 000-row file of bad rows prints 50 problems and a count, not megabytes", async () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => `火星指标${i % 7},1`).join("\n");
  const r = await reportWith("huge", `indicator,value\n${rows}\n`);
  expect(r.code).toBe(1);
  expect(r.stderr.match(/huge\.csv 第 \d+ 行/g)).toHaveLength(50);
  expect(r.stderr).toContain("……另有 99950 个问题未列出(共 100000 个)");
  expect(r.stderr.length).toBeLessThan(50_000);
  expect(r.written).toBe(false);
});

test("percent rows take 2.1 or 2.1%; full-width digits are read", async () => {
  const r = await reportWith("ok", "indicator,value\n研发经费投入强度,2.1%\n高新技术企业,４７０\n");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.written).toBe(true);
});
