/*
 * The standalone page end to end in real Chromium: the production build served on 127.0.0.1, the
 * sample commune workbook opened from "disk", the programme chosen, the mapping accepted, evaluated,
 * the status sheet written and downloaded, and the download read back with the .xlsx adapter; the
 * appendix lists made and downloaded, and the pre-submission check run from the keyboard.
 * Every request is recorded; any that leaves the machine fails the test (the office.js CDN request
 * is expected in standalone mode: it is blocked and counted apart).
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import { type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { launchChromium } from "./chromium";
import { VERDICT_TEXT } from "../../src/core/evaluate/result";
import { parseMappingText } from "../../src/core/mapping/schema";
import { STATUS_KEY, STATUS_SHEET_NAME } from "../../src/core/layout/status";
import { MAPPING_SHEET } from "../../src/core/layout/mapping-sheet";
import { makeSampleCommune, SAMPLE_RULESET, type SampleCommune } from "../../src/sample/commune";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { OFFICE_JS_URL } from "../../src/taskpane/host/detect";
import { T } from "../../src/taskpane/strings";
import { productionBuild, ROOT } from "./build";
import { serve } from "./serve";

const OUT = join(ROOT, "test-output");
const SCREENSHOTS = join(OUT, "screenshots");
const PROGRAMME_TITLE = "Mô hình thí điểm xã nông thôn mới thông minh tỉnh Phú Thọ đến năm 2025";
const APPENDICES = ["Phụ lục 03", "Phụ lục 04", "Phụ lục 05", "Phụ lục 06", "Phụ lục 07"];

type NetLog = { local: string[]; officeJsBlocked: string[]; leaked: string[]; pageErrors: string[] };

/** Records every request of the context; anything not local is aborted (office.js handled by `officeJs`). */
async function guardNetwork(context: BrowserContext, log: NetLog, officeJs: (route: Route) => Promise<void>): Promise<void> {
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    if (u.protocol === "file:") {
      log.local.push(url);
      return route.continue();
    }
    if (u.hostname === "127.0.0.1" || u.hostname === "localhost") {
      log.local.push(url);
      return route.continue();
    }
    if (url === OFFICE_JS_URL) {
      log.officeJsBlocked.push(url);
      return officeJs(route);
    }
    log.leaked.push(url);
    return route.abort("blockedbyclient");
  });
}

/** The sample without its stored mapping: names and labels only, as a clerk's own workbook would be. */
async function withoutMapping(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet(MAPPING_SHEET);
  if (sheet) wb.removeWorksheet(sheet.id);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function openPage(context: BrowserContext, base: string, log: NetLog): Promise<{ page: Page; readyMs: number }> {
  const page = await context.newPage();
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  const started = Date.now();
  // Not "load": an office.js request that never answers holds the load event, not the page.
  await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: T.openButton }).waitFor({ state: "visible", timeout: 15_000 });
  return { page, readyMs: Date.now() - started };
}

async function upload(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
  // The header names the open file once its names and stored mapping are read (one state update).
  await page.getByText(name, { exact: true }).waitFor({ timeout: 30_000 });
}

async function chooseProgramme(page: Page): Promise<void> {
  await page.getByRole("combobox", { name: T.programme }).click();
  await page.getByRole("option", { name: new RegExp(PROGRAMME_TITLE) }).click();
  await page.getByRole("tab", { name: new RegExp(T.tabMapping) }).waitFor();
}

async function verdictsShown(page: Page): Promise<Record<string, string>> {
  await page.locator("li[data-code]").first().waitFor();
  const items = await page
    .locator("li[data-code]")
    .evaluateAll((els) => els.map((e) => [e.getAttribute("data-code"), e.getAttribute("data-verdict")]));
  return Object.fromEntries(items);
}

async function downloadResult(page: Page): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: T.download }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** Code → verdict text in the status sheet (column A code, column G "Đánh giá"). */
async function statusVerdicts(
  bytes: Uint8Array,
): Promise<{ sheets: Array<{ name: string; owner?: string }>; verdicts: Record<string, string>; mapping: string | undefined }> {
  const wb = await XlsxWorkbook.open(bytes);
  const snap = await wb.snapshot();
  const rows = await wb.readSheet(STATUS_SHEET_NAME);
  const verdicts: Record<string, string> = {};
  for (const r of rows) {
    const code = r[0];
    const verdict = r[6];
    if (typeof code === "string" && /^\d+(\.\d+)+$/.test(code) && typeof verdict === "string") verdicts[code] = verdict;
  }
  return { sheets: snap.sheets, verdicts, mapping: snap.mappingText };
}

describe("standalone page in Chromium (production build)", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let buildDir: string;
  let sample: SampleCommune;
  const log: NetLog = { local: [], officeJsBlocked: [], leaked: [], pageErrors: [] };

  beforeAll(async () => {
    const [build, made] = await Promise.all([productionBuild(), makeSampleCommune()]);
    sample = made;
    buildDir = build.dir;
    ({ server, base } = await serve(build.dir));
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    const summary = {
      localRequests: log.local.length,
      officeJsBlocked: log.officeJsBlocked.length,
      leaked: log.leaked,
      pageErrors: log.pageErrors,
    };
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, "e2e-network.json"), JSON.stringify({ ...summary, local: log.local }, null, 2));
    console.log(
      `network: ${summary.localRequests} local requests, ${summary.officeJsBlocked} office.js request(s) blocked as expected, ${summary.leaked.length} leaving the machine`,
    );
  });

  afterEach(() => {
    expect(log.leaked).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  test("sample workbook with its stored mapping: choose programme, evaluate, write, download", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale: "vi-VN" });
    // office.js refused as an offline machine would: the page must fall back at once.
    await guardNetwork(context, log, (route) => route.abort("internetdisconnected"));
    const { page, readyMs } = await openPage(context, base, log);
    expect(readyMs).toBeLessThan(6000);
    expect(log.officeJsBlocked.length).toBeGreaterThanOrEqual(1);

    await upload(page, "xa-minh-tan.xlsx", sample.bytes);
    await chooseProgramme(page);
    // The stored mapping covers every input, so nothing is left to propose.
    await expect(page.getByRole("tab", { name: `${T.tabMapping} (18/18)` }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: T.acceptAll }).count()).resolves.toBe(0);
    await expect(page.getByLabel(T.commune).inputValue()).resolves.toBe("Xã Minh Tân");

    await page.getByRole("button", { name: T.evaluate }).first().click();
    expect(await verdictsShown(page)).toEqual(sample.expected);

    // The filters narrow the list to what the clerk must act on.
    const failed = Object.values(sample.expected).filter((v) => v === "khong-dat").length;
    await page.getByRole("button", { name: `${T.filterFailed} (${failed})` }).click();
    await expect(page.locator("li[data-code]").count()).resolves.toBe(failed);
    await page.getByRole("button", { name: `${T.filterMissing} (1)` }).click();
    await expect(page.locator("li[data-code]").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).resolves.toEqual([
      "1.4.2",
    ]);
    await page.getByRole("button", { name: new RegExp(`^${T.filterAll}`) }).click();

    await page.getByRole("button", { name: T.writeStatus }).click();
    await page.getByText(T.writtenStandalone(STATUS_SHEET_NAME)).waitFor();
    // Progress cleared (buttons enabled again) before the picture is taken.
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === "");
    await page.screenshot({ path: join(SCREENSHOTS, "results.png"), fullPage: true });

    const { name, bytes } = await downloadResult(page);
    expect(name).toBe("xa-minh-tan-ket-qua.xlsx");
    const written = await statusVerdicts(bytes);
    expect(written.sheets).toContainEqual({ name: STATUS_SHEET_NAME, visibility: "visible", owner: STATUS_KEY });
    // Writing builds the appendix lists from the rosters too, and writes them beside the status sheet.
    expect(written.sheets.filter((s) => s.owner?.startsWith("PL")).map((s) => s.name)).toEqual(APPENDICES);
    expect(written.verdicts).toMatchObject(Object.fromEntries(Object.entries(sample.expected).map(([code, v]) => [code, VERDICT_TEXT[v]])));
    // The group rows are there too ("1.4 Xã hội số" lacks a figure).
    expect(written.verdicts["1.4"]).toBe(VERDICT_TEXT["thieu-so-lieu"]);
    const stored = parseMappingText("downloaded", written.mapping ?? "");
    expect(stored.ok && stored.mapping).toMatchObject({ ruleset: SAMPLE_RULESET, commune: "Xã Minh Tân", asOf: "2024-09-30" });

    // The pane as narrow as Excel's task pane, for a look at the layout.
    await page.setViewportSize({ width: 360, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, "results-narrow.png"), fullPage: false });
    await context.close();
  }, 120_000);

  test("sample workbook: evaluate, make the appendix lists (with progress) and download them, then the pre-submission check from the keyboard", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale: "vi-VN" });
    await guardNetwork(context, log, (route) => route.abort("internetdisconnected"));
    const { page } = await openPage(context, base, log);
    await upload(page, "xa-minh-tan.xlsx", sample.bytes);
    await page.getByRole("tab", { name: `${T.tabMapping} (18/18)` }).waitFor();
    await page.getByRole("button", { name: T.evaluate }).first().click();
    expect(await verdictsShown(page)).toEqual(sample.expected);

    // Every state of the progress bar, as the page shows it.
    await page.evaluate(() => {
      const seen: Array<{ label: string | null; value: string | null }> = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="status"] [role="progressbar"][aria-valuenow]');
        if (!bar) return;
        const last = seen[seen.length - 1];
        const now = { label: bar.getAttribute("aria-label"), value: bar.getAttribute("aria-valuenow") };
        if (!last || last.label !== now.label || last.value !== now.value) seen.push(now);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole("tab", { name: T.tabLists }).click();
    await page.getByRole("button", { name: T.makeLists }).click();
    await page.getByText(T.listsWrittenStandalone(5)).waitFor();
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === "");
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: Array<{ label: string; value: string }> }).progressSeen);
    expect(seen.some((s) => s.label.startsWith("Đang đọc trang “Dân cư”"))).toBe(true);
    expect(seen.map((s) => Number(s.value))).toEqual([...seen.map((s) => Number(s.value))].sort((a, b) => a - b));

    const rows = await page
      .locator("li[data-list]")
      .evaluateAll((els) => els.map((e) => [e.getAttribute("data-list"), e.querySelector('[data-testid="list-count"]')?.textContent]));
    expect(rows.map(([id]) => id)).toEqual(["PL03", "PL04", "PL05", "PL06", "PL07"]);
    expect(rows.every(([, count]) => /^[\d.]+ (người|cơ sở)$/.test(count ?? ""))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "lists.png"), fullPage: true });

    const { name, bytes } = await downloadResult(page);
    expect(name).toBe("xa-minh-tan-ket-qua.xlsx");
    const snap = await (await XlsxWorkbook.open(bytes)).snapshot();
    expect(snap.sheets.filter((s) => s.owner?.startsWith("PL")).map((s) => s.name)).toEqual(APPENDICES);
    const stored = parseMappingText("downloaded", snap.mappingText ?? "");
    expect(stored.ok && stored.mapping.lists).toMatchObject({ rosters: { residents: { sheet: "Dân cư" } } });

    // The check, from the keyboard: Enter on its tab, Tab to the button, Enter.
    await page.getByRole("tab", { name: T.tabCheck }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: T.runCheck }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    const summary = page.getByTestId("check-summary");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toBe("Có 1 lỗi cần sửa trước khi gửi.");
    const items = await page.locator("[data-severity] li").evaluateAll((els) =>
      els.map((e) => ({
        severity: e.closest("[data-severity]")?.getAttribute("data-severity"),
        ref: e.getAttribute("data-ref"),
        text: e.textContent,
      })),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ severity: "loi", ref: "'Số liệu'!B25" });
    expect(items[0]!.text).toMatch(/^Chỉ tiêu 1\.4\.2: tên co_cns_y_te \('Số liệu'!B25\) .* đang để trống/);
    // Standalone: the cell is shown, there is no Excel to select it in.
    await expect(page.locator("[data-severity] li button").count()).resolves.toBe(0);
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === "");
    await page.screenshot({ path: join(SCREENSHOTS, "check.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, "check-narrow.png"), fullPage: false });
    await context.close();
  }, 120_000);

  test("names only, office.js never answering: falls back after the timeout, proposals accepted, one name picked by search", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale: "vi-VN" });
    const hanging: Route[] = [];
    await guardNetwork(context, log, async (route) => {
      hanging.push(route); // never answered until the end: a network that swallows the request
    });
    const { page, readyMs } = await openPage(context, base, log);
    expect(readyMs).toBeGreaterThanOrEqual(2500);
    expect(readyMs).toBeLessThan(9000);

    await upload(page, "xa-minh-tan-chua-anh-xa.xlsx", await withoutMapping(sample.bytes));
    await chooseProgramme(page);
    // Every input is proposed, from the names and the labels beside them (issue 16, point 2).
    await page.getByText(T.proposalsSummary(18)).waitFor();
    await expect(page.getByText(/Nhãn "Số người trong độ tuổi lao động có tài khoản thanh toán điện tử"/).isVisible()).resolves.toBe(true);
    await page.setViewportSize({ width: 380, height: 1100 });
    await page.screenshot({ path: join(SCREENSHOTS, "mapping-proposals.png") });
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.getByRole("button", { name: T.acceptAll }).click();
    await page.getByRole("tab", { name: `${T.tabMapping} (18/18)` }).waitFor();

    // A name can still be picked by search over a proposal: 1.1.1's numerator, picked again.
    const box = page.locator('[data-slot="1.1.1|numerator"] input');
    await box.click();
    await box.fill("dttm");
    await page.getByRole("option", { name: /^co_dttm/ }).click();
    await page.getByRole("tab", { name: `${T.tabMapping} (18/18)` }).waitFor();

    await page.getByRole("button", { name: T.evaluate }).first().click();
    const verdicts = await verdictsShown(page);
    expect(verdicts).toMatchObject(sample.expected);

    // Writing asks for Tên xã and Ngày báo cáo (this copy has no stored mapping to give them); the date typed day first.
    await page.getByRole("button", { name: T.writeStatus }).click();
    await page.getByText(T.writeNeedsDetails([T.commune, T.asOf])).waitFor();
    await page.getByLabel(T.commune).fill("Xã Minh Tân");
    await page.getByLabel(T.asOf).fill("30/9/2024");
    await page.getByRole("button", { name: T.writeStatus }).click();
    await page.getByText(T.writtenStandalone(STATUS_SHEET_NAME)).waitFor();
    const { bytes } = await downloadResult(page);
    const written = await statusVerdicts(bytes);
    expect(written.verdicts["1.1.1"]).toBe(VERDICT_TEXT["khong-dat"]);
    expect(written.verdicts["1.4.2"]).toBe(VERDICT_TEXT["thieu-so-lieu"]);
    const stored = parseMappingText("downloaded", written.mapping ?? "");
    expect(stored.ok && stored.mapping.indicators["1.1.1"]).toEqual({ numerator: "co_dttm", denominator: "dan_so_truong_thanh" });

    await Promise.all(hanging.map((r) => r.abort("timedout").catch(() => undefined)));
    await context.close();
  }, 120_000);
  test("no workbook yet: the template (ExcelJS, loaded on demand from this server) is downloaded and opened", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale: "vi-VN" });
    await guardNetwork(context, log, (route) => route.abort("internetdisconnected"));
    const { page } = await openPage(context, base, log);
    const before = log.local.length;
    await page.getByRole("combobox", { name: T.programme }).click();
    await page.getByRole("option", { name: new RegExp(PROGRAMME_TITLE) }).click();
    await page.getByLabel(T.commune).fill("Xã Mẫu");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: T.makeTemplate }).click()]);
    expect(download.suggestedFilename()).toBe(`so-mau-${SAMPLE_RULESET}.xlsx`);
    await page.getByRole("tab", { name: `${T.tabMapping} (18/18)` }).waitFor();
    // The template's code came as a separate chunk, from this server only.
    expect(log.local.slice(before).some((u) => /\.js$/.test(u))).toBe(true);
    const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(await download.path())));
    const snap = await wb.snapshot();
    expect(snap.names.map((n) => n.name)).toContain("ct_1_1_1_tu_so");
    expect(parseMappingText("template", snap.mappingText ?? "")).toMatchObject({
      ok: true,
      mapping: { ruleset: SAMPLE_RULESET, commune: "Xã Mẫu" },
    });

    await page.getByRole("button", { name: T.evaluate }).first().click();
    const verdicts = await verdictsShown(page);
    expect(new Set(Object.values(verdicts))).toEqual(new Set(["thieu-so-lieu"]));
    await context.close();
  }, 120_000);
  test("the built folder opened straight from disk (file://, a USB stick) works the same", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
    await guardNetwork(context, log, (route) => route.abort("internetdisconnected"));
    const page = await context.newPage();
    page.on("pageerror", (e) => log.pageErrors.push(String(e)));
    await page.goto(pathToFileURL(join(buildDir, "taskpane.html")).href, { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: T.openButton }).waitFor({ timeout: 15_000 });
    await upload(page, "xa-minh-tan.xlsx", sample.bytes);
    await page.getByRole("button", { name: T.evaluate }).first().click();
    expect(await verdictsShown(page)).toEqual(sample.expected);
    await context.close();
  }, 120_000);
});
