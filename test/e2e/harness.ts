// Shared by the e2e tests: the preview (`webpack serve --env preview`) on a free port, and Debian's chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const SERVER_START_MS = 150_000;
const STEP_MS = 15_000;

export interface Preview {
  page: Page;
  url: string;
  pageErrors: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

function status(target: string): Promise<number> {
  return new Promise((ok) => {
    const req = get(target, { agent: false, timeout: 5_000 }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => ok(0));
  });
}

export async function startPreview(): Promise<Preview> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `端到端测试需要 Debian 的 chromium(${CHROMIUM} 不存在)。请运行:apt-get update && apt-get install -y chromium`,
    );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/preview.html`;
  const webpack = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  const args = [
    webpack,
    "serve",
    "--mode",
    "development",
    "--env",
    "preview",
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--no-open",
  ];
  const server: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const collect = (b: Buffer) => (log = (log + b.toString()).slice(-20_000));
  server.stdout!.on("data", collect);
  server.stderr!.on("data", collect);
  let context: BrowserContext | null = null;
  let userDataDir: string | null = null;
  const stop = async () => {
    await context?.close().catch(() => undefined);
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      process.kill(-server.pid, "SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((r) => (timer = setTimeout(r, 10_000, "timeout")));
      if ((await Promise.race([exited, timeout])) === "timeout") process.kill(-server.pid, "SIGKILL");
      clearTimeout(timer);
    }
    server.stdout?.destroy();
    server.stderr?.destroy();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + SERVER_START_MS;
    for (;;) {
      if (server.exitCode !== null)
        throw new Error(`预览服务器已退出(退出码 ${server.exitCode}):\n${log.slice(-3000)}`);
      if ((await status(url)) === 200) break;
      if (Date.now() > deadline)
        throw new Error(`预览服务器未在 ${SERVER_START_MS / 1000} 秒内就绪:\n${log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    userDataDir = mkdtempSync(join(tmpdir(), "plan-e2e-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1920, height: 1000 },
      locale: "zh-CN",
      timeout: 60_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_MS);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    return { page, url, pageErrors, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
