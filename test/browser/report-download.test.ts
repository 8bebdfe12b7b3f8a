/*
 * The standalone page's "Tạo báo cáo" in real Chromium (production build): the sample workbook
 * opened from "disk", the report's details typed, the Word file downloaded and read back, and the
 * details found in the workbook downloaded after it. Nothing may leave the machine (office.js is
 * refused as on an offline machine).
 */
import { mkdirSync, readFileSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import { type Browser } from "playwright-core";
import { launchChromium } from "./chromium";
import type { JsonReport } from "../../src/app/report";
import { jsonReport } from "../../src/app/report";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { STATUS_SHEET_NAME } from "../../src/core/layout/status";
import { parseMappingText } from "../../src/core/mapping/schema";
import { formatInteger } from "../../src/core/text/format";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeSampleCommune, type SampleCommune } from "../../src/sample/commune";
import { OFFICE_JS_URL } from "../../src/taskpane/host/detect";
import { R } from "../../src/taskpane/report-strings";
import { T } from "../../src/taskpane/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { docxText } from "../report/docx-text";
import { productionBuild, ROOT } from "./build";
import { serve } from "./serve";

const PROGRAMME_TITLE = "Mô hình thí điểm xã nông thôn mới thông minh tỉnh Phú Thọ đến năm 2025";

let browser: Browser;
let server: Server;
let base: string;
let sample: SampleCommune;
let expected: JsonReport;

beforeAll(async () => {
  const [build, made] = await Promise.all([productionBuild(), makeSampleCommune()]);
  sample = made;
  ({ server, base } = await serve(build.dir));
  const out = await evaluateWorkbook(await XlsxWorkbook.open(sample.bytes), { rulesets: loadRulesetDir().rulesets, lists: true });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join("; "));
  expected = jsonReport(out.evaluation);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test("Tạo báo cáo downloads the Word report with the figures, and the workbook remembers its details", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale: "vi-VN" });
  const leaked: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", async (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1") return route.continue();
    if (route.request().url() !== OFFICE_JS_URL) leaked.push(u.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: T.openButton }).waitFor({ state: "visible", timeout: 15_000 });
  await page.locator('input[type="file"]').setInputFiles({
    name: "xa-minh-tan.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(sample.bytes),
  });
  await page.getByText("xa-minh-tan.xlsx", { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole("combobox", { name: T.programme }).click();
  await page.getByRole("option", { name: new RegExp(PROGRAMME_TITLE) }).click();
  await page.getByRole("tab", { name: R.tab }).click();
  await page.getByLabel(R.number, { exact: true }).fill("15");
  await page.getByLabel(R.signer, { exact: true }).fill("Nguyễn Văn An");

  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("button", { name: R.make }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("bao-cao-minh-tan-2024-09-30.docx");
  const text = await docxText(new Uint8Array(readFileSync(await download.path())));
  expect(text).toContain("Số: 15/BC-UBND");
  expect(text).toContain("Nguyễn Văn An");
  for (const i of expected.indicators) {
    const p = text.find((t) => t.startsWith(`- ${i.code}. `));
    expect(p).toBeDefined();
    if (i.numerator !== undefined && i.denominator !== undefined)
      expect(p).toContain(`${formatInteger(i.numerator)}/${formatInteger(i.denominator)}`);
    if (i.display !== undefined && i.verdict !== "thieu-so-lieu") expect(p).toContain(i.display);
  }
  await page.getByText(new RegExp(`Đã tạo báo cáo bao-cao-minh-tan-2024-09-30\\.docx`)).waitFor();
  mkdirSync(join(ROOT, "test-output", "screenshots"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "test-output", "screenshots", "report.png"), fullPage: true });

  // The details are in the workbook the page gives back, also after the status sheet is written
  // (which stores the pane's mapping: it must carry the details the report stored).
  await page.getByRole("tab", { name: new RegExp(T.tabMapping) }).click();
  await page.getByRole("button", { name: T.evaluate }).first().click();
  await page.getByRole("button", { name: T.writeStatus }).click();
  await page.getByText(T.writtenStandalone(STATUS_SHEET_NAME)).waitFor();
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: T.download }).click()]);
  const stored = parseMappingText(
    "tải về",
    (await (await XlsxWorkbook.open(new Uint8Array(readFileSync(await xlsx.path())))).snapshot()).mappingText ?? "",
  );
  expect(stored.ok && stored.mapping.report).toEqual({ number: "15", signer: "Nguyễn Văn An", signerTitle: "chu-tich" });

  expect(leaked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await context.close();
}, 300_000);
