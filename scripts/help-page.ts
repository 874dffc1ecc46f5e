// help.html, the add-in's zh-CN help page (SupportUrl, LearnMoreUrl, each function's helpUrl), rendered at build
// time from the sources it describes: the function table (names, parameters, Chinese help), the methodology's
// statuses and its rule per kind of target. Only the FAQ is written here.
import { KIND_LABEL } from "../src/core/catalog/labels";
import { FUNCTIONS, type FunctionSpec } from "../src/core/functions/functions";
import { KIND_METHOD, SHEET_STATUS_ORDER, STATUS_MEANING } from "../src/core/method/methodology";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function functionSection(f: FunctionSpec): string {
  const sig = `PLAN.${f.id}(${f.params.map((p) => (p.optional ? `[${p.zhName}]` : p.zhName)).join(", ")})`;
  const params = f.params
    .map((p) => `<li><b>${esc(p.zhName)}</b>${p.optional ? "(可省略)" : ""}:${esc(p.zhDescription)}</li>`)
    .join("");
  return `<section id="${f.id}"><h3><code>${esc(sig)}</code></h3><p>${esc(f.zhDescription)}</p><ul>${params}</ul></section>`;
}

const FAQ: [string, string][] = [
  [
    "公式返回 #N/A,旁边有提示",
    "名称或年份对不上唯一的目标:提示说明哪里不同,并列出可选的名称(如“人才”有三种)。照提示改写指标名或年份即可;本加载项从不猜测,宁可不答也不给出别的指标的数字。",
  ],
  [
    "状态为“无法评估”",
    "缺评估年份、实际值,或规划没有给出基期值。在进度表的黄色格中补上(基期值列可填写),命令行会列出每种原因的行数。",
  ],
  [
    "百分比怎么填",
    "按百分数填写:2.1 表示 2.1%。不要输入 0.021;输入“2.1%”时 Excel 会存为 0.021,任务窗格会指出这类单元格。",
  ],
  [
    "为什么公式列不能改(保护公式列)",
    "生成的进度表默认保护公式列,黄色填写格不锁定,可筛选、可改格式,没有密码;在任务窗格关闭“保护公式列”,或在“审阅 › 撤销工作表保护”取消。刷新、填写和转为数值会先取消保护、写完再恢复。",
  ],
  [
    "发给没有安装加载项的人",
    "进度表本身只用 Excel 自带函数,收件人也能算出相同结果;其他表中的 PLAN.* 公式请先“转为数值”,否则对方会看到 #NAME?。",
  ],
  [
    "写错了怎么办(撤销)",
    "Excel 的 Ctrl+Z 不能撤销加载项的写入;任务窗格上方的“撤销”可恢复上一次生成、刷新、填写或转为数值(之后又改动过的单元格不会被覆盖)。",
  ],
];

/** The page's HTML. */
export function helpPage(): string {
  const statuses = SHEET_STATUS_ORDER.map(
    (s) => `<tr><td>${esc(s)}</td><td>${esc(STATUS_MEANING[s])}</td></tr>`,
  ).join("");
  const kinds = (Object.keys(KIND_METHOD) as (keyof typeof KIND_METHOD)[])
    .map((k) => {
      const m = KIND_METHOD[k];
      return `<tr><td>${esc(KIND_LABEL[k])}</td><td>${esc(m.linear)}${m.geometric ? `;货币量、倍数:${esc(m.geometric)}` : ""}</td></tr>`;
    })
    .join("");
  const faq = FAQ.map(([q, a]) => `<dt>${esc(q)}</dt><dd>${esc(a)}</dd>`).join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>PLAN.* 规划目标函数 帮助</title>
<style>body{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:860px;margin:2em auto;padding:0 1em;line-height:1.6}
code{background:#f3f3f3;padding:0 .2em}table{border-collapse:collapse}td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}dt{font-weight:bold;margin-top:.8em}</style>
</head><body>
<h1>PLAN.* 规划目标函数 帮助</h1>
<p>在单元格中输入 <code>=PLAN.TARGET("益阳","高新技术企业",2025)</code> 即得规划目标值;每个数字都有规划原文出处(<code>PLAN.INFO(…,"出处")</code>)。</p>
<h2 id="functions">函数</h2>
${FUNCTIONS.map(functionSection).join("\n")}
<h2 id="statuses">状态</h2><table>${statuses}</table>
<h2 id="method">完成进度的算法(按目标类型)</h2>
<p>序时进度 = (评估年份 − 基期年) ÷ (目标年 − 基期年);预期值为按序时进度应达到的值;差额 = 实际值 − 预期值(% 类以个百分点计)。</p>
<table>${kinds}</table>
<h2 id="faq">常见问题</h2><dl>${faq}</dl>
</body></html>
`;
}
