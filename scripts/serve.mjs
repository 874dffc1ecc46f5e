// Static servers for `npm start`: the add-in over https on :3000 (what the manifest points to) and the
// in-browser preview over http on :3001. Started detached by scripts/start.mjs; stopped by `npm stop`.
import { createServer as createHttps } from "node:https";
import { createServer as createHttp } from "node:http";
import { readFileSync, existsSync, statSync, createReadStream } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const [certFile, keyFile] = [process.argv[3], process.argv[4]];
const addinPort = Number(process.env.PLAN_ADDIN_PORT ?? 3000);
const previewPort = Number(process.env.PLAN_PREVIEW_PORT ?? 3001);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

function handler(index) {
  return (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
    if (path === "" || path === ".") path = index;
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("未找到");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      "access-control-allow-origin": "*",
    });
    createReadStream(file).pipe(res);
  };
}

createHttps({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, handler("taskpane.html")).listen(
  addinPort,
  "127.0.0.1",
);
createHttp(handler("preview.html")).listen(previewPort, "127.0.0.1");
