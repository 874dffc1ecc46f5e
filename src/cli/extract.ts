// `plan extract FILE.txt [--json]`: candidate targets in a plan's text, for a person to review.
// The table is for reading; --json prints one object per candidate (a line each) for scripts and packs.
import { readFileSync, statSync } from "node:fs";
import { extractCandidates, type Candidate } from "../core/extract";
import { CANDIDATE_KIND_LABEL, comparisonLabel, DIRECTION_LABEL } from "../core/catalog/labels";
import type { Command } from "./cli";

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const USAGE = "<文件.txt> [--json]         从规划文本中找出候选目标(供人工核对)";

/**
 * The wire shape of --json: exactly these keys; "baseline": true only for a historical actual, "direction":
 * "lower" only for a ceiling or a fall (控制在…以内, 不超过, 下降到): its comparison is then read as 越小越好.
 */
export function candidateJson(c: Candidate): Record<string, unknown> {
  const amount = c.comparison === "range" ? { min: c.min, max: c.max } : { value: c.value };
  const o: Record<string, unknown> = {
    indicator: c.indicator,
    ...amount,
    unit: c.unit,
    year: c.year,
    comparison: c.comparison,
    kind: c.kind,
    hedged: c.hedged,
    quote: c.quote,
  };
  if (c.baseline) o.baseline = true;
  if (c.direction) o.direction = c.direction;
  return o;
}

const HEADERS = ["序号", "类别", "指标", "数值", "单位", "年份", "比较", "方向", "类型", "力争", "原文"];

function row(c: Candidate, i: number): string[] {
  const value = c.comparison === "range" ? `${c.min}-${c.max}` : String(c.value);
  const year = c.year === null ? "" : `${c.year}${c.yearFrom === "document" ? "*" : ""}`;
  return [
    String(i + 1),
    c.baseline ? "基期(历史值)" : "目标",
    c.indicator,
    value,
    c.unit,
    year,
    comparisonLabel(c.comparison, c.direction ?? "higher"),
    DIRECTION_LABEL[c.direction ?? "higher"],
    CANDIDATE_KIND_LABEL[c.kind],
    c.hedged ? "是" : "",
    `“${c.quote}”${c.note ? `(${c.note})` : ""}${c.implied ? "(数值由词语推定)" : ""}`,
  ];
}

/** A plain table: tab-separated columns, so it pastes into Excel as cells. */
export function formatTable(cands: Candidate[]): string {
  const lines = [HEADERS, ...cands.map(row)].map((r) => r.join("\t"));
  const targets = cands.filter((c) => !c.baseline).length;
  const foot =
    `共 ${targets} 个候选目标、${cands.length - targets} 个基期(历史值)候选。` +
    (cands.some((c) => c.yearFrom === "document")
      ? "年份带 * 的:所在段落没有写年份,取自全文最常见的“到20XX年”,请核对。"
      : "");
  return `${lines.join("\n")}\n${foot}\n`;
}

/** The text of the file, or a Chinese message saying what is wrong and what to do. */
export function readPlanText(file: string): { ok: true; text: string } | { ok: false; message: string } {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return { ok: false, message: `“${file}”是文件夹,不是文本文件` };
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, message: `找不到文件“${file}”:请检查路径和文件名` };
    if (code === "EACCES") return { ok: false, message: `没有权限读取“${file}”` };
    return { ok: false, message: `无法读取“${file}”:${(e as Error).message}` };
  }
  return decodeUtf8(file, bytes);
}

function decodeUtf8(
  file: string,
  bytes: Buffer,
): { ok: true; text: string } | { ok: false; message: string } {
  const hint = "请用记事本或 WPS 打开后“另存为”UTF-8 编码的 .txt,再运行";
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, message: `“${file}”是 UTF-16 编码,不是 UTF-8:${hint}` };
  if (
    bytes.subarray(0, 4).toString("latin1") === "PK\u0003\u0004" ||
    bytes.subarray(0, 5).toString() === "%PDF-"
  )
    return {
      ok: false,
      message: `“${file}”是 Word/Excel/PDF 文件,不是纯文本:请复制其中的文字另存为 UTF-8 的 .txt`,
    };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `“${file}”不是 UTF-8 编码的文本(可能是 GBK):${hint}` };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, message: `“${file}”是空文件,没有可提取的文字` };
  return { ok: true, text };
}

export function runExtract(args: string[], io: Io): number {
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("-") && a !== "--json");
  const files = args.filter((a) => !a.startsWith("-"));
  if (unknown.length) {
    io.err(`未知选项“${unknown[0]}”。用法:plan extract ${USAGE}\n`);
    return 2;
  }
  if (files.length !== 1) {
    io.err(`${files.length ? "一次只能提取一个文件" : "缺少文件名"}。用法:plan extract ${USAGE}\n`);
    return 2;
  }
  const read = readPlanText(files[0]);
  if (!read.ok) {
    io.err(`错误:${read.message}\n`);
    return 1;
  }
  const cands = extractCandidates(read.text);
  if (json) io.out(cands.map((c) => JSON.stringify(candidateJson(c)) + "\n").join(""));
  else if (cands.length) io.out(formatTable(cands));
  if (!cands.length) io.err("没有找到候选目标:文中没有“数字+单位”形式的目标(如“达到600家”“2.5%”)\n");
  return 0;
}

export const extractCommand: Command = {
  usage: USAGE,
  help:
    "用法:npm run -s plan -- extract <文件.txt> [--json]\n" +
    "  从规划文本(UTF-8)中找出候选目标,供人工核对后做成规划包;--json 每行输出一个候选的 JSON\n",
  async run(args) {
    return runExtract(args, {
      out: (s) => process.stdout.write(s),
      err: (s) => process.stderr.write(s),
    });
  },
};
