// The output file of `plan report`: a failed write leaves no partial file (injected failures and a real one,
// a file-size limit), errors are reported in Chinese, symbolic links are handled for what they are.
import { spawnSync } from "node:child_process";
import * as realFs from "node:fs";
import { lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkOut, OutputError, writeOut, type OutputFs } from "../../src/cli/output";
import { runReport, tempDir } from "../report/helpers";

const ROOT = join(__dirname, "../..");
const REPORT = ["--region", "益阳", "--year", "2023"];
const DATA = Buffer.alloc(50_000, 7);
const OLD = "the statistician's own file";

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir("plan-output-")));
afterEach(() => tmp.cleanup());

const errno = (code: string) => Object.assign(new Error(`${code}: raw system message`), { code });

/** The real file system, with some calls replaced. */
const fsWith = (over: Partial<OutputFs>): OutputFs => ({ ...realFs, ...over });

/** A writer that gets part of the data out, then fails as a full disk does. */
function diskFullAfter(bytes: number): Partial<OutputFs> {
  let written = 0;
  return {
    writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => {
      if (written >= bytes) throw errno("ENOSPC");
      const n = realFs.writeSync(fd, buf, off, Math.min(len, bytes - written));
      written += n;
      return n;
    }) as OutputFs["writeSync"],
  };
}

function expectFailure(f: () => void, message: RegExp) {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(OutputError);
  expect((caught as Error).message).toMatch(message);
  expect((caught as Error).message).not.toMatch(/raw system message|ENOSPC|EBUSY|ENOENT/);
}

describe("a failed write leaves no partial file", () => {
  test("disk full midway, new file: no file under the name, no temporary file", () => {
    const out = join(tmp.dir, "new.xlsx");
    expectFailure(() => writeOut(out, DATA, false, out, fsWith(diskFullAfter(10_000))), /磁盘空间不足/);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  test("disk full midway with --force: the existing file is unchanged, no temporary file", () => {
    const out = tmp.file("old.xlsx", OLD);
    expectFailure(() => writeOut(out, DATA, true, out, fsWith(diskFullAfter(10_000))), /磁盘空间不足/);
    expect(readFileSync(out, "utf8")).toBe(OLD);
    expect(readdirSync(tmp.dir)).toEqual(["old.xlsx"]);
  });

  test("the rename fails (Excel holds the file) with --force: the existing file is unchanged", () => {
    const out = tmp.file("open.xlsx", OLD);
    const renameSync = () => {
      throw errno("EBUSY");
    };
    expectFailure(() => writeOut(out, DATA, true, out, fsWith({ renameSync })), /正被其他程序.*打开/);
    expect(readFileSync(out, "utf8")).toBe(OLD);
    expect(readdirSync(tmp.dir)).toEqual(["open.xlsx"]);
  });

  test("without --force a file that appeared after the check is not replaced", () => {
    const out = tmp.file("late.xlsx", OLD);
    expectFailure(() => writeOut(out, DATA, false), /输出文件已存在.*--force/);
    expect(readFileSync(out, "utf8")).toBe(OLD);
    expect(readdirSync(tmp.dir)).toEqual(["late.xlsx"]);
  });

  test("a drive without hard links (FAT, some shares): the file is still written, whole", () => {
    const out = join(tmp.dir, "usb.xlsx");
    const linkSync = () => {
      throw errno("EPERM");
    };
    writeOut(out, DATA, false, out, fsWith({ linkSync }));
    expect(readFileSync(out).equals(DATA)).toBe(true);
    expect(readdirSync(tmp.dir)).toEqual(["usb.xlsx"]);
  });

  test("a successful write leaves exactly the file", () => {
    const out = join(tmp.dir, "ok.xlsx");
    writeOut(out, DATA, false);
    expect(readFileSync(out).equals(DATA)).toBe(true);
    expect(readdirSync(tmp.dir)).toEqual(["ok.xlsx"]);
  });

  test("the directory vanished after the check: a Chinese message, not ENOENT", () => {
    const out = join(tmp.dir, "gone", "x.xlsx");
    expectFailure(() => writeOut(out, DATA, false), /输出目录不存在或已被移走/);
  });

  test.each([
    [false, "no existing file"],
    [true, "--force over an existing file"],
  ])(
    "a real failing write (file-size limit, EFBIG), %s: exit 1, Chinese message, nothing partial",
    (force, _what) => {
      const out = join(tmp.dir, "limited.xlsx");
      if (force) writeFileSync(out, OLD);
      // bash's ulimit -f counts 1 KiB blocks: the report (~20 KiB) cannot be written, the old file can stay.
      const cmd = [
        "ulimit -f 8;",
        "exec",
        JSON.stringify(process.execPath),
        JSON.stringify(require.resolve("tsx/cli")),
        "src/cli/main.ts report",
        ...REPORT,
        "--out",
        JSON.stringify(out),
        force ? "--force" : "",
      ].join(" ");
      const p = spawnSync("bash", ["-c", cmd], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, TSX_DISABLE_CACHE: "1" },
      });
      expect(p.stderr).toContain("文件超过系统允许的大小");
      expect(p.stderr).toContain("未写入任何文件");
      expect(p.stderr).not.toContain("EFBIG");
      expect(p.status).toBe(1);
      expect(readdirSync(tmp.dir)).toEqual(force ? ["limited.xlsx"] : []);
      if (force) expect(readFileSync(out, "utf8")).toBe(OLD);
    },
    90_000,
  );
});

describe("symbolic links as --out", () => {
  test("a dangling link is reported as one, with or without --force, and stays as it was", async () => {
    const link = join(tmp.dir, "link.xlsx");
    symlinkSync(join(tmp.dir, "nowhere", "target.xlsx"), link);
    for (const force of [[], ["--force"]]) {
      const r = await runReport([...REPORT, "--out", link, ...force]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("失效的符号链接");
      expect(r.stderr).toContain(join(tmp.dir, "nowhere", "target.xlsx"));
      expect(r.stderr).not.toContain("已存在");
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(join(tmp.dir, "nowhere", "target.xlsx"));
    }
    expect(readdirSync(tmp.dir)).toEqual(["link.xlsx"]);
  });

  test("a link to an existing file: refused without --force; with it, written through the link", async () => {
    const target = tmp.file("real.xlsx", OLD);
    const link = join(tmp.dir, "link.xlsx");
    symlinkSync(target, link);
    const refused = await runReport([...REPORT, "--out", link]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("已存在");
    expect(readFileSync(target, "utf8")).toBe(OLD);
    const forced = await runReport([...REPORT, "--out", link, "--force"]);
    expect(forced.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK"); // a zip: the .xlsx
    expect(readdirSync(tmp.dir).sort()).toEqual(["link.xlsx", "real.xlsx"]);
  });

  test("a directory as --out is refused before anything is built", () => {
    const dir = join(tmp.dir, "folder.xlsx");
    realFs.mkdirSync(dir);
    expect(() => checkOut(dir, true)).toThrow(/不是文件/);
  });
});
