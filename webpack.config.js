// Webpack for the Excel add-in (shared runtime) and the browser preview.
//
//   npm run build       tsc --noEmit && webpack --mode production   (manifest URLs → $PLAN_BASE_URL)
//   npm run build:dev   webpack --mode development
//   npm run dev-server  webpack serve --mode development             (https://localhost:3000, on 127.0.0.1)
//   webpack serve --mode development --env preview                   (http://localhost:3001/preview.html)
//
// taskpane.html loads office.js, then the `functions` entry (runner + catalog, registers PLAN.*), then React and
// Fluent UI (their own chunks) and the `taskpane` entry, which depends on `functions` and reuses its modules.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { require: tsxRequire } = require("tsx/cjs/api");
const { corsHeaders } = require("./scripts/cors.cjs");

// The build helpers are TypeScript (typed, and unit-tested by jest); tsx loads them here.
const build = tsxRequire("./scripts/addin-build.ts", __filename);
// src/functions/functions.ts is generated from the function table: rewritten (if the table changed) before the
// metadata plugin reads its JSDoc.
tsxRequire("./scripts/functions-module.ts", __filename).writeFunctionsModule();
const { helpPage } = tsxRequire("./scripts/help-page.ts", __filename);

const DEV_PORT = 3000;
const PREVIEW_PORT = 3001;

/** https for the dev server: office-addin-dev-certs' trusted certificate if installed, else a self-signed one. */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const [key, cert, ca] = ["localhost.key", "localhost.crt", "ca.crt"].map((f) => path.join(dir, f));
  if (fs.existsSync(key) && fs.existsSync(cert)) {
    const options = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
    if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
    return { type: "https", options };
  }
  return "https"; // webpack-dev-server generates a self-signed certificate; nothing is installed, nothing asked
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const preview = Boolean(env.preview);
  const baseUrl = production ? build.productionBaseUrl() : build.DEV_BASE_URL;
  const notice = production ? build.baseUrlNotice() : null;
  if (notice) console.warn(notice);

  return {
    mode: production ? "production" : "development",
    target: ["web", "es2020"],
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      // Chunks (packs, exceljs, extract) load relative to the page (taskpane.html, preview.html sit beside them):
      // webpack's "auto" reads document.currentScript when functions.js loads and throws where there is none.
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `tsc --noEmit` in `npm run build`; here TypeScript only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // The task pane's libraries in their own chunks, loaded after functions.js. Only the task pane's modules
      // are split: a chunk shared with the preview would make taskpane.html download the preview's components.
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
            priority: 20,
          },
          fluentui: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc[\\/]helpers|use-sync-external-store|rtl-css-js|stylis|embla-carousel[^\\/]*)[\\/]/,
            name: "fluentui",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
            priority: 10,
          },
        },
      },
    },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 3_000_000 },
    plugins: [
      // functions.json from the JSDoc of src/functions/functions.ts (also appends CustomFunctions.associate calls).
      new CustomFunctionsMetadataPlugin({
        output: build.METADATA_FILE,
        input: "./src/functions/functions.ts",
      }),
      // functions-zh-CN.json from functions.json + the Chinese names of the function table.
      new build.ZhMetadataPlugin(baseUrl),
      // help.html: the zh-CN help page (SupportUrl, LearnMoreUrl, each function's helpUrl), from the function table.
      new HtmlWebpackPlugin({
        filename: build.HELP_PAGE,
        templateContent: () => helpPage(),
        inject: false,
        chunks: [],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production ? build.rewriteManifest(content.toString(), baseUrl) : content,
          },
        ],
      }),
    ],
    devServer: {
      // Loopback only: nothing on the network can reach the dev build.
      host: "127.0.0.1",
      port: preview ? PREVIEW_PORT : DEV_PORT,
      server: preview ? "http" : httpsServer(),
      headers: (req) => corsHeaders(req.url),
      static: false,
      hot: false,
      open: preview ? ["/preview.html"] : false,
      client: { overlay: { warnings: false } },
    },
  };
};
