// `plan eval`: JSON lines in ({"fn":"TARGET","args":[…]}), one JSON line out per input, in order. A range
// argument is the nested array Excel passes, rows of values ([["高新技术企业"],["研发经费投入强度"]]); the
// value is then one result per element, a failed element {"error":"#N/A","message":"…"} in its place.
import { evaluate, type Evaluation } from "../core/functions/lift";
import { bundledRunner, type Outcome, type Runner } from "../core/functions/runner";
import type { Command } from "./cli";

/** One request line answered by `runner` (default: the bundled plans alone). */
export function evalLine(line: string, runner: Pick<Runner, "run"> = bundledRunner()): string {
  let out: Evaluation;
  if (line.trim() === "")
    return JSON.stringify({ error: "#VALUE!", message: "空行:应为一行 JSON", suggestions: [] });
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      return JSON.stringify({
        error: "#VALUE!",
        message: `每行应为一个 JSON 对象,如 {"fn":"TARGET","args":["益阳","高新技术企业",2025]};收到的是${jsonKind(parsed)}`,
        suggestions: [],
      });
    const req = parsed as { fn?: unknown; args?: unknown };
    const args = Array.isArray(req.args) ? req.args : [];
    out =
      typeof req.fn === "string"
        ? evaluate(req.fn, args, runner)
        : { ok: false, error: "#VALUE!", message: '“fn”应为函数名文本,如 "TARGET"', suggestions: [] };
  } catch {
    out = { ok: false, error: "#VALUE!", message: "输入不是有效的 JSON 行", suggestions: [] };
  }
  if (Array.isArray(out)) return JSON.stringify({ value: out.map((row) => row.map(element)) });
  return JSON.stringify(
    out.ok ? { value: out.value } : { error: out.error, message: out.message, suggestions: out.suggestions },
  );
}

const jsonKind = (v: unknown) =>
  v === null
    ? " null"
    : Array.isArray(v)
      ? "数组"
      : typeof v === "string"
        ? "文本"
        : typeof v === "number"
          ? "数字"
          : "true/false";

/** One element of a lifted result: its value, or its error with message (and suggestions, if any). */
function element(o: Outcome): unknown {
  if (o.ok) return o.value;
  return o.suggestions.length > 0
    ? { error: o.error, message: o.message, suggestions: o.suggestions }
    : { error: o.error, message: o.message };
}

/**
 * Lines of a text stream, split at LF only (CRLF loses its CR; a lone CR stays inside its line, as JSON
 * allows it between values), without a UTF-8 byte-order mark on the first line.
 */
export async function* jsonLines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  let rest = "";
  let first = true;
  const emit = (line: string) => {
    if (first) line = line.replace(/^\uFEFF/, "");
    first = false;
    return line.endsWith("\r") ? line.slice(0, -1) : line;
  };
  for await (const chunk of input) {
    rest += typeof chunk === "string" ? chunk : chunk.toString("utf8");
    let nl: number;
    while ((nl = rest.indexOf("\n")) >= 0) {
      yield emit(rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    }
  }
  if (rest !== "") yield emit(rest);
}

export const evalCommand: Command = {
  usage: "                         从标准输入读取 JSON 行并逐行输出结果",
  help:
    "用法:npm run -s plan -- eval [--packs <规划包文件>] < 请求.jsonl\n" +
    "  从标准输入逐行读取 JSON 对象,每行输出一行 JSON 结果,例如:\n" +
    '  {"fn":"TARGET","args":["益阳","高新技术企业",2025]}\n' +
    '  → {"value":600}(出错时为 {"error":"#N/A","message":"…","suggestions":[…]})\n',
  async run(_args, { runner }) {
    // `plan eval | head -1`: the reader went away; stop quietly.
    process.stdout.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      throw e;
    });
    process.stdin.setEncoding("utf8");
    const buf: string[] = [];
    for await (const line of jsonLines(process.stdin)) {
      buf.push(evalLine(line, runner)); // one output line per input line, blank ones included
      if (buf.length >= 256) process.stdout.write(buf.splice(0).join("\n") + "\n");
    }
    if (buf.length) process.stdout.write(buf.join("\n") + "\n");
    return 0;
  },
};
