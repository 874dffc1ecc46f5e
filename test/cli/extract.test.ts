// `plan extract FILE.txt [--json]`: the table, the JSON lines' exact keys, and the Chinese errors.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../src/cli/commands";
import { runExtract } from "../../src/cli/extract";

const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "plan-extract-"));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = runExtract(args, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const PLAN =
  "某市“十五五”科技创新规划\n" +
  "到2030年，全社会研发经费投入年均增长10%以上，国家高新技术企业突破1000家，培育2-3家科技领军企业。\n" +
  "2024年，全市高新技术企业达到470家。\n";

describe("plan extract --json", () => {
  const lines = () =>
    run([file("plan.txt", PLAN), "--json"])
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it("prints one object per candidate with exactly the issue's keys", () => {
    const objs = lines();
    expect(objs).toHaveLength(4);
    expect(Object.keys(objs[0])).toEqual([
      "indicator",
      "value",
      "unit",
      "year",
      "comparison",
      "kind",
      "hedged",
      "quote",
    ]);
    expect(objs[0]).toEqual({
      indicator: "全社会研发经费投入年均增长",
      value: 10,
      unit: "%",
      year: 2030,
      comparison: "at_least",
      kind: "growth_rate",
      hedged: false,
      quote: "全社会研发经费投入年均增长10%以上",
    });
  });

  it("a range has min and max instead of value", () => {
    const range = lines()[2];
    expect(Object.keys(range)).toEqual([
      "indicator",
      "min",
      "max",
      "unit",
      "year",
      "comparison",
      "kind",
      "hedged",
      "quote",
    ]);
    expect(range).toMatchObject({ min: 2, max: 3, unit: "家", comparison: "range" });
  });

  it('a ceiling carries "direction": "lower", its table row says 以下 and 越小越好, and its quote keeps the whole unit', () => {
    const text = "到2025年，单位GDP能耗控制在0.5吨标准煤以内，人均用水量不超过30立方米。";
    const json = run([file("ceil.txt", text), "--json"]);
    const objs = json.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objs).toMatchObject([
      { value: 0.5, unit: "吨标准煤", quote: "单位GDP能耗控制在0.5吨标准煤以内", direction: "lower" },
      { value: 30, unit: "立方米", quote: "人均用水量不超过30立方米", direction: "lower" },
    ]);
    const rows = run([file("ceil2.txt", text)])
      .stdout.trim()
      .split("\n");
    for (const r of rows.slice(1, 3)) expect(r.split("\t").slice(6, 8)).toEqual(["以下", "越小越好"]);
    expect(lines().every((o) => !("direction" in o))).toBe(true);
  });

  it('a historical actual carries "baseline": true, and targets carry no baseline key', () => {
    const objs = lines();
    expect(objs[3]).toMatchObject({ value: 470, unit: "家", year: 2024, baseline: true });
    expect(objs.slice(0, 3).every((o) => !("baseline" in o))).toBe(true);
  });
});

describe("plan extract (table)", () => {
  it("prints Chinese headers, one row per candidate and a count", () => {
    const r = run([file("plan2.txt", PLAN)]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n");
    expect(rows[0].split("\t")).toEqual([
      "序号",
      "类别",
      "指标",
      "数值",
      "单位",
      "年份",
      "比较",
      "方向",
      "类型",
      "力争",
      "原文",
    ]);
    expect(rows[1].split("\t").slice(1, 9)).toEqual([
      "目标",
      "全社会研发经费投入年均增长",
      "10",
      "%",
      "2030",
      "以上",
      "越大越好",
      "年均增速",
    ]);
    expect(rows[4].split("\t")[1]).toBe("基期(历史值)");
    expect(r.stdout).toContain("共 3 个候选目标、1 个基期(历史值)候选");
  });

  it("says so on stderr when the text has no candidate", () => {
    const r = run([file("none.txt", "坚持创新在现代化建设全局中的核心地位。")]);
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(r.stderr).toContain("没有找到候选目标");
  });
});

describe("plan extract errors, in Chinese", () => {
  it.each([
    ["a missing file", () => [path.join(dir, "不存在.txt")], 1, "找不到文件"],
    ["a folder", () => [dir], 1, "是文件夹"],
    ["GBK text", () => [file("gbk.txt", Buffer.from([0xd2, 0xe6, 0xd1, 0xf4, 0xca, 0xd0]))], 1, "不是 UTF-8"],
    ["UTF-16 text", () => [file("u16.txt", Buffer.from("\ufeff益阳", "utf16le"))], 1, "UTF-16"],
    ["a Word file", () => [file("plan.docx", Buffer.from("PK\u0003\u0004rest", "latin1"))], 1, "不是纯文本"],
    ["an empty file", () => [file("empty.txt", " \n")], 1, "空文件"],
    ["no file name", () => [], 2, "缺少文件名"],
    ["two file names", () => [file("a.txt", PLAN), file("b.txt", PLAN)], 2, "一次只能提取一个文件"],
    ["an unknown option", () => [file("c.txt", PLAN), "--csv"], 2, "未知选项“--csv”"],
  ])("%s", (_what, args, code, message) => {
    const r = run(args());
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
  });

  it("a UTF-8 byte-order mark is not part of the text", () => {
    const r = run([file("bom.txt", "\ufeff到2030年，技术合同成交额达到100亿元。"), "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      value: 100,
      unit: "亿元",
      quote: "技术合同成交额达到100亿元",
    });
  });
});

test("plan --help lists extract", async () => {
  let out = "";
  await runCli(["--help"], { out: (s) => (out += s), err: () => {} });
  expect(out).toContain("  extract  <文件.txt> [--json]");
});

test("the real process: `plan extract SEED --json` prints JSON lines and exits 0", () => {
  const p = spawnSync(
    process.execPath,
    [require.resolve("tsx/cli"), "src/cli/main.ts", "extract", "seeds/003_53c0a76c68d72cba.txt", "--json"],
    { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
  );
  expect(p.status).toBe(0);
  const objs = p.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(objs).toContainEqual(expect.objectContaining({ value: 48, unit: "%", year: 2020, kind: "share" }));
}, 90_000);
