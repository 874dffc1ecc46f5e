// Command line over the same runner Excel calls: `npm run -s plan -- <command> …`.
import { createCatalogStore } from "../core/catalog/store";
import { createCli } from "./cli";
import { runCli } from "./commands";

// The process's own catalog: the bundled plans, and the packs --packs names.
const cli = createCli(createCatalogStore());
runCli(
  process.argv.slice(2),
  {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  },
  cli,
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`错误:${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
