// `plan eval`: JSON lines in ({"fn":"TARGET","args":[…]}), one JSON line out per input, in order.
import { createInterface } from "node:readline";
import { run, type Outcome } from "../core/runner";
import type { Command } from "./commands";

export function evalLine(line: string): string {
  let out: Outcome;
  if (line.trim() === "")
    return JSON.stringify({ error: "#VALUE!", message: "空行:应为一行 JSON", suggestions: [] });
  try {
    const req = JSON.parse(line) as { fn?: unknown; args?: unknown };
    const args = Array.isArray(req.args) ? req.args : [];
    out = run(String(req.fn ?? ""), args);
  } catch {
    out = { ok: false, error: "#VALUE!", message: "输入不是有效的 JSON 行", suggestions: [] };
  }
  return JSON.stringify(
    out.ok ? { value: out.value } : { error: out.error, message: out.message, suggestions: out.suggestions },
  );
}

export const evalCommand: Command = {
  usage: "                         从标准输入读取 JSON 行并逐行输出结果",
  async run() {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    const buf: string[] = [];
    for await (const line of rl) {
      buf.push(evalLine(line)); // one output line per input line, blank ones included
      if (buf.length >= 256) process.stdout.write(buf.splice(0).join("\n") + "\n");
    }
    if (buf.length) process.stdout.write(buf.join("\n") + "\n");
    return 0;
  },
};
