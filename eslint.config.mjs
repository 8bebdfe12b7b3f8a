// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/** The core is pure: no Office.js, no file library, no React, no Node I/O (DESIGN.md, "one pure core"). */
const coreForbidden = {
  paths: [
    { name: "fs", message: "src/core is pure: no Node I/O." },
    { name: "path", message: "src/core is pure: no Node I/O." },
    { name: "os", message: "src/core is pure: no Node I/O." },
    { name: "child_process", message: "src/core is pure: no Node I/O." },
    { name: "exceljs", message: "src/core is pure: file libraries belong in src/workbook." },
    { name: "jszip", message: "src/core is pure: file libraries belong in src/workbook." },
    { name: "docx", message: "src/core is pure: the Word writer belongs in src/report." },
    { name: "react", message: "src/core is pure: React belongs in src/taskpane." },
    { name: "react-dom", message: "src/core is pure: React belongs in src/taskpane." },
    { name: "@microsoft/office-js", message: "src/core is pure: Office.js belongs in src/workbook." },
  ],
  patterns: [
    { group: ["node:*", "fs/*", "@fluentui/*", "react/*", "react-dom/*", "exceljs/*", "jszip/*", "@microsoft/*", "office-*"], message: "src/core is pure." },
    { group: ["**/workbook/**", "**/taskpane/**", "**/cli/**", "**/node/**"], message: "src/core must not depend on a shell or adapter." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "test-output/", "sample-output/", "**/*.js", "!eslint.config.mjs", "!bin/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", coreForbidden],
      // A pure module has no reason to reach globals that do I/O.
      "no-restricted-globals": ["error", "fetch", "localStorage", "sessionStorage", "XMLHttpRequest", "process", "require"],
    },
  },
  {
    files: ["bin/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
