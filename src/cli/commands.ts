// The command table of the CLI. Each command is a small module; they share the core runner.
import { evalCommand } from "./eval";
import { reportCommand } from "./report";
import { targetCommand } from "./target";

export interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  target: targetCommand,
  eval: evalCommand,
  report: reportCommand,
};
