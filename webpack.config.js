// @ts-check
/*
 * Builds the task pane (and the standalone page: the same taskpane.html) and the function file the
 * ribbon button needs. `npm run build` → dist/; `npm run dev-server` → https://localhost:3000 with the
 * office-addin-dev-certs certificate. The production build writes manifest.xml with every
 * https://localhost:3000/ replaced by CHITIEUXA_BASE_URL (default https://chitieuxa.example.invalid/).
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

// The minimizer webpack itself ships with, asked for its swc minifier (@swc/core is installed for swc-loader):
// an order of magnitude faster than terser on two cores, for a bundle within a few per cent of its size.
const MinimizerPlugin = require(require.resolve("minimizer-webpack-plugin", { paths: [path.dirname(require.resolve("webpack"))] }));

const DEV_URL = "https://localhost:3000/";
const DEFAULT_BASE_URL = "https://chitieuxa.example.invalid/";

/** The production base URL, always with one trailing slash. */
function baseUrl() {
  const raw = (process.env.CHITIEUXA_BASE_URL || DEFAULT_BASE_URL).trim();
  if (!/^https:\/\//.test(raw))
    throw new Error(`CHITIEUXA_BASE_URL must be an https:// URL (Office loads add-ins only over HTTPS): ${raw}`);
  return raw.replace(/\/*$/, "/");
}

/** The dev server's certificate, trusted by office-addin-dev-certs (installs it on first use). */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

const swc = (tsx) => ({
  loader: "swc-loader",
  options: {
    jsc: {
      parser: { syntax: "typescript", tsx },
      transform: tsx ? { react: { runtime: "automatic" } } : undefined,
      // Chromium-based WebView2, Safari WKWebView and Excel on the web; IE11 gets the notice in the page.
      target: "es2020",
    },
  },
});

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const base = dev ? DEV_URL : baseUrl();
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // JSZip and ExcelJS resolve to their browser builds through their package.json "browser"
      // fields; nothing here needs Node's stream or buffer. Should a path reach for one, fail the
      // lookup rather than silently bundle a polyfill.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        { test: /\.tsx$/, exclude: /node_modules/, use: swc(true) },
        { test: /\.ts$/, exclude: /node_modules/, use: swc(false) },
        // Rulesets arrive as text so a broken file is reported in the pane (loadRuleset), not a failed build.
        { test: /\.json$/, include: path.resolve(__dirname, "rulesets"), type: "asset/source" },
        { test: /\.png$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    optimization: {
      minimizer: [
        new MinimizerPlugin({
          minify: MinimizerPlugin.swcMinify,
          minimizerOptions: { compress: { passes: 2 }, mangle: true },
          extractComments: false,
        }),
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : Buffer.from(content.toString("utf8").split(DEV_URL).join(base), "utf8")),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` asks for the certificate; a build never touches the certificate store.
      server: serving ? { type: "https", options: await httpsOptions() } : "http",
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_BASE_URL = DEFAULT_BASE_URL;
