// `npm stop`: stop the servers `npm start` started (and remove the sideloaded add-in on desktop Excel).
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const stateFile = join(root, ".plan-start.json");
if (!existsSync(stateFile)) {
  process.stdout.write("PLAN 没有在运行。\n");
  process.exit(0);
}
const { pid } = JSON.parse(readFileSync(stateFile, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  process.stdout.write(`已停止本地服务(进程 ${pid})。\n`);
} catch {
  process.stdout.write(`进程 ${pid} 已不在运行。\n`);
}
rmSync(stateFile, { force: true });
