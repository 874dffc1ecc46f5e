// Static servers for `npm start`: the add-in over https on :3000 (what the manifest points to) and the
// in-browser preview over http on :3001, both on 127.0.0.1 only. Started detached by scripts/start.mjs;
// stopped by `npm stop`. Any web page the user opens can send requests to localhost, so a malformed request
// gets 400 and the servers keep running; only the custom-functions metadata may be read cross-origin
// (scripts/cors.cjs).
import { createServer as createHttps } from "node:https";
import { createServer as createHttp } from "node:http";
import { readFileSync, statSync, createReadStream } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import cors from "./cors.cjs";

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

const plain = (res, status, text) => {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
};

/** The file under root a request path names, or null; throws URIError on a malformed escape ("/%"). */
function fileFor(rawUrl, index) {
  const { pathname } = new URL(rawUrl ?? "/", "http://localhost");
  let path = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, "");
  if (path === "" || path === ".") path = index;
  const file = join(root, path);
  if (!file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function handler(index) {
  return (req, res) => {
    let file;
    try {
      file = fileFor(req.url, index);
    } catch {
      plain(res, 400, "请求地址无效");
      return;
    }
    if (!file) {
      plain(res, 404, "未找到");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      ...cors.corsHeaders(req.url),
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  };
}

createHttps({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, handler("taskpane.html")).listen(
  addinPort,
  "127.0.0.1",
);
createHttp(handler("preview.html")).listen(previewPort, "127.0.0.1");
