/** @jest-environment jsdom */
// manifest.xml: a shared runtime hosting both the task pane and PLAN.*, localized metadata for zh-CN, the least
// permission that works, icons that exist; and the production rewrite of its URLs.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  DEV_BASE_URL,
  HELP_PAGE,
  METADATA_FILE,
  ZH_METADATA_FILE,
  productionBaseUrl,
  rewriteManifest,
} from "../../scripts/addin-build";
import { REQUIRED_API } from "../../src/workbook/office-workbook";

const ROOT = resolve(__dirname, "../..");
const xml = readFileSync(resolve(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (name: string) => Array.from(doc.getElementsByTagNameNS("*", name));
const one = (name: string) => {
  const found = all(name);
  expect(found).toHaveLength(1);
  return found[0];
};
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const xsiType = (e: Element) => e.getAttributeNS(XSI, "type");
const resource = (kind: "Url" | "String" | "Image", id: string) => {
  const e = all(kind).find((x) => x.getAttribute("id") === id);
  if (!e) throw new Error(`no bt:${kind} ${id}`);
  return e;
};
const zhOverride = (e: Element) =>
  Array.from(e.children).find((c) => c.localName === "Override" && c.getAttribute("Locale") === "zh-CN");

test("well-formed", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
});

test("requirements: SharedRuntime 1.1 and ExcelApi 1.9 (the API set the Office.js workbook checks for)", () => {
  const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
  expect(sets).toEqual([
    ["SharedRuntime", "1.1"],
    ["ExcelApi", REQUIRED_API],
  ]);
});

test("a shared runtime: one long-lived runtime on the task pane page", () => {
  const runtime = one("Runtime");
  expect(runtime.getAttribute("resid")).toBe("Taskpane.Url");
  expect(runtime.getAttribute("lifetime")).toBe("long");
  const cf = all("ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
  const resid = (parent: string) =>
    Array.from(cf.getElementsByTagNameNS("*", parent))[0]
      .getElementsByTagNameNS("*", "SourceLocation")[0]
      .getAttribute("resid");
  expect(resid("Page")).toBe("Taskpane.Url");
  expect(resid("Script")).toBe("Functions.Script.Url");
  expect(resid("Metadata")).toBe("Functions.Metadata.Url");
  expect(one("FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");
  expect(resource("Url", "Taskpane.Url").getAttribute("DefaultValue")).toBe(`${DEV_BASE_URL}taskpane.html`);
});

test("namespace PLAN, so the functions are PLAN.TARGET, PLAN.LIST, …", () => {
  expect(one("Namespace").getAttribute("resid")).toBe("Functions.Namespace");
  expect(resource("String", "Functions.Namespace").getAttribute("DefaultValue")).toBe("PLAN");
});

test("ReadWriteDocument and nothing broader", () => {
  expect(one("Permissions").textContent).toBe("ReadWriteDocument");
});

test("a ribbon button opens the task pane", () => {
  const button = all("Control").find((e) => xsiType(e) === "Button")!;
  const action = button.getElementsByTagNameNS("*", "Action")[0];
  expect(xsiType(action)).toBe("ShowTaskpane");
  expect(action.getElementsByTagNameNS("*", "SourceLocation")[0].getAttribute("resid")).toBe("Taskpane.Url");
  expect(zhOverride(resource("String", "TaskpaneButton.Label"))?.getAttribute("Value")).toBe("PLAN 目标");
});

test("zh-CN: metadata URL override, display name and description", () => {
  const url = resource("Url", "Functions.Metadata.Url");
  expect(url.getAttribute("DefaultValue")).toBe(DEV_BASE_URL + METADATA_FILE);
  expect(zhOverride(url)?.getAttribute("Value")).toBe(DEV_BASE_URL + ZH_METADATA_FILE);
  const top = (name: string) => Array.from(doc.documentElement.children).find((e) => e.localName === name)!;
  expect(zhOverride(top("DisplayName"))?.getAttribute("Value")).toMatch(/[\u4e00-\u9fff]/);
  expect(zhOverride(top("Description"))?.getAttribute("Value")).toMatch(/[\u4e00-\u9fff]/);
});

test("icons: 16/20/24/32/40/48/64/80 for the ribbon, 32/64 for the add-in, all present as PNGs of that size", () => {
  const urls = [
    one("IconUrl").getAttribute("DefaultValue")!,
    one("HighResolutionIconUrl").getAttribute("DefaultValue")!,
    ...all("Image")
      .filter((e) => e.getAttribute("DefaultValue"))
      .map((e) => e.getAttribute("DefaultValue")!),
  ];
  expect(urls.length).toBeGreaterThanOrEqual(10);
  // Each ribbon Icon offers every size Office asks for at its scaling factors.
  for (const icon of all("Icon").filter((e) => e.getElementsByTagNameNS("*", "Image").length))
    expect(Array.from(icon.getElementsByTagNameNS("*", "Image")).map((e) => e.getAttribute("size"))).toEqual([
      "16",
      "20",
      "24",
      "32",
      "40",
      "48",
      "64",
      "80",
    ]);
  for (const url of urls) {
    const m = /^https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)$/.exec(url);
    expect(m).not.toBeNull();
    const file = resolve(ROOT, m![1]);
    expect(existsSync(file)).toBe(true);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(m![2]), Number(m![2])]);
    expect(png.length).toBeLessThan(4096);
  }
});

test("SupportUrl and LearnMoreUrl open the zh-CN help page, not the task pane", () => {
  expect(one("SupportUrl").getAttribute("DefaultValue")).toBe(`${DEV_BASE_URL}${HELP_PAGE}`);
  expect(resource("Url", "GetStarted.LearnMoreUrl").getAttribute("DefaultValue")).toBe(
    `${DEV_BASE_URL}${HELP_PAGE}`,
  );
});

test("every URL is under https://localhost:3000/", () => {
  const urls = xml
    .match(/https?:\/\/[^"<\s]+/g)!
    .filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("w3.org"));
  expect(urls.length).toBeGreaterThan(5);
  for (const u of urls) expect(u.startsWith(DEV_BASE_URL)).toBe(true);
});

describe("production rewrite", () => {
  test("every https://localhost:3000/ becomes the base URL", () => {
    const count = xml.split(DEV_BASE_URL).length - 1;
    expect(count).toBeGreaterThan(10);
    const out = rewriteManifest(xml, "https://127.0.0.1:8443/addin/");
    expect(out).not.toMatch(/localhost:3000/);
    expect(out.split("https://127.0.0.1:8443/addin/").length - 1).toBe(count);
    expect(out).toContain(`https://127.0.0.1:8443/addin/${ZH_METADATA_FILE}`);
  });

  test("a localhost:3000 URL in another form is refused rather than left behind", () => {
    expect(() => rewriteManifest('<a href="https://localhost:3000"/>', "https://127.0.0.1/")).toThrow(
      /localhost:3000/,
    );
  });

  test("PLAN_BASE_URL: default, trailing slash, https only", () => {
    expect(productionBaseUrl(undefined)).toBe(DEV_BASE_URL);
    expect(productionBaseUrl("  ")).toBe(DEV_BASE_URL);
    expect(productionBaseUrl("https://127.0.0.1:8443/plan")).toBe("https://127.0.0.1:8443/plan/");
    expect(productionBaseUrl("https://127.0.0.1:8443/plan//")).toBe("https://127.0.0.1:8443/plan/");
    expect(() => productionBaseUrl("http://127.0.0.1:8443/")).toThrow(/https/);
    expect(() => productionBaseUrl("127.0.0.1:8443")).toThrow(/https/);
  });
});
