import { spawnSync } from "child_process";
import { join } from "path";

const root = join(__dirname, "..", "..");

type Message = { line: number; ruleId: string | null; message: string };

/** Lints source text as if it were the file at `path`, with the project's own ESLint configuration. */
function lint(path: string, text: string): Message[] {
  const run = spawnSync(
    process.execPath,
    [join(root, "node_modules", "eslint", "bin", "eslint.js"), "--stdin", "--stdin-filename", path, "--format", "json"],
    {
      cwd: root,
      input: text,
      encoding: "utf8",
    },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Message[] }>;
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals");
}

const FORBIDDEN = [
  'import { readFileSync } from "fs";',
  'import * as path from "path";',
  'import { readFile } from "node:fs/promises";',
  'import ExcelJS from "exceljs";',
  'import JSZip from "jszip";',
  'import { Document } from "docx";',
  'import React from "react";',
  'import { Button } from "@fluentui/react-components";',
  'import "@microsoft/office-js";',
  'import { XlsxWorkbook } from "../../workbook/xlsx/adapter";',
  "export const f = () => fetch('x');",
];

describe("the pure core cannot reach Office.js, file libraries, React or Node I/O", () => {
  test("every forbidden import or I/O global in src/core is an error, line by line", () => {
    const messages = lint("src/core/evaluate/probe.ts", `${FORBIDDEN.join("\n")}\n`);
    const lines = new Set(messages.map((m) => m.line));
    expect(FORBIDDEN.map((_, i) => lines.has(i + 1))).toEqual(FORBIDDEN.map(() => true));
  });

  test("the same imports are allowed outside the core", () => {
    expect(lint("src/workbook/probe.ts", 'import JSZip from "jszip";\nexport const z = JSZip;\n')).toEqual([]);
  });

  test("the core's own imports pass", () => {
    expect(
      lint("src/core/evaluate/probe.ts", 'import { z } from "zod";\nimport { fold } from "../text/fold";\nexport const a = [z, fold];\n'),
    ).toEqual([]);
  });
});
