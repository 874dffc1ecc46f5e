// The command line: `plan eval` (JSON lines in, one JSON line out per input, in order) and `plan target`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createCli } from "../../src/cli/cli";
import { evalLine } from "../../src/cli/eval";
import { targetCommand } from "../../src/cli/target";
import { run } from "../../src/core/functions/runner";

const ROOT = path.resolve(__dirname, "../..");

/** What `eval` must print for a request: run()'s outcome in the wire shape. */
function expected(fn: string, args: unknown[]): unknown {
  const o = run(fn, args);
  return o.ok ? { value: o.value } : { error: o.error, message: o.message, suggestions: o.suggestions };
}

const requests: { fn: string; args: unknown[] }[] = [
  { fn: "TARGET", args: ["益阳", "高新技术企业", 2025] },
  { fn: "TARGET", args: ["益阳", "高新技术企业", null] },
  { fn: "TARGET", args: ["中山", "技术合同交易额", null, "万元"] },
  { fn: "TARGET", args: ["中山", "国家级科技企业孵化器", 2022] },
  { fn: "STATUS", args: ["益阳", "高新技术企业", 2025, null, 2023] },
  { fn: "PROGRESS", args: ["益阳", "高新技术企业", 2025, 470, 2023] },
  { fn: "LIST", args: ["翠亨新区", null] },
  { fn: "NOPE", args: [] },
  { fn: "TARGET", args: [null, null, null] },
];

describe("evalLine", () => {
  it.each(requests.map((r) => [JSON.stringify(r), r] as const))("%s equals run()", (line, r) => {
    const out = evalLine(line);
    expect(out).not.toContain("\n");
    expect(JSON.parse(out)).toEqual(expected(r.fn, r.args));
  });

  it("known answers", () => {
    expect(JSON.parse(evalLine('{"fn":"TARGET","args":["益阳","高新技术企业",2025]}'))).toEqual({
      value: 600,
    });
    expect(JSON.parse(evalLine('{"fn":"TARGET","args":["益阳","高新技术企业",null]}'))).toEqual({
      value: 600,
    });
    expect(JSON.parse(evalLine('{"fn":"TARGET","args":["中山","技术合同交易额",2025,"万元"]}'))).toEqual({
      value: 400000,
    });
    const na = JSON.parse(evalLine('{"fn":"TARGET","args":["中山","国家级科技企业孵化器",2022]}'));
    expect(na.error).toBe("#N/A");
    expect(na.suggestions).toContain("火炬开发区");
  });

  it.each([
    "not json",
    "{",
    '{"fn":',
    "null",
    "42",
    '"TARGET"',
    "[]",
    '{"args":["益阳"]}',
    '{"fn":"TARGET","args":"益阳"}',
  ])("malformed input %p gives an error line, not an exception", (line) => {
    let out = "";
    expect(() => (out = evalLine(line))).not.toThrow();
    const o = JSON.parse(out);
    expect(["#N/A", "#VALUE!"]).toContain(o.error);
    expect(o.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("plan eval (subprocess)", () => {
  it("prints one JSON line per input line, in order, equal to run()", () => {
    const lines = [
      JSON.stringify(requests[0]),
      "this is not JSON",
      JSON.stringify(requests[1]),
      JSON.stringify(requests[3]),
      JSON.stringify(requests[4]),
      JSON.stringify(requests[7]),
      JSON.stringify(requests[2]),
    ];
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const res = spawnSync(tsx, ["src/cli/main.ts", "eval"], {
      cwd: ROOT,
      input: lines.join("\n") + "\n",
      encoding: "utf8",
    });
    expect(res.status).toBe(0);
    const out = res.stdout.split("\n").filter((l) => l !== "");
    expect(out).toHaveLength(lines.length);
    const want = lines.map((l) => {
      try {
        const r = JSON.parse(l) as { fn: string; args: unknown[] };
        return expected(r.fn, r.args);
      } catch {
        return null; // the malformed line
      }
    });
    out.forEach((l, i) => {
      const got = JSON.parse(l);
      if (want[i] === null) expect(got.error).toBe("#VALUE!");
      else expect(got).toEqual(want[i]);
    });
    expect(JSON.parse(out[0])).toEqual({ value: 600 });
  }, 60_000);
});

describe("names with unsaid qualifiers, through the command line", () => {
  it("eval answers the one-answer names and refuses the ambiguous one with its choices", () => {
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const ask = [
      ["中山", "新型研发机构", 2025], // 省级新型研发机构达13家
      ["益阳", "万人发明专利", 2025], // 每万人拥有有效发明专利5件
      ["汕尾城区", "人才", 2026],
    ];
    const res = spawnSync(tsx, ["src/cli/main.ts", "eval"], {
      cwd: ROOT,
      input: ask.map((args) => JSON.stringify({ fn: "TARGET", args })).join("\n") + "\n",
      encoding: "utf8",
    });
    const out = res.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out[0]).toEqual({ value: 13 });
    expect(out[1]).toEqual({ value: 5 });
    expect(out[2]).toMatchObject({ error: "#N/A" });
    expect([...out[2].suggestions].sort()).toEqual(["人才资源总量", "新引进大学生", "高端人才"].sort());
  }, 60_000);
});

describe("plan target", () => {
  let written = "";
  let spy: jest.SpyInstance;
  beforeEach(() => {
    written = "";
    spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it("target 益阳 高新技术企业 2025 prints 600, 家 and the quote", async () => {
    const code = await targetCommand.run(["益阳", "高新技术企业", "2025"], createCli());
    spy.mockRestore();
    expect(code).toBe(0);
    expect(written).toContain("600");
    expect(written).toContain("家");
    expect(written).toContain("高新技术企业数达到600家以上");
    const seed = readFileSync(path.join(ROOT, "seeds", "004_5c5f9bd7b8c36b0f.txt"), "utf8");
    expect(seed).toContain("高新技术企业数达到600家以上");
  });

  it("an unknown region exits non-zero and prints no value", async () => {
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const code = await targetCommand.run(["火星", "高新技术企业", "2025"], createCli());
    err.mockRestore();
    expect(code).not.toBe(0);
    expect(written).toBe("");
  });
});
