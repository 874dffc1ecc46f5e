// Command line over the same runner Excel calls: `npm run -s plan -- <command> …`.
import { commands } from "./commands";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    const list = Object.entries(commands)
      .map(([n, c]) => `  ${n.padEnd(8)} ${c.usage}`)
      .join("\n");
    process.stderr.write(`用法:npm run -s plan -- <命令> …\n${list}\n`);
    return name ? 2 : 0;
  }
  return cmd.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`错误:${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
