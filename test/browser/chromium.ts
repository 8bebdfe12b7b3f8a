/*
 * Debian's Chromium for the browser tests (never a downloaded browser), started with nothing that
 * phones home, so the tests' "no request leaves the machine" sees only the page's own requests.
 */
import { chromium, type Browser, type Page } from "playwright-core";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Waits until the page's animations have ended (Fluent's motion, CSS transitions), at most two seconds
 * (a spinner never ends): a message or a button still fading in has the colours of half its opacity,
 * and axe must judge the view as the clerk reads it.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      new Promise((done) => setTimeout(done, 2000)),
    ]),
  );
}
