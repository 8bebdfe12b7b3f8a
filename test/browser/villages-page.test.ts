/*
 * Issue 10's list of villages on the standalone page at 350×900: the Hà Nam template with village
 * columns opened, the "Thôn" section shown and named from the pane, evaluated — the section never
 * wider than the pane, no serious or critical axe-core violation, a screenshot of each state.
 */
import { mkdirSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type Page } from "playwright-core";
import { launchChromium, settled } from "./chromium";
import { parseMappingText } from "../../src/core/mapping/schema";
import { parseRangeRef } from "../../src/core/ref/a1";
import { loadRulesetDir } from "../../src/node/rulesets";
import { T } from "../../src/taskpane/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate } from "../../src/workbook/xlsx/template";
import { VILLAGE_TEMPLATE_SHEET } from "../../src/workbook/xlsx/template-villages";
import { editWorkbook } from "../e2e/scenarios";
import { productionBuild, ROOT } from "./build";
import { serve } from "./serve";

const SCREENSHOTS = join(ROOT, "test-output", "screenshots");

/** The Hà Nam template, 3 village columns, "Thôn Đông" typed in the first name cell. */
async function villageWorkbook(): Promise<Uint8Array> {
  const template = await makeTemplate(loadRulesetDir().rulesets.get("ha-nam-thon-thong-minh-2022")!, { villages: 3 });
  const stored = parseMappingText("t", (await (await XlsxWorkbook.open(template)).snapshot()).mappingText!);
  if (!stored.ok) throw new Error("template mapping");
  const r = parseRangeRef(stored.mapping.villages![0]!.nameRef!)!;
  return editWorkbook(template, VILLAGE_TEMPLATE_SHEET, { [`${String.fromCharCode(64 + r.left)}${r.top}`]: "Thôn Đông" });
}

/** The "Thôn" section fits the pane, and axe-core finds nothing serious in it. */
async function fitsAndAccessible(page: Page, view: string): Promise<void> {
  const region = page.getByRole("region", { name: T.villagesTitle });
  await expect(
    region.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth),
  ).resolves.toBe(true);
  await settled(page);
  const axe = await new AxeBuilder({ page }).include('section[aria-label="Thôn"]').analyze();
  const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${view}: ${v.id}`);
  expect(bad).toEqual([]);
  await region.screenshot({ path: join(SCREENSHOTS, `villages-${view}.png`) });
}

describe("the villages on the standalone page at 350×900", () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const build = await productionBuild();
    ({ server, base } = await serve(build.dir));
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  test("the villages listed, one named from the pane, verdicts after Đánh giá — all within 350 px", async () => {
    const context = await browser.newContext({ viewport: { width: 350, height: 900 }, locale: "en-US" });
    await context.route("**/*", (route) =>
      new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("internetdisconnected"),
    );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/taskpane.html`, { waitUntil: "domcontentloaded" });
    const open = page.getByRole("button", { name: T.openButton });
    await open.waitFor({ timeout: 15_000 });
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), open.click()]);
    await chooser.setFiles({
      name: "thon.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await villageWorkbook()),
    });
    await page.getByRole("region", { name: T.villagesTitle }).waitFor({ timeout: 30_000 });
    await expect(page.getByText(T.villageHeading(1, "Thôn Đông")).isVisible()).resolves.toBe(true);
    await fitsAndAccessible(page, "1-listed");

    await page.getByRole("textbox", { name: T.villageNameLabel(2) }).fill("Thôn Đoài có tên rất dài để thử xuống dòng");
    await page.getByRole("textbox", { name: T.villageNameLabel(2) }).press("Enter");
    await page.getByText(T.villageHeading(2, "Thôn Đoài có tên rất dài để thử xuống dòng")).waitFor();
    await page.getByRole("button", { name: T.evaluate, exact: true }).click();
    await page.getByRole("region", { name: T.tabResults }).waitFor();
    await page.getByRole("tab", { name: new RegExp(`^${T.tabMapping}`) }).click();
    await page.locator('li[data-village="0"] [data-verdict]').first().waitFor();
    await fitsAndAccessible(page, "2-evaluated");
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
