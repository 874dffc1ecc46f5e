// What every command of the CLI shares: the process's one catalog store and runner (Cli), and the shape of a
// command. The command table (commands.ts) lists the commands; each command module imports only this file.
import { createCatalogStore, type CatalogStore } from "../core/catalog/store";
import { Runner } from "../core/functions/runner";

/** What one `plan` process answers from: its catalog store (bundled plans, plus --packs) and runner. */
export interface Cli {
  store: CatalogStore;
  runner: Runner;
}

/** A CLI over `store` (default: the bundled plans alone). */
export function createCli(store: CatalogStore = createCatalogStore()): Cli {
  return { store, runner: new Runner(store) };
}

export interface Command {
  usage: string;
  /** The command's own usage, for `plan <command> -h | --help`. */
  help: string;
  run(args: string[], cli: Cli): Promise<number>;
}
