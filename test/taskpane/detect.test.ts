/** @jest-environment jsdom */
import { detectHost, loadScript, looksHosted, OFFICE_JS_URL } from "../../src/taskpane/host/detect";

afterEach(() => {
  document.head.innerHTML = "";
  delete (window as unknown as { Office?: unknown }).Office;
});

const withOffice = (host: string | null) => {
  (window as unknown as { Office: unknown }).Office = { onReady: async () => ({ host, platform: null }) };
};

describe("is the page inside Excel?", () => {
  test("office.js is requested from the CDN; when it never comes the page goes standalone at the deadline", async () => {
    const started = Date.now();
    await expect(detectHost({ window, timeoutMs: 50 })).resolves.toEqual({ kind: "standalone", why: "not-loaded" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect([...document.head.querySelectorAll("script")].map((s) => s.src)).toEqual([OFFICE_JS_URL]);
  });

  test("a failed load goes standalone at once, without waiting for the deadline", async () => {
    const pending = detectHost({ window, timeoutMs: 60_000 });
    document.head.querySelector("script")!.dispatchEvent(new Event("error"));
    await expect(pending).resolves.toEqual({ kind: "standalone", why: "not-loaded" });
  });

  test.each([
    ["Excel", { kind: "excel" }],
    [null, { kind: "standalone", why: "no-host" }],
    ["Word", { kind: "standalone", why: "other-host", host: "Word" }],
  ])("Office.onReady reporting %s", async (host, expected) => {
    withOffice(host);
    await expect(detectHost({ window, timeoutMs: 1000 })).resolves.toEqual(expected);
    expect(document.head.querySelector("script")).toBeNull();
  });

  test("an Office.onReady that never answers counts as no host", async () => {
    (window as unknown as { Office: unknown }).Office = { onReady: () => new Promise(() => undefined) };
    await expect(detectHost({ window, timeoutMs: 30 })).resolves.toEqual({ kind: "standalone", why: "no-host" });
  });

  test("inside an Office host (its _host_Info in the URL or window.name) office.js gets the longer deadline", async () => {
    expect(looksHosted({ location: { search: "?_host_Info=Excel$Win32$16.01$vi-VN", hash: "" } as Location, name: "" })).toBe(true);
    expect(looksHosted({ location: { search: "", hash: "" } as Location, name: '{"hostInfo":"Excel|Web"}' })).toBe(true);
    expect(looksHosted({ location: { search: "", hash: "" } as Location, name: "" })).toBe(false);
    const waits: number[] = [];
    const setTimer = (fn: () => void, ms: number) => {
      waits.push(ms);
      setTimeout(fn, 0);
    };
    window.name = "hostInfo";
    await detectHost({ window, timeoutMs: 3000, hostedTimeoutMs: 20000, setTimer });
    window.name = "";
    expect(waits).toEqual([20000]);
  });

  test("loadScript settles once, whichever comes first", async () => {
    const p = loadScript(document, "https://example.invalid/x.js", 10_000);
    const s = document.head.querySelector("script")!;
    s.dispatchEvent(new Event("load"));
    s.dispatchEvent(new Event("error"));
    await expect(p).resolves.toBe("loaded");
  });
});
