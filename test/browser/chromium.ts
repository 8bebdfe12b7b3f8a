/*
 * Debian's Chromium for the browser tests (never a downloaded browser), started with nothing that
 * phones home, so the tests' "no request leaves the machine" sees only the page's own requests.
 */
import { chromium, type Browser } from "playwright-core";

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
