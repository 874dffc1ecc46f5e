// `plan` itself: asking for help exits 0 with the usage on stdout; an unknown command exits 2.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { commands, runCli } from "../../src/cli/commands";

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

test.each(["--help", "-h", "help", ""])("plan %s: usage on stdout, exit 0", async (arg) => {
  const r = await cli(arg ? [arg] : []);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe("");
  expect(r.stdout).toMatch(/^用法:npm run -s plan -- <命令>/);
  for (const c of ["target", "eval", "report"]) expect(r.stdout).toContain(`  ${c} `);
});

test.each([["nope"], ["--helpme"], ["toString"]])("plan %s: unknown command, exit 2", async (name) => {
  const r = await cli([name]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain(`未知命令“${name}”`);
  expect(r.stderr).toContain("用法");
});

test("the real process: `plan --help` exits 0", () => {
  const p = spawnSync(process.execPath, [require.resolve("tsx/cli"), "src/cli/main.ts", "--help"], {
    cwd: join(__dirname, "../.."),
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(p.status).toBe(0);
  expect(p.stdout).toContain("用法");
}, 90_000);

const COMMANDS = ["target", "eval", "import", "extract", "report"];

test.each(
  COMMANDS.flatMap((c) => [
    [c, "-h"],
    [c, "--help"],
  ]),
)("plan %s %s: the command's usage on stdout, exit 0", async (name, flag) => {
  const r = await cli([name, flag]);
  expect(r).toEqual({ code: 0, stdout: commands[name].help, stderr: "" });
  expect(r.stdout).toMatch(new RegExp(`^用法:npm run -s plan -- ${name} `));
});

test("the help of report names regions as the resolver knows them (汕尾城区, not 城区)", () => {
  expect(commands.report.help).toContain("益阳、中山、汕尾城区");
});

/** The real process, its stdin an open pipe nobody writes to: help must not wait on it. */
function spawnCli(argv: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [require.resolve("tsx/cli"), "src/cli/main.ts", ...argv], {
      cwd: join(__dirname, "../.."),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    p.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    const timer = setTimeout(() => {
      p.kill();
      reject(new Error(`plan ${argv.join(" ")} still running after 60 s (waiting on stdin?)`));
    }, 60_000);
    p.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

test.each([
  ["eval", "--help"],
  ["eval", "-h"],
  ["target", "-h"],
  ["extract", "--help"],
])(
  "the real process: plan %s %s exits 0 with the usage, stdin left open",
  async (name, flag) => {
    const r = await spawnCli([name, flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(commands[name].help);
  },
  90_000,
);
