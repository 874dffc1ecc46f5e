// The command line's message catalog: its refusals (options, files, plans of a report) as a CliReason with its
// arguments, and the one zh-CN text for each. Its own catalog, not the host's: these texts speak of options
// (--out, --force) and files, which the pane never shows; the workbook floor must not know the CLI.
import { messageOf, type MessageTable } from "../core/messages";
import { yearProblem } from "../core/method/years";
import { PACE, STATUS, THRESHOLD_MAX } from "../core/method/methodology";

export type CliReason =
  // ---- The command line
  | { reason: "notAnOption"; arg: string; help: string }
  | { reason: "flagWithValue"; name: string }
  | { reason: "unknownOption"; name: string; help: string }
  | { reason: "missingValue"; name: string }
  | { reason: "repeatedOption"; name: string }
  | { reason: "missingOut" }
  | { reason: "outNotXlsx"; out: string }
  | { reason: "missingRegion" }
  | { reason: "missingYear" }
  | { reason: "badYear"; raw: string }
  | { reason: "badThresholds"; raw: string }
  | { reason: "packsMissingFile" }
  | { reason: "intoMissingFile" }
  | { reason: "intoNotXlsx"; into: string }
  | { reason: "importUnknownOption"; arg: string; help: string }
  | { reason: "onePackFile"; first: string; second: string }
  | { reason: "missingPackFile"; help: string }
  // ---- Plans of a report
  | { reason: "planNotFound"; plan: string; candidates: string[] }
  | { reason: "planOfOtherRegion"; plan: string; owner: string; region: string; candidates: string[] }
  | { reason: "regionWithoutPlan"; region: string; parent: string | null }
  | { reason: "noPlanForYear"; region: string; year: number; plans: string[] }
  // ---- Files read
  | { reason: "unreadableActuals"; path: string }
  | { reason: "badActuals"; path: string; why: string }
  | { reason: "notPackFile"; path: string; table: string }
  | { reason: "unreadable"; path: string }
  | { reason: "notXlsx"; path: string }
  | { reason: "storeDamaged"; path: string; errors: string[] }
  | { reason: "inBook"; path: string; message: string }
  // ---- The output file
  | { reason: "danglingLink"; out: string; target: string }
  | { reason: "noOutputDir"; dir: string }
  | { reason: "outNotFile"; out: string }
  | { reason: "outExists"; out: string; checked: boolean }
  | { reason: "writeFailed"; out: string; code: string | undefined; error: string }
  // ---- Another layer's message, passed on as it is (a resolver's refusal, a file-size limit)
  | { reason: "relayed"; message: string };

const FORCE_HINT = "确需覆盖请加 --force";

/** Why a write failed, from the system error code. */
const WRITE_FAILURE: Record<string, string> = {
  ENOENT: "输出目录不存在或已被移走",
  ENOTDIR: "路径中有一段不是文件夹",
  EISDIR: "这是一个文件夹",
  EACCES: "没有写入权限,或文件正被 Excel/WPS 打开",
  EPERM: "没有写入权限,或文件正被 Excel/WPS 打开",
  EBUSY: "文件正被其他程序(如 Excel/WPS)打开,请关闭后重试",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EFBIG: "文件超过系统允许的大小",
  EROFS: "所在磁盘是只读的",
  ENAMETOOLONG: "文件名或路径过长",
  EIO: "磁盘读写错误",
};

function writeFailed(r: Extract<CliReason, { reason: "writeFailed" }>): string {
  if (r.code === "EEXIST") return CLI_TEXT.outExists({ reason: "outExists", out: r.out, checked: false });
  const why = r.code && WRITE_FAILURE[r.code];
  if (why) return `无法写入“${r.out}”:${why}`;
  return `无法写入“${r.out}”${r.code ? `(系统错误 ${r.code})` : `:${r.error}`}`;
}

const CLI_TEXT: MessageTable<CliReason> = {
  // ---- The command line
  notAnOption: (r) => `无法识别的参数“${r.arg}”。选项须以 -- 开头,例如 --region 益阳\n${r.help}`,
  flagWithValue: (r) => `--${r.name} 不带值`,
  unknownOption: (r) => `未知选项 --${r.name}\n${r.help}`,
  missingValue: (r) => `--${r.name} 缺少取值`,
  repeatedOption: (r) => `--${r.name} 只能给一次`,
  missingOut: () => `缺少 --out:请给出输出文件名,例如 --out 益阳-2023.xlsx`,
  outNotXlsx: (r) => `输出文件须以 .xlsx 结尾:“${r.out}”`,
  missingRegion: () => `缺少 --region:请给出地区,例如 --region 益阳`,
  missingYear: () => `缺少 --year:请给出评估年份,例如 --year 2023`,
  badYear: (r) => `评估年份无效:“${r.raw}”${yearProblem(r.raw)}。例如 --year 2023`,
  badThresholds: (r) =>
    `分档阈值无效:“${r.raw}”。应为三个 0–${THRESHOLD_MAX} 之间的数,依次为${STATUS.ahead}、${STATUS.onTrack}、` +
    `${STATUS.behind}的下限,从大到小,例如 --thresholds ${PACE.ahead},${PACE.onTrack},${PACE.behind}`,
  packsMissingFile: () => "--packs 缺少文件名,例如 --packs 示例县.xlsx",
  intoMissingFile: () => "--into 缺少工作簿文件名,例如 --into 示例县.xlsx",
  intoNotXlsx: (r) => `--into 的工作簿须以 .xlsx 结尾:“${r.into}”`,
  importUnknownOption: (r) => `未知选项 ${r.arg}\n${r.help}`,
  onePackFile: (r) => `只能给一个规划包文件(已有“${r.first}”,又给了“${r.second}”)`,
  missingPackFile: (r) => `缺少规划包文件\n${r.help}`,
  // ---- Plans of a report
  planNotFound: (r) => `未找到规划“${r.plan}”。可选规划(ID 或简称):\n${r.candidates.join("\n")}`,
  planOfOtherRegion: (r) =>
    `规划“${r.plan}”属于${r.owner},不属于${r.region}。${r.region}的规划:${r.candidates.length ? r.candidates.join("、") : "无"}`,
  regionWithoutPlan: (r) =>
    r.parent
      ? `${r.region}没有单独的规划;它的目标写在${r.parent}的规划中。请用 --region ${r.parent}(实际值 CSV 的 entity 列填“${r.region}”)`
      : `${r.region}没有收录的规划`,
  noPlanForYear: (r) =>
    `${r.region}没有规划期覆盖${r.year}年的规划。${r.region}的规划:${r.plans.join("、")}。请换一个评估年份,或用 --plan 指定规划`,
  // ---- Files read
  unreadableActuals: (r) => `无法读取实际值文件“${r.path}”(文件不存在或无权限)`,
  badActuals: (r) => `实际值文件“${r.path}”${r.why}`,
  notPackFile: (r) => `“${r.path}”不是 .json 或 .xlsx 文件。规划包请用 JSON 文件,或含“${r.table}”表的 .xlsx`,
  unreadable: (r) => `无法读取“${r.path}”(文件不存在或无权限)`,
  notXlsx: (r) => `“${r.path}”不是有效的 .xlsx 工作簿(可能已损坏,或是旧版 .xls)`,
  storeDamaged: (r) => `“${r.path}”中保存的规划包有损坏,为免丢失数据未作更改:\n  ${r.errors.join("\n  ")}`,
  inBook: (r) => `“${r.path}”:${r.message}`,
  // ---- The output file
  danglingLink: (r) =>
    `“${r.out}”是一个失效的符号链接(指向不存在的“${r.target}”),无法写入。请换一个输出文件名,或先删除这个链接`,
  noOutputDir: (r) => `输出目录不存在:${r.dir}`,
  outNotFile: (r) => `“${r.out}”不是文件(可能是文件夹),无法写入`,
  outExists: (r) =>
    `输出文件已存在:${r.out}${r.checked ? "(为免覆盖您的数据,不会改写它)" : ""};${FORCE_HINT}`,
  writeFailed,
  relayed: (r) => r.message,
};

/** The zh-CN text of a reason. */
export const cliMessage = (r: CliReason): string => messageOf(CLI_TEXT, r);

/** The base of the CLI's errors: a refusal for the user, with its reason. */
export class CliError extends Error {
  constructor(readonly reason: CliReason) {
    super(cliMessage(reason));
  }
}
