// `npm start`, the main job: build, serve the add-in (https://localhost:3000) and the preview
// (http://localhost:3001) in the background, sideload into desktop Excel where it exists, and print what
// to do next. It never waits for input; `npm stop` stops what it started.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, openSync } from "node:fs";
import { homedir, platform } from "node:os";
import { join, resolve } from "node:path";
import { connect } from "node:net";
import selfsigned from "selfsigned";

const root = resolve(import.meta.dirname, "..");
const stateFile = join(root, ".plan-start.json");
const ADDIN = Number(process.env.PLAN_ADDIN_PORT ?? 3000);
const PREVIEW = Number(process.env.PLAN_PREVIEW_PORT ?? 3001);
/** The sideloading tool, pinned (it is outside package-lock.json). */
const DEV_SETTINGS_VERSION = "4.0.0";
const say = (s = "") => process.stdout.write(s + "\n");
const fail = (s) => {
  process.stderr.write(`错误:${s}\n`);
  process.exit(1);
};

const portBusy = (port) =>
  new Promise((ok) => {
    const s = connect({ port, host: "127.0.0.1" }, () => (s.destroy(), ok(true)));
    s.on("error", () => ok(false));
    s.setTimeout(1000, () => (s.destroy(), ok(false)));
  });

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    shell: platform() === "win32",
  });
  return r.status === 0;
}

/** Desktop Excel exists only on Windows and macOS; there office-addin tooling can sideload. */
function hasDesktopExcel() {
  if (platform() === "darwin") return existsSync("/Applications/Microsoft Excel.app");
  if (platform() === "win32") {
    const pf = [process.env["ProgramFiles"], process.env["ProgramFiles(x86)"]].filter(Boolean);
    return pf.some((p) => existsSync(join(p, "Microsoft Office", "root", "Office16", "EXCEL.EXE")));
  }
  return false;
}

/** https certificate: office-addin-dev-certs' if present (or installable), else a local self-signed one. */
async function certificate(desktop) {
  const dev = join(homedir(), ".office-addin-dev-certs");
  const devCert = [join(dev, "localhost.crt"), join(dev, "localhost.key")];
  if (!existsSync(devCert[0]) && desktop) {
    say("正在用 office-addin-dev-certs 安装本机开发证书(系统可能弹出确认窗口)…");
    run("npx", ["--no-install", "office-addin-dev-certs", "install"]);
  }
  if (existsSync(devCert[0]) && existsSync(devCert[1])) return { files: devCert, trusted: true };
  const dir = join(root, ".certs");
  const files = [join(dir, "localhost.crt"), join(dir, "localhost.key")];
  if (!existsSync(files[0])) {
    mkdirSync(dir, { recursive: true });
    const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
      // selfsigned 5 takes an end date (it ignores `days`); 825 days is the most browsers accept.
      notAfterDate: new Date(Date.now() + 825 * 24 * 3600 * 1000),
      keySize: 2048,
      algorithm: "sha256",
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [
            { type: 2, value: "localhost" },
            { type: 7, ip: "127.0.0.1" },
          ],
        },
      ],
    });
    writeFileSync(files[0], pems.cert);
    writeFileSync(files[1], pems.private, { mode: 0o600 });
  }
  return { files, trusted: false };
}

async function main() {
  if (existsSync(stateFile)) {
    const st = JSON.parse(readFileSync(stateFile, "utf8"));
    try {
      process.kill(st.pid, 0);
      say(
        `PLAN 已在运行(进程 ${st.pid})。加载项:https://localhost:${ADDIN}/taskpane.html  预览:http://localhost:${PREVIEW}/`,
      );
      say("如需重启,先运行 npm stop。");
      return;
    } catch {
      /* stale state file: carry on */
    }
  }
  for (const p of [ADDIN, PREVIEW])
    if (await portBusy(p))
      fail(`端口 ${p} 已被其他程序占用。请关闭它,或设置 PLAN_ADDIN_PORT / PLAN_PREVIEW_PORT。`);

  say("1/3 构建加载项(webpack,开发模式)…");
  if (!run("npx", ["--no-install", "webpack", "--mode", "development", "--stats", "errors-warnings"]))
    fail("构建失败,见上方输出。");

  const desktop = hasDesktopExcel();
  const cert = await certificate(desktop);
  say("2/3 启动本地服务…");
  const log = openSync(join(root, "plan-start.log"), "a");
  const child = spawn(
    process.execPath,
    [join(root, "scripts", "serve.mjs"), join(root, "dist"), ...cert.files],
    {
      cwd: root,
      detached: true,
      stdio: ["ignore", log, log],
    },
  );
  child.unref();
  writeFileSync(stateFile, JSON.stringify({ pid: child.pid, started: new Date().toISOString() }));
  for (let i = 0; i < 50 && !((await portBusy(ADDIN)) && (await portBusy(PREVIEW))); i++)
    await new Promise((r) => setTimeout(r, 100));
  if (!(await portBusy(ADDIN))) fail("本地服务未能启动,见 plan-start.log。");

  say("3/3 加载到 Excel…");
  if (desktop) {
    // Fetched on demand, only where desktop Excel exists, at an exact version (README: why it is not a
    // dependency — its peer @microsoft/m365agentstoolkit-cli pulls keytar, a native module whose install
    // script downloads a prebuilt binary or compiles one, which fails on an offline or Linux CI machine).
    const ok = run("npx", [
      "--yes",
      `office-addin-dev-settings@${DEV_SETTINGS_VERSION}`,
      "sideload",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
    ]);
    say(
      ok
        ? "已旁加载到桌面版 Excel:打开 Excel,在“开始”选项卡点击“PLAN 目标”。"
        : "自动旁加载未成功,请按下面“Excel 网页版”的步骤手动加载。",
    );
  } else {
    say("本机没有桌面版 Excel:请在 Excel 网页版中旁加载(本机浏览器需能访问 localhost):");
    say("  1. 打开 https://www.office.com ,新建或打开一个工作簿;");
    say("  2. 开始 → 加载项 → 更多设置/高级 → 上传我的加载项;");
    say(`  3. 选择 ${join(root, "manifest.xml")} 并上传;`);
    say(
      '  4. 在“开始”选项卡点击“PLAN 目标”打开任务窗格;公式 =PLAN.TARGET("益阳","高新技术企业",2025) 应返回 600。',
    );
  }
  if (!cert.trusted) {
    say("");
    say(
      `https 证书:已生成本地自签名证书 ${cert.files[0]},浏览器需信任它才能加载 https://localhost:${ADDIN}:`,
    );
    say(
      "  Linux:  sudo cp .certs/localhost.crt /usr/local/share/ca-certificates/plan-localhost.crt && sudo update-ca-certificates",
    );
    say("  Windows:certutil -addstore -user Root .certs\\localhost.crt");
    say(
      "  macOS:  sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain .certs/localhost.crt",
    );
    say("  或在浏览器中打开 https://localhost:" + ADDIN + "/taskpane.html 一次并选择继续访问。");
  }
  say("");
  say(`加载项:https://localhost:${ADDIN}/taskpane.html`);
  say(`预览(无需 Excel,内存工作簿):http://localhost:${PREVIEW}/`);
  say("停止:npm stop");
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
