// scripts/serve.mjs, the servers `npm start` runs: a malformed request gets 400 and both servers keep serving;
// nothing outside dist/ is served; only the custom-functions metadata carries Access-Control-Allow-Origin.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer, connect } from "node:net";
import { join } from "node:path";
import selfsigned from "selfsigned";
import { tempDir } from "../report/helpers";

const ROOT = join(__dirname, "../..");
const tmp = tempDir("plan-serve-");
const dist = join(tmp.dir, "dist");
let server: ChildProcess;
let exited: number | null | undefined;
const ports = { addin: 0, preview: 0 };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = connect({ port, host: "127.0.0.1" }, () => (c.destroy(), resolve(true)));
    c.on("error", () => resolve(false));
  });

interface Reply {
  status: number;
  headers: IncomingMessage["headers"];
  body: string;
}

/** One request with the path sent exactly as given (no client-side normalizing or escaping). */
function get(which: "addin" | "preview", path: string): Promise<Reply> {
  const send = which === "addin" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      { host: "127.0.0.1", port: ports[which], path, method: "GET", rejectUnauthorized: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(dist);
  mkdirSync(join(tmp.dir, "dist-private"));
  writeFileSync(join(dist, "taskpane.html"), "<p>task pane</p>");
  writeFileSync(join(dist, "preview.html"), "<p>preview</p>");
  writeFileSync(join(dist, "functions.json"), '{"functions":[]}');
  writeFileSync(join(dist, "functions-zh-CN.json"), '{"functions":[]}');
  writeFileSync(join(tmp.dir, "dist-private", "secret.txt"), "not for the browser");
  writeFileSync(join(tmp.dir, "outside.txt"), "not for the browser");
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
  });
  writeFileSync(join(tmp.dir, "cert.pem"), pems.cert);
  writeFileSync(join(tmp.dir, "key.pem"), pems.private);
  ports.addin = await freePort();
  ports.preview = await freePort();
  server = spawn(
    process.execPath,
    [join(ROOT, "scripts/serve.mjs"), dist, join(tmp.dir, "cert.pem"), join(tmp.dir, "key.pem")],
    {
      env: { ...process.env, PLAN_ADDIN_PORT: String(ports.addin), PLAN_PREVIEW_PORT: String(ports.preview) },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  server.on("exit", (code) => (exited = code));
  for (let i = 0; i < 100 && !((await accepts(ports.addin)) && (await accepts(ports.preview))); i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(await accepts(ports.addin)).toBe(true);
  expect(await accepts(ports.preview)).toBe(true);
}, 60_000);

afterAll(() => {
  server?.kill();
  tmp.cleanup();
});

describe.each(["addin", "preview"] as const)("the %s server", (which) => {
  const index = which === "addin" ? "task pane" : "preview";

  test.each(["/%", "/%E0%A4%A", "/functions.json%"])(
    "answers 400 to %s, then serves the next request",
    async (bad) => {
      const r = await get(which, bad);
      expect(r.status).toBe(400);
      expect(r.body).toBe("请求地址无效");
      const ok = await get(which, "/");
      expect(ok.status).toBe(200);
      expect(ok.body).toContain(index);
      expect(exited).toBeUndefined();
    },
  );

  test.each([
    "/../outside.txt",
    "/..%2foutside.txt",
    "/../dist-private/secret.txt",
    "/..%2fdist-private%2fsecret.txt",
  ])("serves nothing outside dist/: %s → 404", async (path) => {
    const r = await get(which, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain("not for the browser");
  });

  test("no Access-Control-Allow-Origin on pages and scripts; on the functions metadata only", async () => {
    const page = await get(which, "/taskpane.html");
    expect(page.status).toBe(200);
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
    for (const meta of ["/functions.json", "/functions-zh-CN.json?v=2"]) {
      const r = await get(which, meta);
      expect(r.status).toBe(200);
      expect(r.headers["access-control-allow-origin"]).toBe("*");
    }
  });
});
