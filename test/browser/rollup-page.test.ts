/*
 * "Tổng hợp nhiều xã" on the standalone page in real Chromium (production build): 20 files of the
 * corpus (13 communes, an older version, another programme's workbook and five bad files) given at
 * once — half through the file picker, half dropped — rolled up in a Web Worker with its progress
 * shown, and the roll-up downloaded and read back. It must hold the same sheets as the app-level
 * roll-up of the same bytes in Node, and no request may leave the machine.
 */
import { mkdirSync, readFileSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import { pathToFileURL } from "url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { launchChromium, settled } from "./chromium";
import { rollupSources } from "../../src/app/rollup-sources";
import { loadCheckRuleFile } from "../../src/cli/check-command";
import { BAD_TEXT, ROLLUP_SHEETS } from "../../src/core/rollup/layout";
import { loadRulesetDir } from "../../src/node/rulesets";
import { makeCorpus, type CorpusFile } from "../../src/sample/corpus";
import { OFFICE_JS_URL } from "../../src/taskpane/host/detect";
import { RU } from "../../src/taskpane/rollup/strings";
import { T } from "../../src/taskpane/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { productionBuild, ROOT } from "./build";
import { serve } from "./serve";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BAD_KINDS = ["corrupt", "not-xlsx", "old-xls", "protected", "unmapped"];

let browser: Browser;
let server: Server;
let base: string;
let corpus: CorpusFile[];
let buildDir: string;

beforeAll(async () => {
  const rulesets = loadRulesetDir().rulesets;
  const made: CorpusFile[] = [];
  const [build] = await Promise.all([
    productionBuild(),
    (async () => {
      for await (const f of makeCorpus(rulesets, { communes: 13, minResidents: 300, maxResidents: 700 })) made.push(f);
    })(),
  ]);
  corpus = made;
  buildDir = build.dir;
  ({ server, base } = await serve(build.dir));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** Drops files on the element as a drag from the file manager would (a DataTransfer of Files). */
async function dropFiles(page: Page, selector: string, files: readonly CorpusFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString("base64") }));
  const dt = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    for (const f of list)
      t.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { lastModified: Date.UTC(2025, 6, 1) }));
    return t;
  }, payload);
  await page.dispatchEvent(selector, "dragenter", { dataTransfer: dt });
  await page.dispatchEvent(selector, "drop", { dataTransfer: dt });
}

async function sheets(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = await XlsxWorkbook.open(bytes);
  const out: Record<string, unknown[][]> = {};
  for (const s of (await wb.snapshot()).sheets) out[s.name] = await wb.readSheet(s.name);
  return out;
}

/** Lets the local server and office.js through; records everything else (the route and a worker's own requests) and refuses it. */
async function guardRequests(context: BrowserContext, leaked: string[]): Promise<string[]> {
  const local: string[] = [];
  await context.route("**/*", async (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    if (u.hostname === "127.0.0.1") {
      local.push(u.href);
      return route.continue();
    }
    if (u.href !== OFFICE_JS_URL) leaked.push(u.href);
    return route.abort("internetdisconnected");
  });
  // Requests the route may not see (a worker's own) are recorded too.
  context.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol !== "data:" && u.protocol !== "blob:" && u.hostname !== "127.0.0.1" && u.href !== OFFICE_JS_URL) leaked.push(u.href);
  });
  return local;
}

test("20 files picked and dropped at once: rolled up in a worker with progress, downloaded, nothing uploaded", async () => {
  expect(corpus).toHaveLength(20);
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, locale: "vi-VN" });
  const leaked: string[] = [];
  const pageErrors: string[] = [];
  const local = await guardRequests(context, leaked);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: T.openButton }).waitFor({ state: "visible", timeout: 15_000 });

  await page.getByRole("button", { name: RU.title }).click();
  const panel = page.getByTestId("rollup-panel");
  await panel.getByRole("button", { name: RU.choose }).waitFor();
  await page
    .getByTestId("rollup-files")
    .setInputFiles(corpus.slice(0, 10).map((f) => ({ name: f.name, mimeType: XLSX_MIME, buffer: Buffer.from(f.bytes) })));
  await panel.getByText(RU.chosen(10)).waitFor();
  await dropFiles(page, '[data-testid="rollup-drop"]', corpus.slice(10));
  await panel.getByText(RU.chosen(20)).waitFor();
  // A file dropped twice (same name, size and time) is listed once.
  await dropFiles(page, '[data-testid="rollup-drop"]', corpus.slice(10, 11));
  await expect(panel.locator("ol > li").count()).resolves.toBe(20);

  // Every progress line the page shows, as it shows it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { rollupProgress: string[] }).rollupProgress = seen;
    const status = document.querySelector('[data-testid="rollup-status"]')!;
    new MutationObserver(() => {
      const t = status.textContent ?? "";
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }).observe(status, { subtree: true, childList: true, characterData: true });
  });
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 300_000 }),
    panel.getByRole("button", { name: RU.run, exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Tong-hop-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await panel.getByText(`${RU.done(20)} ${RU.downloaded}`).waitFor();
  const seen = await page.evaluate(() => (window as unknown as { rollupProgress: string[] }).rollupProgress);
  const reading = seen.filter((s) => /^Đã xong \d+\/20 tệp — đang đọc /.test(s));
  expect(reading.length).toBeGreaterThan(0);
  for (const s of reading) expect(corpus.some((f) => s.endsWith(f.name))).toBe(true);
  expect(seen).toContain(RU.writing(20));
  // The job ran in a worker loaded from this server.
  expect(workers.length).toBe(1);
  expect(new URL(workers[0]!).hostname).toBe("127.0.0.1");

  const bytes = new Uint8Array(readFileSync(await download.path()));
  const got = await sheets(bytes);
  // The commune sheet: a row for each commune kept, by name, and a row per bad file saying why.
  const rows = got[ROLLUP_SHEETS.communes]!;
  for (const f of corpus.filter((c) =>
    ["clean", "blank-input", "numerator-over-denominator", "count-as-text", "changed-after-status", "typed-over-verdict"].includes(c.kind),
  )) {
    expect(rows.some((r) => r[1] === f.commune && r[2] === f.name)).toBe(true);
  }
  for (const f of corpus.filter((c) => BAD_KINDS.includes(c.kind))) {
    expect(rows.some((r) => r[2] === f.name && Object.values(BAD_TEXT).includes(String(r[4])))).toBe(true);
  }
  expect(Object.keys(got)).toEqual([...Object.values(ROLLUP_SHEETS), ...Object.values(ROLLUP_SHEETS).map((s) => `${s} (2)`)]);
  // The same roll-up as the app level makes of the same bytes in Node.
  const node = await rollupSources(
    corpus.map((f) => ({ name: f.name, read: () => Promise.resolve(f.bytes) })),
    { rulesets: loadRulesetDir().rulesets, checkRules: (r) => loadCheckRuleFile(r).rules },
  );
  expect(got).toEqual(await sheets(node.bytes));
  // The panel lists what was set aside.
  const apart = await panel
    .getByTestId("rollup-apart")
    .locator("li")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-why")));
  expect(apart.sort()).toEqual(["corrupt", "not-xlsx", "not-xlsx", "protected", "superseded", "unmapped"]);

  // No accessibility violation in the panel, with its result shown.
  await settled(page);
  const axe = await new AxeBuilder({ page }).include('[data-testid="rollup-panel"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The panel fits a 350 px pane without scrolling sideways.
  await page.setViewportSize({ width: 350, height: 900 });
  await expect(page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
  mkdirSync(join(ROOT, "test-output", "screenshots"), { recursive: true });
  await panel.screenshot({ path: join(ROOT, "test-output", "screenshots", "rollup-narrow.png") });

  expect(local.some((u) => u.endsWith(".js"))).toBe(true);
  expect(leaked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await context.close();
}, 600_000);

test("the built folder opened from disk (file://), where no worker may start: the page rolls up itself, the same workbook", async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
  const leaked: string[] = [];
  await context.route("**/*", async (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === "file:" || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    if (u.href !== OFFICE_JS_URL) leaked.push(u.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(pathToFileURL(join(buildDir, "taskpane.html")).href, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: T.openButton }).waitFor({ timeout: 15_000 });
  await page.getByRole("button", { name: RU.title }).click();
  const some = [corpus[0]!, corpus[1]!, corpus.find((f) => f.kind === "corrupt")!];
  await page
    .getByTestId("rollup-files")
    .setInputFiles(some.map((f) => ({ name: f.name, mimeType: XLSX_MIME, buffer: Buffer.from(f.bytes) })));
  const panel = page.getByTestId("rollup-panel");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 300_000 }),
    panel.getByRole("button", { name: RU.run, exact: true }).click(),
  ]);
  const got = await sheets(new Uint8Array(readFileSync(await download.path())));
  const node = await rollupSources(
    some.map((f) => ({ name: f.name, read: () => Promise.resolve(f.bytes) })),
    { rulesets: loadRulesetDir().rulesets, checkRules: (r) => loadCheckRuleFile(r).rules },
  );
  expect(got).toEqual(await sheets(node.bytes));
  // Chromium refuses a worker script from file://: the fallback ran in the page.
  expect(workers).toEqual([]);
  expect(leaked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await context.close();
}, 300_000);
