// `plan import` and `--packs`: pack.json → import --into x.xlsx → target --packs x.xlsx → report --packs, the
// written progress sheet read back with ExcelJS; a .xlsx table as the pack file; errors exit 1 and store nothing.
import { existsSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { createCli } from "../../src/cli/cli";
import { runCli } from "../../src/cli/commands";
import { COPY_SHEET, sheetRows, TABLE_SHEET } from "../../src/cli/import";
import { PACK_LIMITS, packFileTooBig, validatePack } from "../../src/core/packs/pack";
import { packToTable } from "../../src/core/packs/pack-table";
import { PACK_SHEET, packsFromGrid } from "../../src/sheet/pack-store";
import { tempDir } from "../report/helpers";
import fixture from "../fixtures/example-pack.json";

const PACK = join(__dirname, "../fixtures/example-pack.json");
const tmp = tempDir("plan-import-");
afterAll(() => tmp.cleanup());

/**
 * Run the CLI in-process, with a store of its own as a process has; the commands write to process.stdout/stderr
 * themselves, so those are captured.
 */
async function plan(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const spy = jest.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => {
    out += String(c);
    return true;
  });
  const spyErr = jest.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => {
    err += String(c);
    return true;
  });
  try {
    const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    spy.mockRestore();
    spyErr.mockRestore();
  }
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return b;
}

describe("the round trip", () => {
  const book = join(tmp.dir, "示例县.xlsx");

  it("import --into creates the book: a veryHidden store that holds the pack, and a visible copy of the table", async () => {
    const r = await plan("import", PACK, "--into", book);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("《示例县“十五五”科技创新规划》:导入 5 个目标");
    const b = await load(book);
    expect(b.getWorksheet(PACK_SHEET)!.state).toBe("veryHidden");
    expect(b.getWorksheet(COPY_SHEET)!.state).toBe("visible");
    const stored = packsFromGrid(sheetRows(b.getWorksheet(PACK_SHEET)!));
    expect(stored.errors).toEqual([]);
    expect(stored.packs.map((p) => p.id)).toEqual([fixture.id]);
  });

  it("target --packs x.xlsx answers from the stored pack, with its quote and the user's 出处", async () => {
    const r = await plan("target", "示例县", "高新技术企业", "2030", "--packs", book);
    expect(r.code).toBe(0);
    expect(r.out).toContain("示例县 高新技术企业 2030年目标:150家");
    expect(r.out).toContain("原文:“到2030年,全县高新技术企业达到150家以上”");
    expect(r.out).toContain(`导入自:${fixture.source}`);
  });

  it("without --packs the same question is #N/A (the bundled plans alone)", async () => {
    const r = await plan("target", "示例县", "高新技术企业", "2030");
    expect(r.code).toBe(1);
    expect(r.err).toContain("#N/A 未找到地区“示例县”");
  });

  it("eval --packs answers in the plan's unit or a converted one", async () => {
    const { evalLine } = await import("../../src/cli/eval");
    const { usePackFiles } = await import("../../src/cli/import");
    const cli = createCli();
    expect((await usePackFiles([book], cli.store)).failed).toBe(false);
    const line = '{"fn":"TARGET","args":["示例县","技术合同成交额",2030,"万元"]}';
    expect(JSON.parse(evalLine(line, cli.runner))).toEqual({
      value: 50000,
    });
  });

  it("report --packs writes the imported plan's progress sheet: target value and 出处", async () => {
    const out = join(tmp.dir, "示例县-2027.xlsx");
    const r = await plan("report", "--region", "示例县", "--year", "2027", "--out", out, "--packs", book);
    expect(r.code).toBe(0);
    const b = await load(out);
    const ws = b.worksheets.find((w) => w.name.startsWith("进度_"))!;
    const rows = sheetRows(ws);
    const header = rows.find((x) => x.includes("目标值"))!;
    const row = rows.find((x) => x.includes("高新技术企业"))!;
    expect(row[header.indexOf("目标值")]).toBe(150);
    expect(row[header.indexOf("基期值")]).toBe(86);
    expect(String(row[header.indexOf("出处")])).toBe(
      `《示例县“十五五”科技创新规划》(示例县人民政府,2026-03;导入自:${fixture.source}):“到2030年,全县高新技术企业达到150家以上”`,
    );
  });

  it("a second import into the same book keeps the other packs and replaces the same id", async () => {
    const other = JSON.parse(JSON.stringify(fixture));
    other.id = "fixture-other";
    other.name = "另一个示例包";
    other.regions[0] = { ...other.regions[0], name: "样例县", fullName: "样例县", aliases: [] };
    const file = tmp.file("other.json", JSON.stringify(other));
    expect((await plan("import", file, "--into", book)).code).toBe(0);
    const again = await plan("import", PACK, "--into", book);
    expect(again.out).toContain("已替换工作簿中同一编号的规划包");
    const stored = packsFromGrid(sheetRows((await load(book)).getWorksheet(PACK_SHEET)!));
    expect(stored.packs.map((p) => p.id).sort()).toEqual([fixture.id, "fixture-other"].sort());
    expect((await plan("target", "样例县", "高新技术企业", "2030", "--packs", book)).out).toContain("150家");
  });
});

describe("pack files and errors", () => {
  it("a .xlsx with a 规划目标 table is a pack file", async () => {
    const v = validatePack(fixture);
    if (!v.ok) throw new Error("fixture");
    const b = new ExcelJS.Workbook();
    const ws = b.addWorksheet(TABLE_SHEET);
    for (const r of packToTable(v.pack)) ws.addRow(r);
    ws.getCell("H2").value = "150家"; // typed with its unit
    ws.getCell("H3").value = 0.022; // 2.2% typed into a percent-formatted cell
    ws.getCell("H3").numFmt = "0.0%";
    const file = join(tmp.dir, "table.xlsx");
    writeFileSync(file, Buffer.from(await b.xlsx.writeBuffer()));
    const r = await plan("import", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("导入 5 个目标");
    expect((await plan("target", "示例县", "乡村科技特派员工作站", "2030", "--packs", file)).out).toContain(
      "30个",
    );
  });

  it("a table with a bad cell exits 1, names the cell and stores nothing", async () => {
    const b = new ExcelJS.Workbook();
    const ws = b.addWorksheet(TABLE_SHEET);
    ws.addRow(["地区", "规划", "指标", "单位", "目标年", "目标值", "原文", "出处"]);
    ws.addRow(["某县", "某县规划", "高新技术企业", "家", 2030, "约六百", "达到六百家左右", "某县规划.docx"]);
    const file = join(tmp.dir, "bad.xlsx");
    writeFileSync(file, Buffer.from(await b.xlsx.writeBuffer()));
    const into = join(tmp.dir, "never.xlsx");
    const r = await plan("import", file, "--into", into);
    expect(r.code).toBe(1);
    expect(r.err).toContain("规划目标!F2:目标值“约六百”不是数字,请填写如 600");
    expect(existsSync(into)).toBe(false);
  });

  it("a pack.json with schema errors exits 1, each named by its plan, target and field in words", async () => {
    const bad = JSON.parse(JSON.stringify(fixture));
    bad.plans[0].targets[0].targetYear = 2300;
    delete bad.source;
    const r = await plan("import", tmp.file("bad.json", JSON.stringify(bad)));
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "bad.json 第 1 份规划《示例县“十五五”科技创新规划》第 1 个目标“高新技术企业”的目标年(targetYear):填的是“2300”,应为 1990–2100 的整数年份,例如 2030",
    );
    expect(r.err).toContain("bad.json 规划包的出处(source):未填写,请填写规划文件的标题、网址或文件名");
    expect(r.err).not.toMatch(/plans\[/);
  });

  it("a conflict with a bundled target is reported; the rest is imported", async () => {
    const p = JSON.parse(JSON.stringify(fixture));
    p.id = "yiyang-more";
    p.regions = [];
    p.plans[0].region = "yiyang";
    for (const t of p.plans[0].targets) t.region = "yiyang";
    p.plans[0].observations[0].region = "yiyang";
    p.plans[0].targets[0].targetYear = 2025;
    const r = await plan("import", tmp.file("yiyang.json", JSON.stringify(p)));
    expect(r.code).toBe(0);
    expect(r.out).toContain("导入 4 个目标");
    expect(r.out).toContain("冲突 1 条");
    expect(r.out).toContain("已由内置规划《益阳市“十四五”科技发展规划》给出");
  });

  it("--into a book whose store was edited refuses and leaves the book as it was", async () => {
    const book = join(tmp.dir, "tampered.xlsx");
    expect((await plan("import", PACK, "--into", book)).code).toBe(0);
    const b = await load(book);
    const cell = b.getWorksheet(PACK_SHEET)!.getCell("E3");
    cell.value = String(cell.value).replace("150", "160");
    writeFileSync(book, Buffer.from(await b.xlsx.writeBuffer()));
    const before = readFileSync(book);
    const other = JSON.parse(JSON.stringify(fixture));
    other.id = "another";
    const r = await plan("import", tmp.file("another.json", JSON.stringify(other)), "--into", book);
    expect(r.code).toBe(1);
    expect(r.err).toContain("校验码不符");
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("a pack file over the size limit is refused by its size, before it is read", async () => {
    // A sparse file of zeros: were it read, ExcelJS would call it a damaged workbook, not a too big one.
    const file = join(tmp.dir, "huge.xlsx");
    writeFileSync(file, "");
    truncateSync(file, PACK_LIMITS.fileBytes + 1);
    const into = join(tmp.dir, "never-huge.xlsx");
    const r = await plan("import", file, "--into", into);
    expect(r.code).toBe(1);
    expect(r.err).toContain(packFileTooBig("huge.xlsx", PACK_LIMITS.fileBytes + 1)!);
    expect(r.err).toContain("超过规划包文件的上限 5.0 MB");
    expect(existsSync(into)).toBe(false);
  });

  it("--packs with a missing file exits 1 and runs nothing", async () => {
    const r = await plan("target", "益阳", "高新技术企业", "2025", "--packs", join(tmp.dir, "nope.json"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("无法读取");
    expect(r.out).toBe("");
  });
});
