// Building for deployment: without PLAN_BASE_URL the production manifest keeps https://localhost:3000/ and the
// build says so in one line; no made-up host appears in the repository or in dist/; the webpack dev server
// listens on loopback only and lets only the functions metadata be read cross-origin.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { baseUrlNotice, DEV_BASE_URL, productionBaseUrl } from "../../scripts/addin-build";

const ROOT = join(__dirname, "../..");
/** A host name with a label "example" in it, the kind a placeholder URL uses. */
const PLACEHOLDER_HOST = new RegExp(String.raw`[a-z0-9-]+\.example\b|\bexample\.[a-z]{2,}`, "i");

/**
 * What webpack.config.js yields for a mode and env, evaluated in a plain node process (it loads TypeScript
 * through tsx, which jest's module system does not host): its console warnings, the manifest its copy step
 * writes, the dev server's host and the headers it sends for some URLs.
 */
function webpackConfig(mode: string, env: object = {}, baseUrl?: string) {
  const script = `
    const warnings = [];
    console.warn = (...a) => warnings.push(a.join(" "));
    const cfg = require("./webpack.config.js")(${JSON.stringify(env)}, { mode: ${JSON.stringify(mode)} });
    const copy = cfg.plugins.find((p) => p.constructor.name === "CopyPlugin");
    const pattern = copy.patterns.find((p) => p.from === "manifest.xml");
    const manifest = String(pattern.transform(require("node:fs").readFileSync("manifest.xml")));
    const urls = ${JSON.stringify(HEADER_URLS)};
    const headers = Object.fromEntries(urls.map((url) => [url, cfg.devServer.headers({ url })]));
    process.stdout.write(JSON.stringify({ warnings, manifest, host: cfg.devServer.host, headers }));`;
  const env2: NodeJS.ProcessEnv = { ...process.env };
  if (baseUrl === undefined) delete env2.PLAN_BASE_URL;
  else env2.PLAN_BASE_URL = baseUrl;
  const out = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, env: env2, encoding: "utf8" });
  return JSON.parse(out) as {
    warnings: string[];
    manifest: string;
    host: string;
    headers: Record<string, Record<string, string>>;
  };
}

const HEADER_URLS = [
  "/functions.json",
  "/functions-zh-CN.json?v=1",
  "/taskpane.html",
  "/functions.js",
  "/preview.html",
  "/assets/icon-32.png",
  "/x/functions.json",
];

const appUrls = (xml: string) =>
  xml.match(/https:\/\/[^"<\s]+/g)!.filter((u) => !/schemas\.microsoft\.com|w3\.org/.test(u));

describe("PLAN_BASE_URL", () => {
  test("unset or blank: the dev server's https://localhost:3000/, with a one-line notice naming the variable", () => {
    for (const raw of [undefined, "", "  "]) {
      expect(productionBaseUrl(raw)).toBe(DEV_BASE_URL);
      const notice = baseUrlNotice(raw)!;
      expect(notice).not.toContain("\n");
      expect(notice).toContain("PLAN_BASE_URL");
      expect(notice).toContain(DEV_BASE_URL);
    }
    expect(baseUrlNotice("https://127.0.0.1:8443/plan/")).toBeNull();
  });

  test("a production webpack config without it warns once and writes a manifest of localhost URLs only", () => {
    const { warnings, manifest } = webpackConfig("production");
    expect(warnings).toEqual([baseUrlNotice(undefined)]);
    const urls = appUrls(manifest);
    expect(urls.length).toBeGreaterThan(10);
    for (const u of urls) expect(u.startsWith(DEV_BASE_URL)).toBe(true);
  });

  test("with it set, no notice, and the manifest points there", () => {
    const { warnings, manifest } = webpackConfig("production", {}, "https://127.0.0.1:8443/plan");
    expect(warnings).toEqual([]);
    expect(manifest).toContain("https://127.0.0.1:8443/plan/functions.json");
    for (const u of appUrls(manifest)) expect(u.startsWith("https://127.0.0.1:8443/plan/")).toBe(true);
  });
});

describe("no made-up host", () => {
  test("in any tracked file", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" })
      .split("\0")
      .filter((f) => f && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
    expect(files.length).toBeGreaterThan(50);
    const hits = files.filter((f) => PLACEHOLDER_HOST.test(readFileSync(join(ROOT, f), "latin1")));
    expect(hits).toEqual([]);
  });

  const dist = join(ROOT, "dist");
  (existsSync(dist) ? test : test.skip)("in dist/ (when built): manifest, pages, metadata, scripts", () => {
    const ours = readdirSync(dist).filter((f) => /\.(xml|html|json|js)$/.test(f));
    expect(ours).toContain("manifest.xml");
    for (const f of ours)
      expect([f, PLACEHOLDER_HOST.test(ownText(readFileSync(join(dist, f), "utf8")))]).toEqual([f, false]);
  });
});

/**
 * A bundle's text without its third-party modules. A development build (`npm start`) keeps every module's
 * source under a header line naming its path, comments included, and a library's comment may name a placeholder
 * host (zod's URL parser notes do); a production build is minified, comments dropped, so it is checked whole.
 */
function ownText(bundle: string): string {
  const parts = bundle.split(/^(?=\/\*\*\*\/ "[^"]+"$)/m);
  return parts.filter((p) => !/^\/\*\*\*\/ "[^"]*node_modules\//.test(p)).join("");
}

/** Spelled in two pieces, so this file passes the tracked-files check above. */
const EX = ["exam", "ple"].join("");

test("ownText drops a development bundle's library modules, keeps ours and a production bundle whole", () => {
  const dev = [
    "/******/ (() => { // webpackBootstrap",
    '/***/ "./src/a.ts"',
    `const ours = 'https://plan.${EX}.org';`,
    '/***/ "./node_modules/zod/v4/core/schemas.js"',
    `// reports on ${EX}.com`,
    "",
  ].join("\n");
  expect(PLACEHOLDER_HOST.test(ownText(dev))).toBe(true);
  expect(ownText(dev)).not.toContain(`reports on ${EX}.com`);
  expect(ownText(dev)).toContain("const ours");
  expect(PLACEHOLDER_HOST.test(ownText(`!function(){var u='https://${EX}.com'}()`))).toBe(true);
});

describe("dist/functions.js (when built)", () => {
  const bundle = join(ROOT, "dist", "functions.js");
  // bench/cold.cjs loads the bundle in a bare Node process with Excel's globals stubbed and calls TARGET. With
  // webpack's automatic publicPath, a bundle that can load chunks threw there ("Automatic publicPath is not
  // supported"), as it would in any host that loads it without a <script> element.
  (existsSync(bundle) ? test : test.skip)("loads without a page script and answers PLAN.TARGET", () => {
    const ms = execFileSync(process.execPath, [join(ROOT, "bench", "cold.cjs"), bundle], {
      encoding: "utf8",
    });
    expect(Number(ms)).toBeGreaterThan(0);
  });
});

describe("the webpack dev server", () => {
  test.each([[{}], [{ preview: true }]])("listens on 127.0.0.1 only (%j)", (env) => {
    expect(webpackConfig("development", env).host).toBe("127.0.0.1");
  });

  test("Access-Control-Allow-Origin only on the custom-functions metadata", () => {
    const { headers } = webpackConfig("development");
    const allow = { "Access-Control-Allow-Origin": "*" };
    expect(headers).toEqual({
      "/functions.json": allow,
      "/functions-zh-CN.json?v=1": allow,
      "/taskpane.html": {},
      "/functions.js": {},
      "/preview.html": {},
      "/assets/icon-32.png": {},
      "/x/functions.json": {},
    });
  });
});
