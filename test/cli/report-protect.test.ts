// plan report protects the progress sheets as the pane does (保护公式列), unless --no-protect; the help says so.
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { REPORT_HELP } from "../../src/cli/report";
import { runReport, tempDir } from "../report/helpers";

const tmp = tempDir("plan-protect-");
afterAll(() => tmp.cleanup());

async function sheetXml(args: string[], name: string): Promise<string> {
  const out = tmp.file(name);
  const r = await runReport(["--region", "益阳", "--year", "2023", "--out", out, ...args]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const zip = await JSZip.loadAsync(readFileSync(out));
  return zip.file("xl/worksheets/sheet1.xml")!.async("string");
}

test("by default the progress sheet is protected without a password; --no-protect leaves it open", async () => {
  const on = await sheetXml([], "on.xlsx");
  expect(on).toMatch(/<sheetProtection [^>]*sheet="1"/);
  expect(on).not.toMatch(/hashValue/);
  const off = await sheetXml(["--no-protect"], "off.xlsx");
  expect(off).not.toContain("<sheetProtection");
});

test("the help names --no-protect", () => {
  expect(REPORT_HELP).toContain("--no-protect");
  expect(REPORT_HELP).toContain("无密码");
});
