// Command line over the same runner Excel calls: `npm run -s plan -- <command> …`.
import { runCli } from "./commands";

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`错误:${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
