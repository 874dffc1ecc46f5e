// The output file of `plan report`: checked before anything is built, then written to a temporary file in the
// same directory and renamed into place. A failed write (disk full, file too large, no permission, the file
// open in Excel) leaves no partial .xlsx under the user's name, and an existing file is replaced only with
// --force: without it the temporary file is linked to the name, which fails if the name exists.
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A refusal or failure about the output file; the message is for the user. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** The file-system calls the writer makes; tests inject failing ones. */
export type OutputFs = Pick<
  typeof nodeFs,
  | "openSync"
  | "writeSync"
  | "fsyncSync"
  | "closeSync"
  | "linkSync"
  | "renameSync"
  | "unlinkSync"
  | "existsSync"
>;

const FORCE_HINT = "确需覆盖请加 --force";

/**
 * Check --out before the report is built and return the path to write: the file itself, or the file a
 * symbolic link points to. Throws OutputError for a missing directory, a directory or other non-file, a
 * dangling link, or an existing file without --force.
 */
export function checkOut(out: string, force: boolean): string {
  let target = resolve(out);
  const link = lstatOrNull(target);
  if (link?.isSymbolicLink()) {
    let real: string;
    try {
      real = nodeFs.realpathSync(target);
    } catch {
      throw new OutputError(
        `“${out}”是一个失效的符号链接(指向不存在的“${nodeFs.readlinkSync(target)}”),无法写入。` +
          `请换一个输出文件名,或先删除这个链接`,
      );
    }
    target = real;
  }
  const dir = dirname(target);
  const dirStat = lstatOrNull(dir, true);
  if (!dirStat?.isDirectory()) throw new OutputError(`输出目录不存在:${dir}`);
  const existing = lstatOrNull(target, true);
  if (existing) {
    if (!existing.isFile()) throw new OutputError(`“${out}”不是文件(可能是文件夹),无法写入`);
    if (!force) throw new OutputError(`输出文件已存在:${out}(为免覆盖您的数据,不会改写它);${FORCE_HINT}`);
  }
  return target;
}

function lstatOrNull(path: string, follow = false): nodeFs.Stats | null {
  try {
    return follow ? nodeFs.statSync(path) : nodeFs.lstatSync(path);
  } catch {
    return null;
  }
}

/** Write data to target through a temporary file in its directory; on any failure nothing is left behind. */
export function writeOut(
  target: string,
  data: Uint8Array,
  force: boolean,
  shown: string = target,
  fs: OutputFs = nodeFs,
): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFully(fs, tmp, data);
    if (force) fs.renameSync(tmp, target);
    else publishNew(fs, tmp, target);
  } catch (e) {
    throw new OutputError(writeFailure(e, shown));
  } finally {
    try {
      if (fs.existsSync(tmp)) fs.unlinkSync(tmp);
    } catch {
      /* the temporary file is hidden and named after the output; nothing more can be done */
    }
  }
}

function writeFully(fs: OutputFs, path: string, data: Uint8Array) {
  const fd = fs.openSync(path, "wx");
  try {
    for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at, data.length - at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Put a new file under its name without ever replacing one that appeared meanwhile. */
function publishNew(fs: OutputFs, tmp: string, target: string) {
  try {
    fs.linkSync(tmp, target); // fails with EEXIST if the name exists
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // FAT/exFAT USB drives and some network shares have no hard links: check, then rename.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
  }
  if (fs.existsSync(target)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
  fs.renameSync(tmp, target);
}

/** Why a write failed, in Chinese, from the system error code. */
export function writeFailure(e: unknown, out: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    EEXIST: `输出文件已存在:${out};${FORCE_HINT}`,
    ENOENT: `无法写入“${out}”:输出目录不存在或已被移走`,
    ENOTDIR: `无法写入“${out}”:路径中有一段不是文件夹`,
    EISDIR: `无法写入“${out}”:这是一个文件夹`,
    EACCES: `无法写入“${out}”:没有写入权限,或文件正被 Excel/WPS 打开`,
    EPERM: `无法写入“${out}”:没有写入权限,或文件正被 Excel/WPS 打开`,
    EBUSY: `无法写入“${out}”:文件正被其他程序(如 Excel/WPS)打开,请关闭后重试`,
    ENOSPC: `无法写入“${out}”:磁盘空间不足`,
    EDQUOT: `无法写入“${out}”:磁盘配额已用完`,
    EFBIG: `无法写入“${out}”:文件超过系统允许的大小`,
    EROFS: `无法写入“${out}”:所在磁盘是只读的`,
    ENAMETOOLONG: `无法写入“${out}”:文件名或路径过长`,
    EIO: `无法写入“${out}”:磁盘读写错误`,
  };
  return (
    (code && why[code]) ??
    `无法写入“${out}”${code ? `(系统错误 ${code})` : `:${e instanceof Error ? e.message : String(e)}`}`
  );
}

/**
 * Text for a terminal: control characters other than line feed and tab shown as \u001b …, so a name from a CSV
 * or a file cannot move the cursor, recolour or retitle the terminal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
export const visible = (s: string) =>
  s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
