// Shared by the report tests: temporary directories and running the command in-process.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { report } from "../../src/cli/report";

export function tempDir(prefix: string): {
  dir: string;
  file(name: string, text?: string): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, text) {
      const p = join(dir, name);
      if (text !== undefined) writeFileSync(p, text, "utf8");
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function runReport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await report(args, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

export const SOFFICE = process.env.SOFFICE || "soffice";
/** CSV export of every sheet (last token -1), UTF-8, values not "as shown" (full precision). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
/** The same, with cell contents "as shown" (token 9): the text a reader sees, number formats applied. */
const CSV_FILTER_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
/** LibreOffice profile setting: recalculate OOXML files on load — 0 always, 1 never (default), 2 ask. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * LibreOffice recalculates `files` on load (a profile of its own under `workDir`) and writes every sheet of each
 * to `<file>-<sheet>.csv` in `outDir`: one soffice run.
 */
export function recalcToCsv(
  files: string[],
  outDir: string,
  workDir: string,
  opts: { asShown?: boolean } = {},
): SpawnSyncReturns<string> {
  const profile = join(workDir, "lo-profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return spawnSync(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      opts.asShown ? CSV_FILTER_AS_SHOWN : CSV_FILTER,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 240_000, killSignal: "SIGKILL" },
  );
}

export const SSCONVERT = process.env.SSCONVERT || "ssconvert";

/**
 * Gnumeric's counterpart of recalcToCsv: `ssconvert --recalc` recalculates `file` and writes every sheet to
 * `<outPrefix>-<sheet>.csv`, raw values (full precision, not as shown).
 */
export function gnumericToCsv(file: string, outPrefix: string): SpawnSyncReturns<string> {
  return spawnSync(
    SSCONVERT,
    [
      "--recalc",
      "-S",
      "-T",
      "Gnumeric_stf:stf_assistant",
      "-O",
      "separator=, format=raw",
      file,
      `${outPrefix}-%s.csv`,
    ],
    { encoding: "utf8", timeout: 240_000, killSignal: "SIGKILL" },
  );
}
