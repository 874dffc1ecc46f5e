// The command table of the CLI and its dispatch. Each command is a small module; they share the process's one
// catalog store and runner (Cli), which --packs fills before the command runs.
import { createCli, type Cli, type Command } from "./cli";
import { importCommand, PackFileError, takePacksOption, usePackFiles } from "./import";
import { evalCommand } from "./eval";
import { reportCommand } from "./report";
import { targetCommand } from "./target";
import { extractCommand } from "./extract";

export const commands: Record<string, Command> = {
  import: importCommand,
  target: targetCommand,
  eval: evalCommand,
  extract: extractCommand,
  report: reportCommand,
};

const HELP_WORDS = new Set(["help", "--help", "-h"]);
/** After a command: its help, before anything is read (eval would wait on stdin) or checked. */
const HELP_FLAGS = new Set(["--help", "-h"]);

export function usage(): string {
  const list = Object.entries(commands)
    .map(([n, c]) => `  ${n.padEnd(8)} ${c.usage}`)
    .join("\n");
  return `用法:npm run -s plan -- <命令> …\n${list}\n`;
}

/**
 * `plan <command> …`: the exit code. Asking for help (no command, help, --help, -h) prints the usage on stdout
 * and exits 0; an unknown command prints it on stderr and exits 2.
 */
export async function runCli(
  argv: string[],
  io: { out(s: string): void; err(s: string): void },
  cli: Cli = createCli(),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_WORDS.has(name)) {
    io.out(usage());
    return 0;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    io.err(`未知命令“${name}”。\n${usage()}`);
    return 2;
  }
  if (rest.some((a) => HELP_FLAGS.has(a))) {
    io.out(cmd.help);
    return 0;
  }
  if (name === "import") return cmd.run(rest, cli);
  // --packs FILE (any answering command): answer from the plans the files hold, beside the bundled ones.
  let packs: { rest: string[]; files: string[] };
  try {
    packs = takePacksOption(rest);
    if (packs.files.length) {
      const r = await usePackFiles(packs.files, cli.store);
      for (const n of r.notes) io.err(`${n}\n`);
      if (r.failed) {
        io.err("导入的规划有错误,未执行命令。\n");
        return 1;
      }
    }
  } catch (e) {
    if (!(e instanceof PackFileError)) throw e;
    io.err(`错误:${e.message}\n`);
    return 1;
  }
  return cmd.run(packs.rest, cli);
}
