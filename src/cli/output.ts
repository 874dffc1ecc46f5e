// The output file of `plan report`: checked before anything is built, then written to a temporary file in the
// same directory and renamed into place. A failed write (disk full, file too large, no permission, the file
// open in Excel) leaves no partial .xlsx under the user's name, and an existing file is replaced only with
// --force: without it the temporary file is linked to the name, which fails if the name exists.
import * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError, type CliReason } from "./messages";

/** A refusal or failure about the output file; the message is for the user. */
export class OutputError extends CliError {
  constructor(reason: CliReason) {
    super(reason);
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
      throw new OutputError({ reason: "danglingLink", out, target: nodeFs.readlinkSync(target) });
    }
    target = real;
  }
  const dir = dirname(target);
  const dirStat = lstatOrNull(dir, true);
  if (!dirStat?.isDirectory()) throw new OutputError({ reason: "noOutputDir", dir });
  const existing = lstatOrNull(target, true);
  if (existing) {
    if (!existing.isFile()) throw new OutputError({ reason: "outNotFile", out });
    if (!force) throw new OutputError({ reason: "outExists", out, checked: true });
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

/** Why a write failed, from the system error code (the text is in messages.ts). */
export function writeFailure(e: unknown, out: string): CliReason {
  const code = (e as NodeJS.ErrnoException)?.code;
  return { reason: "writeFailed", out, code, error: e instanceof Error ? e.message : String(e) };
}

/**
 * Text for a terminal: control characters other than line feed and tab shown as \u001b …, so a name from a CSV
 * or a file cannot move the cursor, recolour or retitle the terminal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
export const visible = (s: string) =>
  s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
