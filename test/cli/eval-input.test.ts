// `plan eval` reads lines as people and pipes produce them: CRLF, a lone CR, a byte-order mark, a reader
// that stops after one line; and one request never answers another's (the memo keys).
import { spawn } from "node:child_process";
import path from "node:path";
import { Readable } from "node:stream";
import { evalLine, jsonLines } from "../../src/cli/eval";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

async function lines(text: string): Promise<string[]> {
  const out: string[] = [];
  for await (const l of jsonLines(Readable.from([text]))) out.push(l);
  return out;
}

describe("jsonLines", () => {
  it("splits at LF and CRLF, never at a lone CR", async () => {
    expect(await lines('{"a":1}\r\n{"b":\r2}\n{"c":3}')).toEqual(['{"a":1}', '{"b":\r2}', '{"c":3}']);
  });
  it("drops a UTF-8 byte-order mark on the first line only", async () => {
    expect(await lines('\uFEFF{"a":1}\n\uFEFF')).toEqual(['{"a":1}', "\uFEFF"]);
  });
  it("keeps a chunk boundary inside a line", async () => {
    const out: string[] = [];
    for await (const l of jsonLines(Readable.from(['{"fn":"TAR', 'GET"}\n', "x"]))) out.push(l);
    expect(out).toEqual(['{"fn":"TARGET"}', "x"]);
  });
});

describe("evalLine", () => {
  it.each([
    ["null", " null"],
    ["[1,2]", "数组"],
    ['"TARGET"', "文本"],
    ["42", "数字"],
  ])("the line %s is valid JSON of the wrong shape: an error about the shape", (line, kind) => {
    const o = JSON.parse(evalLine(line));
    expect(o.error).toBe("#VALUE!");
    expect(o.message).toContain("每行应为一个 JSON 对象");
    expect(o.message).toContain(`收到的是${kind}`);
    expect(o.message).not.toContain("不是有效的 JSON");
  });

  it("a lone CR between JSON tokens is white space: the line is evaluated", () => {
    expect(JSON.parse(evalLine('{"fn":\r"TARGET","args":["益阳","高新技术企业",2025]}'))).toEqual({
      value: 600,
    });
  });

  it.each([1, null, ["TARGET"], { id: "TARGET" }, true])("fn %p must be a string: #VALUE!", (fn) => {
    const o = JSON.parse(evalLine(JSON.stringify({ fn, args: ["益阳", "高新技术企业", 2025] })));
    expect(o.error).toBe("#VALUE!");
    expect(o.message).toContain("fn");
  });

  it("arguments that join to the same text are different requests", () => {
    const a = JSON.parse(
      evalLine(JSON.stringify({ fn: "TARGET", args: ["益阳", "高新\u0000技术企业", 2025] })),
    );
    const b = JSON.parse(
      evalLine(JSON.stringify({ fn: "TARGET", args: ["益阳\u0000高新", "技术企业", 2025] })),
    );
    expect(a.error).toBe("#N/A");
    expect(b.error).toBe("#N/A");
    expect(b.message).toContain("地区");
  });
});

describe("plan eval | head -1", () => {
  it("ends quietly with exit 0 when the reader closes early", async () => {
    const child = spawn(TSX, ["src/cli/main.ts", "eval"], { cwd: ROOT });
    const line = JSON.stringify({ fn: "TARGET", args: ["益阳", "高企", 2025] }) + "\n";
    child.stdin.on("error", () => {}); // the child may exit before it has read all of this
    child.stdin.end(line.repeat(20000));
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const first = await new Promise<string>((resolve) =>
      child.stdout.once("data", (d: Buffer) => {
        child.stdout.destroy(); // what `head -1` does after its line
        resolve(d.toString().split("\n")[0]);
      }),
    );
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(JSON.parse(first)).toEqual({ value: 600 });
    expect(code).toBe(0);
    expect(stderr).toBe("");
  }, 60_000);
});
