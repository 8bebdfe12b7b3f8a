/*
 * Is the page inside Excel? office.js (the one remote script allowed: DESIGN, "Personal data") is
 * loaded from Microsoft's CDN with a deadline; when it does not come, or Office.onReady reports no
 * host, the page runs standalone on files from disk.
 */

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** A plain browser tab waits this long for office.js before opening files instead. */
export const STANDALONE_TIMEOUT_MS = 3000;
/** Inside an Office host (slow network in Excel on the web) office.js gets longer. */
export const HOSTED_TIMEOUT_MS = 20000;

export type HostDetection = { kind: "excel" } | { kind: "standalone"; why: "not-loaded" | "no-host" | "other-host"; host?: string };

type OfficeGlobal = { onReady: () => Promise<{ host: string | null; platform: string | null }> };

/**
 * Signs an Office host opened the page, before office.js says so: desktop Office adds _host_Info to
 * the URL, Excel on the web passes its host info in window.name.
 */
export function looksHosted(win: Pick<Window, "location" | "name">): boolean {
  return /[?&#]_host_Info=/i.test(win.location.search + win.location.hash) || /_host_Info|hostInfo|xdmInfo/i.test(win.name);
}

/** Adds a script element; settles "loaded", "failed" or "timeout", whichever comes first. */
export function loadScript(
  doc: Document,
  url: string,
  timeoutMs: number,
  setTimer: (fn: () => void, ms: number) => unknown = setTimeout,
): Promise<"loaded" | "failed" | "timeout"> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (how: "loaded" | "failed" | "timeout") => {
      if (settled) return;
      settled = true;
      resolve(how);
    };
    const script = doc.createElement("script");
    script.src = url;
    script.async = true;
    script.onload = () => settle("loaded");
    script.onerror = () => settle("failed");
    setTimer(() => settle("timeout"), timeoutMs);
    doc.head.appendChild(script);
  });
}

function withDeadline<T>(p: Promise<T>, ms: number, setTimer: (fn: () => void, ms: number) => unknown): Promise<T | "timeout"> {
  return new Promise((resolve, reject) => {
    setTimer(() => resolve("timeout"), ms);
    p.then(resolve, reject);
  });
}

export type DetectDeps = {
  window: Window;
  scriptUrl?: string;
  timeoutMs?: number;
  hostedTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
};

export async function detectHost(deps: DetectDeps): Promise<HostDetection> {
  const win = deps.window;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => win.setTimeout(fn, ms));
  const timeout = looksHosted(win) ? (deps.hostedTimeoutMs ?? HOSTED_TIMEOUT_MS) : (deps.timeoutMs ?? STANDALONE_TIMEOUT_MS);
  const existing = (win as unknown as { Office?: OfficeGlobal }).Office;
  if (!existing) {
    const loaded = await loadScript(win.document, deps.scriptUrl ?? OFFICE_JS_URL, timeout, setTimer);
    if (loaded !== "loaded") return { kind: "standalone", why: "not-loaded" };
  }
  const office = (win as unknown as { Office?: OfficeGlobal }).Office;
  if (!office || typeof office.onReady !== "function") return { kind: "standalone", why: "not-loaded" };
  let info: { host: string | null } | "timeout";
  try {
    info = await withDeadline(office.onReady(), timeout, setTimer);
  } catch {
    return { kind: "standalone", why: "not-loaded" };
  }
  if (info === "timeout" || !info.host) return { kind: "standalone", why: "no-host" };
  if (info.host !== "Excel") return { kind: "standalone", why: "other-host", host: info.host };
  return { kind: "excel" };
}
