/*
 * The host layer without a browser or Excel: the Office calls against a recording fake (counting
 * syncs), the file host against a fake document, the shells' choices, the ruleset catalogue.
 */
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate } from "../../src/workbook/xlsx/template";
import { WorkbookError } from "../../src/workbook/port";
import { describeError } from "../../src/taskpane/host/errors";
import { openBytesSession, resultFileName, saveBytes, XLSX_MIME, type BrowserDeps } from "../../src/taskpane/host/file-host";
import { officeShell, toBase64 } from "../../src/taskpane/host/office-host";
import type { OfficeRun, XlContext } from "../../src/workbook/office/adapter";
import { selectedReference, selectReference } from "../../src/workbook/office/select";
import { standaloneShell } from "../../src/taskpane/host/standalone-host";
import { catalogFrom } from "../../src/taskpane/rulesets";
import { catalog, checkFiles, PHU_THO, rulesetFiles } from "./fixtures";

/** A recording fake of the few Excel calls the selection helpers make; it counts syncs. */
function fakeExcel(opts: { address?: string; failSync?: unknown } = {}) {
  const calls: string[] = [];
  let syncs = 0;
  const range = (what: string) => ({
    worksheet: { activate: () => calls.push(`activate(${what})`) },
    select: () => calls.push(`select(${what})`),
    load: (p: string) => calls.push(`load(${p})`),
    address: opts.address ?? "",
  });
  const names = (scope: string) => ({
    getItemOrNullObject: (n: string) => ({ getRangeOrNullObject: () => range(`${scope}name:${n}`) }),
  });
  const ctx = {
    workbook: {
      worksheets: {
        getItem: (s: string) => ({ getRange: (a: string) => range(`${s}!${a}`), names: names(`${s}!`) }),
        getActiveWorksheet: () => ({ getRange: (a: string) => range(`active!${a}`) }),
      },
      names: names(""),
      getSelectedRange: () => range("selection"),
    },
    sync: async () => {
      syncs++;
      if (opts.failSync) throw opts.failSync;
    },
  };
  const run: OfficeRun = async (batch) => batch(ctx as unknown as XlContext);
  return { run, calls, syncs: () => syncs };
}

describe("selecting in Excel", () => {
  test.each([
    ["'Số liệu'!B7", ["activate(Số liệu!B7)", "select(Số liệu!B7)"]],
    ["'Số liệu'!$B$7:$C$9", ["activate(Số liệu!B7:C9)", "select(Số liệu!B7:C9)"]],
    ["dan_so", ["activate(name:dan_so)", "select(name:dan_so)"]],
    ["'Số liệu'!rieng", ["activate(Số liệu!name:rieng)", "select(Số liệu!name:rieng)"]],
    ["B7", ["activate(active!B7)", "select(active!B7)"]],
  ])("%s: its sheet activated and the range selected, in one sync", async (ref, expected) => {
    const xl = fakeExcel();
    await selectReference(xl.run, ref);
    expect(xl.calls).toEqual(expected);
    expect(xl.syncs()).toBe(1);
  });

  test("a name that no longer exists becomes a message that names it", async () => {
    const xl = fakeExcel({ failSync: Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound" }) });
    await expect(selectReference(xl.run, "da_xoa")).rejects.toThrow(/Không chọn được da_xoa trong Excel/);
  });

  test("the selected cell comes back as the mapping writes it; a block of cells is refused", async () => {
    const one = fakeExcel({ address: "'Số liệu'!B7" });
    await expect(selectedReference(one.run)).resolves.toBe("'Số liệu'!B7");
    expect(one.syncs()).toBe(1);
    await expect(selectedReference(fakeExcel({ address: "Data!B7:C9" }).run)).rejects.toThrow(/hãy chọn đúng một ô/);
  });
});

describe("messages", () => {
  test("a workbook error keeps its Vietnamese; an Excel error code says what to do; anything else is wrapped", () => {
    expect(describeError(new WorkbookError("Tệp không phải sổ tính .xlsx", "not-xlsx"))).toBe("Tệp không phải sổ tính .xlsx");
    expect(describeError({ code: "AccessDenied", message: "denied" })).toMatch(/đang được bảo vệ/);
    expect(describeError(new Error("boom"))).toBe("Không thực hiện được: boom");
  });
});

/** A stand-in for the page's document: records the link clicked and the blob behind it. */
function fakeBrowser() {
  const clicked: Array<{ href: string; download: string }> = [];
  const blobs = new Map<string, Blob>();
  const revoked: string[] = [];
  const timers: Array<() => void> = [];
  const document = {
    createElement: () => {
      const a = {
        href: "",
        download: "",
        rel: "",
        style: {} as Record<string, string>,
        click: () => clicked.push({ href: a.href, download: a.download }),
        remove: () => undefined,
      };
      return a;
    },
    body: { appendChild: () => undefined },
  };
  const deps: BrowserDeps = {
    document: document as unknown as Document,
    createObjectURL: (b) => {
      const url = `blob:fake/${blobs.size}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: (u) => revoked.push(u),
    setTimeout: (fn) => timers.push(fn),
  };
  return { deps, clicked, blobs, revoked, timers };
}

describe("the file host", () => {
  test("the result file is named after the opened one", () => {
    expect(resultFileName("xa-minh-tan.xlsx")).toBe("xa-minh-tan-ket-qua.xlsx");
    expect(resultFileName("Số liệu.XLSX")).toBe("Số liệu-ket-qua.xlsx");
    expect(resultFileName("a-ket-qua.xlsx")).toBe("a-ket-qua.xlsx");
  });

  test("a download is a Blob link clicked, revoked afterwards", () => {
    const b = fakeBrowser();
    saveBytes(b.deps, new Uint8Array([1, 2]), "x.xlsx");
    expect(b.clicked).toEqual([{ href: "blob:fake/0", download: "x.xlsx" }]);
    expect(b.blobs.get("blob:fake/0")!.type).toBe(XLSX_MIME);
    b.timers.forEach((t) => t());
    expect(b.revoked).toEqual(["blob:fake/0"]);
  });

  test("a file that is not .xlsx is refused with what to do", async () => {
    await expect(openBytesSession(fakeBrowser().deps, "so-lieu.xls", new Uint8Array([1]))).rejects.toThrow(
      /Lưu thành › Sổ làm việc Excel \(\.xlsx\)/,
    );
    await expect(openBytesSession(fakeBrowser().deps, "hong.xlsx", new Uint8Array([1, 2, 3]))).rejects.toThrow(/không phải sổ tính \.xlsx/);
  });

  test("a session on .xlsx bytes reads names, and downloads what was written", async () => {
    const ruleset = catalog().rulesets.get(PHU_THO)!;
    const b = fakeBrowser();
    const session = await openBytesSession(b.deps, "mau.xlsx", await makeTemplate(ruleset));
    expect(session.select).toBeUndefined();
    expect((await session.port.snapshot()).names.map((n) => n.name)).toContain("ct_1_1_1_tu_so");
    await session.port.writeSheets([], JSON.stringify({ ruleset: PHU_THO, indicators: {}, commune: "Xã Thử" }));
    await expect(session.download!()).resolves.toBe("mau-ket-qua.xlsx");
    const saved = new Uint8Array(await b.blobs.get("blob:fake/0")!.arrayBuffer());
    expect((await (await XlsxWorkbook.open(saved)).snapshot()).mappingText).toContain("Xã Thử");
  });
});

describe("the shells", () => {
  const noop: OfficeRun = async () => {
    throw new Error("not called");
  };

  test("inside Excel: the live workbook, selection both ways, no file to open or download", () => {
    const shell = officeShell({ run: noop, isSetSupported: () => true, browser: fakeBrowser().deps });
    expect(shell.mode).toBe("office");
    expect(shell.openFile).toBeUndefined();
    expect(shell.initial?.select).toBeDefined();
    expect(shell.initial?.selectedCell).toBeDefined();
    expect(shell.initial?.download).toBeUndefined();
    expect(shell.notice).toBeUndefined();
  });

  test("an Excel without ExcelApi 1.4 is told so plainly", () => {
    const shell = officeShell({ run: noop, isSetSupported: (_s, v) => Number(v) < 1.4, browser: fakeBrowser().deps });
    expect(shell.notice).toMatchObject({ intent: "warning", text: expect.stringMatching(/ExcelApi 1\.4/) });
  });

  test("the template opens as a new workbook where Excel can (1.8), else it is downloaded", async () => {
    const created: string[] = [];
    const withCreate = officeShell({
      run: noop,
      isSetSupported: () => true,
      createWorkbook: async (b64) => void created.push(b64),
      browser: fakeBrowser().deps,
    });
    await expect(withCreate.offerTemplate(new Uint8Array([104, 105]), "t.xlsx")).resolves.toEqual({ kind: "opened-in-excel" });
    expect(created).toEqual(["aGk="]);
    const b = fakeBrowser();
    const old = officeShell({
      run: noop,
      isSetSupported: (_s, v) => Number(v) < 1.8,
      createWorkbook: async () => undefined,
      browser: b.deps,
    });
    await expect(old.offerTemplate(new Uint8Array([1]), "t.xlsx")).resolves.toEqual({ kind: "downloaded", fileName: "t.xlsx" });
    expect(b.clicked).toHaveLength(1);
    // The roll-up panel opens its workbook the same way: offered only where Excel can.
    expect(old.openWorkbook).toBeUndefined();
    await withCreate.openWorkbook!(new Uint8Array([111, 107]));
    expect(created).toEqual(["aGk=", "b2s="]);
  });

  test("base64 of large bytes, in chunks", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  test("standalone: files in, and a template both downloaded and opened to work on", async () => {
    const b = fakeBrowser();
    const shell = standaloneShell(b.deps, "not-loaded");
    expect(shell.mode).toBe("standalone");
    expect(shell.initial).toBeUndefined();
    expect(shell.notice?.text).toMatch(/Không tải được Office\.js/);
    const ruleset = catalog().rulesets.get(PHU_THO)!;
    const outcome = await shell.offerTemplate(await makeTemplate(ruleset), "so-mau.xlsx");
    expect(b.clicked.map((c) => c.download)).toEqual(["so-mau.xlsx"]);
    expect(outcome.kind === "session" && outcome.session.title).toBe("so-mau.xlsx");
  });
});

describe("the bundled rulesets", () => {
  test("every file in rulesets/ validates", () => {
    const c = catalogFrom(rulesetFiles());
    expect(c.problems).toEqual([]);
    expect([...c.rulesets.keys()].sort()).toHaveLength(rulesetFiles().length);
  });

  test("a broken file is reported by name and left out; the others stay", () => {
    const files = [
      ...rulesetFiles().slice(0, 2),
      { file: "rulesets/hong.json", text: "{ không phải json" },
      { file: "rulesets/thieu.json", text: '{"id":"thieu"}' },
    ];
    const c = catalogFrom(files);
    expect(c.rulesets.size).toBe(2);
    expect(c.problems.map((p) => p.message).join("\n")).toMatch(/rulesets\/hong\.json: không phải JSON hợp lệ/);
    expect(c.problems.some((p) => p.message.startsWith("rulesets/thieu.json"))).toBe(true);
  });
});

describe("the bundled check rules (rulesets/checks)", () => {
  test("every rule file validates against the ruleset it is named after", () => {
    const c = catalogFrom(rulesetFiles(), checkFiles());
    expect(c.checks.problems).toEqual([]);
    expect([...c.checks.byRuleset.keys()].sort()).toEqual(
      checkFiles()
        .map((f) => f.file.replace(/^.*\//, "").replace(/\.json$/, ""))
        .sort(),
    );
    expect(c.checks.byRuleset.get(PHU_THO)?.rules.map((r) => r.id)).toContain("can-bo-it-hon-dan-so-truong-thanh");
  });

  test("a broken rule file, or one for a programme the pane lacks, is reported and left out; the check runs without it", () => {
    const good = checkFiles().find((f) => f.file.endsWith(`${PHU_THO}.json`))!;
    const wrongCode = { ...good, text: good.text.replace('"1.1.2.denominator"', '"9.9.denominator"') };
    const c = catalogFrom(rulesetFiles(), [
      wrongCode,
      { file: "rulesets/checks/hong.json", text: "{ không phải json" },
      { file: "rulesets/checks/khong-co-bo-nay.json", text: JSON.stringify({ ruleset: "khong-co-bo-nay", rules: [] }) },
    ]);
    expect(c.checks.byRuleset.size).toBe(0);
    const messages = c.checks.problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/không có chỉ tiêu mã "9\.9"/);
    expect(messages).toMatch(/rulesets\/checks\/hong\.json: không phải JSON hợp lệ/);
    expect(messages).toMatch(/rulesets\/checks\/khong-co-bo-nay\.json: không có bộ tiêu chí "khong-co-bo-nay"/);
  });
});
