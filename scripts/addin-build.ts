// Build-time pieces of the Excel add-in, loaded by webpack.config.js (through tsx) and tested by jest:
//  - the zh-CN custom-functions metadata, derived from the generated functions.json and the Chinese names and
//    descriptions of the function table (src/core/functions/functions.ts) — one source of truth, nothing hand-written;
//  - the production manifest: every https://localhost:3000/ URL rewritten to the deployment base URL
//    (PLAN_BASE_URL); without it the build keeps https://localhost:3000/ and says so, never a made-up host.
import type { Compiler } from "webpack";
import { FUNCTIONS, type FunctionSpec } from "../src/core/functions/functions";

export const METADATA_FILE = "functions.json";
export const ZH_LOCALE = "zh-CN";
/** Named like the documented functions-de.json; the manifest's bt:Override Locale="zh-CN" points here. */
export const ZH_METADATA_FILE = `functions-${ZH_LOCALE}.json`;
export const DEV_BASE_URL = "https://localhost:3000/";

/** The part of a custom-functions metadata file (functions.json) this module reads and writes. */
export interface CfParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}
export interface CfFunction {
  id: string;
  name: string;
  description?: string;
  parameters: CfParameter[];
  [key: string]: unknown;
}
export interface CfMetadata {
  functions: CfFunction[];
  [key: string]: unknown;
}

/**
 * The zh-CN metadata: the same file with each function's description and each parameter's name and
 * description taken from the table's zhDescription/zhName. Ids, function names (PLAN.TARGET stays PLAN.TARGET
 * so that formulas and documentation read the same in every Excel language), types and options are kept.
 * Throws when the generated file and the table disagree, which fails the build.
 */
export function localizeMetadata(
  meta: CfMetadata,
  functions: readonly FunctionSpec[] = FUNCTIONS,
): CfMetadata {
  const byId = new Map(functions.map((f) => [f.id as string, f]));
  const seen = new Set(meta.functions.map((f) => f.id));
  const missing = functions.filter((f) => !seen.has(f.id)).map((f) => f.id);
  if (missing.length) throw new Error(`${METADATA_FILE} lacks ${missing.join(", ")} of the function table`);
  return {
    ...meta,
    functions: meta.functions.map((f) => {
      const spec = byId.get(f.id);
      if (!spec) throw new Error(`${METADATA_FILE}: ${f.id} is not in the function table`);
      if (f.parameters.length !== spec.params.length)
        throw new Error(
          `${f.id}: ${f.parameters.length} parameters in ${METADATA_FILE}, ${spec.params.length} in the table`,
        );
      return {
        ...f,
        description: spec.zhDescription,
        parameters: f.parameters.map((p, i) => {
          const ps = spec.params[i];
          if (p.name !== ps.name)
            throw new Error(`${f.id}: parameter ${i + 1} is "${p.name}", the table says "${ps.name}"`);
          return { ...p, name: ps.zhName, description: ps.zhDescription };
        }),
      };
    }),
  };
}

/** Emits functions-zh-CN.json next to the functions.json that custom-functions-metadata-plugin generates. */
/** Each function's helpUrl: its section of the help page (help.html, rendered by scripts/help-page.ts). */
export const HELP_PAGE = "help.html";
export function withHelpUrls(meta: CfMetadata, baseUrl: string): CfMetadata {
  return {
    ...meta,
    functions: meta.functions.map((f) => ({ ...f, helpUrl: `${baseUrl}${HELP_PAGE}#${f.id}` })),
  };
}

export class ZhMetadataPlugin {
  /** baseUrl: where the add-in is served (the help page's address). */
  constructor(private readonly baseUrl: string = DEV_BASE_URL) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ZhMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ZhMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(METADATA_FILE);
          if (!asset) {
            // custom-functions-metadata-plugin has already reported why it wrote nothing.
            if (compilation.errors.length === 0)
              compilation.errors.push(
                new WebpackError(`ZhMetadataPlugin: ${METADATA_FILE} was not generated`),
              );
            return;
          }
          try {
            const meta = withHelpUrls(
              JSON.parse(asset.source.source().toString()) as CfMetadata,
              this.baseUrl,
            );
            compilation.updateAsset(METADATA_FILE, new sources.RawSource(JSON.stringify(meta, null, 4)));
            const zh = JSON.stringify(localizeMetadata(meta), null, 4);
            compilation.emitAsset(ZH_METADATA_FILE, new sources.RawSource(zh));
          } catch (e) {
            compilation.errors.push(
              new WebpackError(`ZhMetadataPlugin: ${e instanceof Error ? e.message : String(e)}`),
            );
          }
        },
      );
    });
  }
}

/**
 * The deployment base URL (env PLAN_BASE_URL), normalized to end with one slash; it must be https. Unset or
 * blank: the dev server's https://localhost:3000/, which works on the building machine and nowhere else.
 */
export function productionBaseUrl(raw: string | undefined = process.env.PLAN_BASE_URL): string {
  const url = (raw ?? "").trim() || DEV_BASE_URL;
  if (!/^https:\/\/[^\s/]+/i.test(url))
    throw new Error(`PLAN_BASE_URL must be an https:// URL, got "${url}"`);
  return url.replace(/\/+$/, "") + "/";
}

/** The manifest for a deployment: every https://localhost:3000/ replaced; none may remain in another form. */
export function rewriteManifest(xml: string, baseUrl: string): string {
  const parts = xml.split(DEV_BASE_URL);
  if (/\/\/localhost:3000/i.test(parts.join("")))
    throw new Error("manifest.xml has a localhost:3000 URL not of the form " + DEV_BASE_URL);
  return parts.join(baseUrl);
}

/** The one line a production build prints when PLAN_BASE_URL is not set; null when it is. */
export function baseUrlNotice(raw: string | undefined = process.env.PLAN_BASE_URL): string | null {
  if ((raw ?? "").trim()) return null;
  return (
    `PLAN_BASE_URL 未设置:dist/manifest.xml 指向 ${DEV_BASE_URL}(仅本机测试可用);` +
    `部署前请用 PLAN_BASE_URL=https://您的站点/ npm run build 重新构建。`
  );
}
