import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/** Modules the pure engine may never import: Office, the DOM's add-in layers, Node. */
const engineForbidden = {
  patterns: [
    {
      group: ["**/functions/**", "**/host/**", "**/cli/**", "**/taskpane/**", "**/preview/**"],
      message: "src/engine is pure: it imports nothing from the layers above it.",
    },
    {
      group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "util", "stream"],
      message: "src/engine is pure: no Node APIs (it also runs in Excel and the browser).",
    },
    {
      group: ["@microsoft/office-js", "office-*", "react", "react-dom", "@fluentui/*"],
      message: "src/engine is pure: no Office or UI libraries.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "coverage/",
      "test/fixtures/",
      "src/engine/kernels/*.wasm.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", engineForbidden],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "src/engine is pure: no DOM." },
        { name: "document", message: "src/engine is pure: no DOM." },
        { name: "Office", message: "src/engine is pure: no Office.js." },
        { name: "Excel", message: "src/engine is pure: no Office.js." },
        { name: "process", message: "src/engine is pure: no Node globals." },
        { name: "require", message: "src/engine is pure: no Node globals." },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["**/*.cjs", "**/*.mjs", "webpack.config.js", "scripts/**/*.js"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
