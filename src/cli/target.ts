// `plan target 益阳 高新技术企业 2025`: the value, unit and quote, for a person.
import { FUNCTION_BY_ID } from "../core/functions/functions";
import { seedOf, sourceOf } from "../core/catalog/labels";
import { coerce } from "../core/functions/runner";
import type { Command } from "./cli";

export const targetCommand: Command = {
  usage: "<地区> <指标> [年份] [单位]    查询目标值,并给出单位与原文",
  help:
    "用法:npm run -s plan -- target <地区> <指标> [年份] [单位] [--packs <规划包文件>]\n" +
    "  查询目标值,并给出单位与原文,例如:\n" +
    "  npm run -s plan -- target 益阳 高新技术企业 2025\n" +
    "  npm run -s plan -- target 汕尾城区 研发经费投入强度\n",
  async run(args, { runner }) {
    const [region, indicator, year, unit] = args;
    const out = runner.run("TARGET", [region, indicator, year ?? null, unit ?? null]);
    if (!out.ok) {
      process.stderr.write(`${out.error} ${out.message}\n`);
      return 1;
    }
    const yearParam = FUNCTION_BY_ID.get("TARGET")!.params[2];
    const t = runner
      .context()
      .resolver.target(region, indicator, coerce(year ?? null, yearParam) as number | null);
    const lines = [
      `${t.entity ?? t.regionDef.name} ${t.indicatorDef.name} ${t.targetYear}年目标:${out.value}${unit ?? t.unit}`,
      `原文:“${t.quote}”`,
      `出处:${sourceOf(t)}`,
      t.plan.pack ? `规划包:${t.plan.pack.name}(导入)` : `原文文件:${seedOf(t)}`,
    ];
    process.stdout.write(lines.join("\n") + "\n");
    return 0;
  },
};
