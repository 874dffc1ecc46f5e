// `npm test` runs this first (pretest): the e2e test needs Debian's chromium and the workbook check needs
// LibreOffice Calc and Gnumeric, the print test poppler-utils. As root it installs what is missing with apt-get (non-interactive); otherwise it says
// which command to run. It never prompts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const fonts = () =>
  spawnSync("sh", ["-c", "fc-list | grep -qi 'noto.*cjk'"], { stdio: "ignore" }).status === 0;
const missing = [];
if (!existsSync("/usr/bin/chromium")) missing.push("chromium");
if (!has("soffice")) missing.push("libreoffice-calc-nogui");
if (!fonts()) missing.push("fonts-noto-cjk");
if (!has("pdfinfo") || !has("pdftotext")) missing.push("poppler-utils"); // the 上报表 print test
if (!has("ssconvert")) missing.push("gnumeric"); // the second recalculating engine (test/report/gnumeric.test.ts)
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (process.platform !== "linux" || !has("apt-get") || !isRoot) {
  process.stderr.write(
    `测试需要以下系统软件包:${missing.join(" ")}\n请先运行:sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(" ")}\n`,
  );
  process.exit(1);
}
process.stdout.write(`安装测试所需的系统软件包:${missing.join(" ")} …\n`);
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [
  ["update", "-qq"],
  ["install", "-y", "-qq", "--no-install-recommends", ...missing],
]) {
  const r = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (r.status !== 0) {
    process.stderr.write(`apt-get ${args[0]} 失败(退出码 ${r.status})。\n`);
    process.exit(1);
  }
}
