/*
 * Issue 16's "Done when": the whole standalone flow by keyboard only at 350×900 — open, choose the
 * programme, map an input by typing and Enter, evaluate, write, lists, check, download — each step's
 * visible result asserted, axe-core run on every view (0 serious or critical violations), and a
 * screenshot of each step in test-output/screenshots/keyboard-*.png.
 */
import { mkdirSync, readFileSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { type Browser, type FileChooser, type Locator, type Page } from "playwright-core";
import { launchChromium, settled } from "./chromium";
import { MAPPING_SHEET } from "../../src/core/layout/mapping-sheet";
import { STATUS_SHEET_NAME } from "../../src/core/layout/status";
import { makeSampleCommune } from "../../src/sample/commune";
import { T } from "../../src/taskpane/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { productionBuild, ROOT } from "./build";
import { serve } from "./serve";

const SCREENSHOTS = join(ROOT, "test-output", "screenshots");
const PROGRAMME_TITLE = "Mô hình thí điểm xã nông thôn mới thông minh tỉnh Phú Thọ đến năm 2025";

/** The sample without its stored mapping, so the programme must be chosen and inputs mapped. */
async function withoutMapping(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet(MAPPING_SHEET);
  if (sheet) wb.removeWorksheet(sheet.id);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab (Shift+Tab when back) until the element has the focus, as a clerk would. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await focused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** A tab of the tab list, reached with Tab then the arrows, chosen with Enter. */
async function openTab(page: Page, name: string | RegExp): Promise<void> {
  const tabs = page.getByRole("tablist");
  await tabTo(page, tabs.getByRole("tab", { selected: true }), true);
  const target = tabs.getByRole("tab", { name });
  for (let i = 0; i < 8 && !(await focused(target)); i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(target.getAttribute("aria-selected")).resolves.toBe("true");
}

/** axe-core on the page as it is: no serious or critical violation. */
async function accessible(page: Page, view: string): Promise<void> {
  // Fluent's focus manager (tabster) puts 1 px aria-hidden sentinels around focus groups that pass the
  // focus on at once; axe counts them as focusable hidden elements. They are the library's, not content.
  await settled(page);
  const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.length}× — ${v.help}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(" | ")}`);
  expect(bad).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, `keyboard-${view}.png`) });
}

/**
 * Enter on the open button until the file dialog shows. A first Enter can land while the page still
 * settles, and a re-render can take the focus away: each try Tabs back to the button first.
 */
async function fileChooserByEnter(page: Page): Promise<FileChooser> {
  const button = page.getByRole("button", { name: T.openButton });
  for (let attempt = 0; attempt < 5; attempt++) {
    await tabTo(page, button);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser", { timeout: 8_000 }).catch(() => undefined),
      page.keyboard.press("Enter"),
    ]);
    if (chooser) return chooser;
  }
  throw new Error("Enter on “Chọn tệp .xlsx…” never opened the file dialog");
}

/** Open (Tab, Enter, the file dialog) and choose the programme (Enter, arrows, Enter). */
async function openAndChoose(page: Page, bytes: Uint8Array): Promise<void> {
  // Open: Tab to the button, Enter, the file chosen in the dialog.
  const chooser = await fileChooserByEnter(page);
  await chooser.setFiles({
    name: "xa-minh-tan.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(bytes),
  });
  await page.getByText("xa-minh-tan.xlsx", { exact: true }).waitFor({ timeout: 30_000 });
  await expect(page.getByText(`${T.nextStep}: ${T.nextChooseProgramme}`).isVisible()).resolves.toBe(true);

  // Choose the programme: Tab, Enter opens the list, arrows to it, Enter.
  const programme = page.getByRole("combobox", { name: T.programme });
  await tabTo(page, programme);
  await page.keyboard.press("Enter");
  const option = page.getByRole("option", { name: new RegExp(PROGRAMME_TITLE) });
  for (
    let i = 0;
    i < 12 &&
    (await option.getAttribute("data-activedescendant-focusvisible")) === null &&
    !(await option.evaluate((o) => o.id === document.activeElement?.getAttribute("aria-activedescendant")));
    i++
  ) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await page.getByRole("tab", { name: new RegExp(`^${T.tabMapping}`) }).waitFor();
  await accessible(page, "2-mapping");
}

/** Accept the proposals, map 1.1.1 by typing and Enter, evaluate. */
async function mapAndEvaluate(page: Page): Promise<void> {
  // Accept the proposals, then map 1.1.1's numerator by typing and Enter (↓ to the name wanted).
  await tabTo(page, page.getByRole("button", { name: T.acceptAll, exact: true }));
  await page.keyboard.press("Enter");
  const box = page.locator('[data-slot="1.1.1|numerator"] input');
  await tabTo(page, box);
  await page.keyboard.type("co_dttm");
  for (let i = 0; i < 5; i++) {
    const active = await box.evaluate((el) => document.getElementById(el.getAttribute("aria-activedescendant") ?? "")?.textContent ?? "");
    if (active.startsWith("co_dttm")) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await expect(box.inputValue()).resolves.toBe("co_dttm");
  await expect(page.getByText(/không phải tên có trong sổ tính/).count()).resolves.toBe(0);

  // Evaluate.
  await tabTo(page, page.getByRole("button", { name: T.evaluate, exact: true }), true);
  await page.keyboard.press("Enter");
  const results = page.getByRole("region", { name: T.tabResults });
  await results.waitFor();
  await expect(page.locator('li[data-code="1.1.1"]').getAttribute("data-verdict")).resolves.toBe("khong-dat");
  await accessible(page, "3-results");
}

/** Tên xã and the date typed, write, lists, check. */
async function writeListsCheck(page: Page): Promise<void> {
  // Write: Tên xã and the date typed first (day first, under an en-US browser).
  await tabTo(page, page.getByLabel(T.commune), true);
  await page.keyboard.type("Xã Minh Tân");
  await page.keyboard.press("Tab");
  await page.keyboard.type("30/9/2024");
  await expect(page.getByLabel(T.asOf).inputValue()).resolves.toBe("30/09/2024");
  await tabTo(page, page.getByRole("button", { name: T.writeStatus, exact: true }));
  await page.keyboard.press("Enter");
  const written = page.getByText(T.writtenStandalone(STATUS_SHEET_NAME), { exact: false });
  await written.waitFor({ timeout: 60_000 });
  await expect(written.isVisible()).resolves.toBe(true);
  await accessible(page, "4-written");

  // Lists.
  await openTab(page, T.tabLists);
  await tabTo(page, page.getByRole("button", { name: T.makeLists, exact: true }));
  await page.keyboard.press("Enter");
  await page.getByText(T.listsWrittenStandalone(5)).waitFor({ timeout: 60_000 });
  await accessible(page, "5-lists");

  // Check.
  await openTab(page, T.tabCheck);
  await tabTo(page, page.getByRole("button", { name: T.runCheck, exact: true }));
  await page.keyboard.press("Enter");
  await page.getByTestId("check-summary").waitFor({ timeout: 60_000 });
  await accessible(page, "6-check");
}

/** Download from the lists' tab; the file holds what was written. */
async function download(page: Page): Promise<void> {
  // Download, from the lists' tab.
  await openTab(page, T.tabLists);
  await tabTo(page, page.getByRole("button", { name: T.download, exact: true }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const wb = await XlsxWorkbook.open(new Uint8Array(readFileSync(await download.path())));
  const snap = await wb.snapshot();
  expect(snap.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([STATUS_SHEET_NAME, "Phụ lục 03"]));
  expect(JSON.parse(snap.mappingText!)).toMatchObject({
    commune: "Xã Minh Tân",
    asOf: "2024-09-30",
    indicators: { "1.1.1": { numerator: "co_dttm" } },
  });
  await page.getByText(T.downloaded(download.suggestedFilename())).waitFor();
}

describe("the standalone page by keyboard only at 350×900", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    const [build, sample] = await Promise.all([productionBuild(), makeSampleCommune()]);
    bytes = await withoutMapping(sample.bytes);
    ({ server, base } = await serve(build.dir));
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  test("open, choose, map by typing and Enter, evaluate, write, lists, check, download", async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 350, height: 900 },
      locale: "en-US",
    });
    await context.route("**/*", (route) =>
      new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("internetdisconnected"),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded" });
    const open = page.getByRole("button", { name: T.openButton });
    await open.waitFor({ timeout: 15_000 });
    await accessible(page, "1-start");

    await openAndChoose(page, bytes);
    await mapAndEvaluate(page);
    await writeListsCheck(page);
    await download(page);
    await accessible(page, "7-downloaded");
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
