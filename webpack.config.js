/* Builds the add-in: functions.js (+ functions.json from the JSDoc), the task pane page that
   loads both in the shared runtime, the icons, and a local copy of office.js (no CDN). */
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const port = Number(process.env.npm_package_config_dev_server_port || 3000);

/**
 * Excel loads add-ins only from a trusted https origin: with MMM_HTTPS=1 (set by `npm start`
 * where Excel desktop exists) use office-addin-dev-certs' localhost certificate, installed by
 * `npx office-addin-dev-certs install`. Plain http serves the browser and this machine's tests.
 */
async function serverOptions() {
  if (process.env.MMM_HTTPS !== "1") return "http";
  const devCerts = require("office-addin-dev-certs");
  return { type: "https", options: await devCerts.getHttpsServerOptions() };
}

module.exports = async (_env, argv) => {
  const production = argv.mode === "production";
  return {
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/main.tsx",
      preview: "./src/preview/main.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.css$/, use: ["style-loader", "css-loader"] },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      // The browser preview (npm start where there is no Excel): the workbook page.
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/preview/index.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/samples", to: "samples" },
          { from: "manifest.xml", to: "manifest.xml" },
          {
            // office.js loads its host files from beside itself: copy the whole folder, and mark
            // it minimized so terser does not spend two minutes on 26 MB of already-minified code.
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      port,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: argv.mode === "development" ? await serverOptions() : "http",
      client: { overlay: false },
    },
  };
};
