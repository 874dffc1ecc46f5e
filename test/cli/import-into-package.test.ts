// `plan import --into` an existing book never drops what it cannot carry: a book with a chart keeps every part
// byte for byte (the three it must name the new sheet in differ by the inserted element only), and the store
// sheet reads back with ExcelJS and with LibreOffice. Needs `soffice`; fails (never skips) without it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/commands";
import { readPackFile } from "../../src/cli/import";
import { PACK_SHEET } from "../../src/sheet/pack-store";
import { putSheet, PackageError } from "../../src/workbook/xlsx-package";
import { SOFFICE, tempDir } from "../report/helpers";
import { bookWithChart } from "./chart-book";
import fixture from "../fixtures/example-pack.json";

const PACK = join(__dirname, "../fixtures/example-pack.json");
const EDITED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
const tmp = tempDir("plan-import-package-");
afterAll(() => tmp.cleanup());

async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

async function importInto(book: string, pack = PACK): Promise<{ code: number; err: string }> {
  let err = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  const spyErr = jest.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => {
    err += String(c);
    return true;
  });
  try {
    const code = await runCli(["import", pack, "--into", book], {
      out: () => undefined,
      err: (s) => (err += s),
    });
    return { code, err };
  } finally {
    out.mockRestore();
    spyErr.mockRestore();
  }
}

/** The text `after` minus one inserted element: what it was before the insertion. */
function withoutInserted(after: string, element: RegExp): string {
  const found = after.match(element);
  expect(found).toHaveLength(1);
  return after.replace(element, "");
}

describe("import --into a book with a chart", () => {
  const book = join(tmp.dir, "有图表.xlsx");
  let original: Map<string, Buffer>;
  let after: Map<string, Buffer>;

  beforeAll(async () => {
    const bytes = await bookWithChart();
    writeFileSync(book, bytes);
    original = await parts(bytes);
  });

  it("the fixture is one that ExcelJS loses: re-saved through it, the chart part is gone", async () => {
    expect(original.has("xl/charts/chart1.xml")).toBe(true);
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    const resaved = await parts(Buffer.from(await b.xlsx.writeBuffer()));
    expect(resaved.has("xl/charts/chart1.xml")).toBe(false);
  });

  it("keeps every original part byte-identical; the three naming the sheet differ by one inserted element", async () => {
    const r = await importInto(book);
    expect(r).toEqual({ code: 0, err: "" });
    after = await parts(readFileSync(book));
    for (const [name, bytes] of original) {
      expect(after.has(name)).toBe(true);
      if (!EDITED.includes(name))
        expect({ name, same: after.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    }
    const text = (name: string) => after.get(name)!.toString("utf8");
    expect(
      withoutInserted(text("xl/workbook.xml"), /<sheet name="PLAN_导入规划"[^>]*state="veryHidden"[^>]*\/>/g),
    ).toBe(original.get("xl/workbook.xml")!.toString("utf8"));
    expect(
      withoutInserted(text("xl/_rels/workbook.xml.rels"), /<Relationship [^>]*worksheets\/sheet2\.xml"\/>/g),
    ).toBe(original.get("xl/_rels/workbook.xml.rels")!.toString("utf8"));
    expect(
      withoutInserted(
        text("[Content_Types].xml"),
        /<Override PartName="\/xl\/worksheets\/sheet2\.xml"[^>]*\/>/g,
      ),
    ).toBe(original.get("[Content_Types].xml")!.toString("utf8"));
    expect([...after.keys()].filter((k) => !original.has(k))).toEqual(["xl/worksheets/sheet2.xml"]);
  });

  it("the store reads back with ExcelJS: a veryHidden sheet holding the pack", async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(readFileSync(book) as unknown as ArrayBuffer);
    expect(b.getWorksheet(PACK_SHEET)?.state).toBe("veryHidden");
    expect(b.getWorksheet("数据")?.getCell("B3").value).toBe(5);
    const read = await readPackFile(book);
    expect(read.errors).toEqual([]);
    expect(read.packs.map((p) => p.id)).toEqual([fixture.id]);
  });

  it("a second import replaces the store's part only; the chart parts are still the same bytes", async () => {
    const other = { ...fixture, id: "another-pack", name: "另一个规划包" };
    const r = await importInto(book, tmp.file("other.json", JSON.stringify(other)));
    expect(r.code).toBe(0);
    const again = await parts(readFileSync(book));
    for (const [name, bytes] of after)
      if (name !== "xl/worksheets/sheet2.xml")
        expect({ name, same: again.get(name)!.equals(bytes) }).toEqual({ name, same: true });
    expect((await readPackFile(book)).packs.map((p) => p.id).sort()).toEqual(
      ["another-pack", fixture.id].sort(),
    );
  });

  it("LibreOffice opens the result: the bar chart is there and the store sheet holds the pack", () => {
    const out = join(tmp.dir, "lo");
    mkdirSync(join(tmp.dir, "prof"), { recursive: true });
    const p = spawnSync(
      SOFFICE,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${pathToFileURL(join(tmp.dir, "prof")).href}`,
        "--convert-to",
        "fods",
        "--outdir",
        out,
        book,
      ],
      { encoding: "utf8", timeout: 240_000, killSignal: "SIGKILL" },
    );
    expect(p.status).toBe(0);
    const fods = readFileSync(join(out, "有图表.fods"), "utf8");
    expect(fods).toContain('chart:class="chart:bar"');
    expect(fods).toContain(`table:name="${PACK_SHEET}"`);
    expect(fods).toContain(fixture.id);
    expect(fods).toContain("another-pack");
  }, 300_000);
});

describe("putSheet refuses what it does not understand and writes nothing", () => {
  it("a package without xl/workbook.xml is refused in Chinese", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(putSheet(bytes, PACK_SHEET, [["x"]], "veryHidden")).rejects.toThrow(PackageError);
    await expect(putSheet(bytes, PACK_SHEET, [["x"]], "veryHidden")).rejects.toThrow(/未作更改/);
  });

  it("text XML cannot carry (U+FFFE) is refused, not written", async () => {
    await expect(putSheet(await bookWithChart(), PACK_SHEET, [["a\uFFFEb"]], "veryHidden")).rejects.toThrow(
      /A1 的文字含有 .xlsx 无法保存的字符/,
    );
  });

  it("--into a file that is not a zip exits 1 and leaves it as it was", async () => {
    const bad = tmp.file("坏.xlsx", "not a zip");
    const r = await importInto(bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/错误:/);
    expect(readFileSync(bad, "utf8")).toBe("not a zip");
  });
});
