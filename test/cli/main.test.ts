// `plan` itself: asking for help exits 0 with the usage on stdout; an unknown command exits 2.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli } from "../../src/cli/commands";

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
