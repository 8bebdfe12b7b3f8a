/** @jest-environment jsdom */
/*
 * The roll-up panel without a browser: its reducer (files chosen, the job's messages, the result or
 * the failure) and the panel itself over a fake job, picking, dropping, running, stopping, downloading.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RollupPanel } from "../../src/taskpane/components/RollupPanel";
import type { RollupMessage, RollupRequest, RollupSummary } from "../../src/taskpane/rollup/messages";
import type { RollupRunner } from "../../src/taskpane/rollup/runner";
import {
  initialRollup,
  reduceRollup,
  rollupFileName,
  type ChosenFile,
  type RollupAction,
  type RollupState,
} from "../../src/taskpane/rollup/state";
import { RU } from "../../src/taskpane/rollup/strings";
import { catalog } from "./fixtures";

const f = (name: string, size = 100, lastModified = 1): ChosenFile => ({ name, size, lastModified });
const run = (actions: Array<RollupAction<ChosenFile>>, from: RollupState<ChosenFile> = initialRollup<ChosenFile>()) =>
  actions.reduce(reduceRollup<ChosenFile>, from);
const SUMMARY: RollupSummary = {
  files: 2,
  programmes: [{ ruleset: "phu-tho-xa-thong-minh-2024", title: "Phú Thọ", communes: 1, dat: 0, withErrors: 1, notCurrent: 0 }],
  apart: [{ file: "ghi-chu.xlsx", why: "not-xlsx", text: "Không phải .xlsx", message: "…" }],
};
const done: RollupMessage = { type: "done", bytes: new Uint8Array([1, 2, 3]), summary: SUMMARY };
const msg = (message: RollupMessage): RollupAction<ChosenFile> => ({ type: "message", message, fileName: "Tong-hop-2025-07-01.xlsx" });

describe("reducer", () => {
  test("files are added once each; lock and hidden files are counted apart", () => {
    const s = run([
      { type: "add", files: [f("a.xlsx"), f("b.xlsx"), f("~$a.xlsx"), f(".DS_Store")] },
      { type: "add", files: [f("a.xlsx"), f("a.xlsx", 100, 2)] },
    ]);
    expect(s.files.map((x) => [x.name, x.lastModified])).toEqual([
      ["a.xlsx", 1],
      ["b.xlsx", 1],
      ["a.xlsx", 2],
    ]);
    expect(s.skipped).toBe(2);
    expect(run([{ type: "clear" }], s)).toEqual(initialRollup());
  });

  test("starting with no file says what to do, and runs nothing", () => {
    const s = run([{ type: "started" }]);
    expect(s.phase).toBe("idle");
    expect(s.message).toEqual({ intent: "error", text: RU.nothingChosen });
  });

  test("the job's messages: files done of total and the current file, then writing, then the result", () => {
    let s = run([{ type: "add", files: [f("a.xlsx"), f("b.xlsx")] }, { type: "started" }]);
    expect(s).toMatchObject({ phase: "running", progress: { label: RU.starting, value: 0 } });
    s = run([msg({ type: "progress", done: 1, total: 2, file: "b.xlsx" })], s);
    expect(s.progress).toEqual({ label: "Đã xong 1/2 tệp — đang đọc b.xlsx", value: 0.5 });
    s = run([msg({ type: "writing", total: 2 })], s);
    expect(s.progress).toEqual({ label: RU.writing(2), value: undefined });
    s = run([msg(done)], s);
    expect(s).toMatchObject({ phase: "done", progress: undefined, result: { fileName: "Tong-hop-2025-07-01.xlsx", summary: SUMMARY } });
    // Another file added: the result no longer describes the list.
    const added = run([{ type: "add", files: [f("c.xlsx")] }], s);
    expect(added.phase).toBe("idle");
    expect(added.result).toBeUndefined();
  });

  test("while running, the list is kept as it is; a failure is the job's message", () => {
    let s = run([{ type: "add", files: [f("a.xlsx")] }, { type: "started" }]);
    expect(run([{ type: "add", files: [f("b.xlsx")] }, { type: "clear" }], s).files).toHaveLength(1);
    s = run([msg({ type: "failed", message: "Không ghi được bảng tổng hợp: hết bộ nhớ — hãy thử lại" })], s);
    expect(s).toMatchObject({
      phase: "failed",
      progress: undefined,
      message: { intent: "error", text: "Không ghi được bảng tổng hợp: hết bộ nhớ — hãy thử lại" },
    });
  });

  test("stopped: late messages of the stopped job change nothing", () => {
    const s = run([{ type: "add", files: [f("a.xlsx")] }, { type: "started" }, { type: "cancelled" }]);
    expect(s).toMatchObject({ phase: "idle", message: { intent: "info", text: RU.cancelled } });
    expect(run([msg(done)], s)).toBe(s);
    expect(run([{ type: "cancelled" }], s)).toBe(s);
  });

  test("options (a programme, a date): kept with the files, a result made with others dropped, unchanged while running", () => {
    let s = run([{ type: "add", files: [f("a.xlsx")] }, { type: "started" }, msg(done)]);
    s = run([{ type: "options", ruleset: "phu-tho-xa-thong-minh-2024", asOf: "2025-06-30" }], s);
    expect(s).toMatchObject({ phase: "idle", ruleset: "phu-tho-xa-thong-minh-2024", asOf: "2025-06-30" });
    expect(s.result).toBeUndefined();
    expect(run([{ type: "add", files: [f("b.xlsx")] }, { type: "clear" }], s)).toMatchObject({
      files: [],
      ruleset: "phu-tho-xa-thong-minh-2024",
      asOf: "2025-06-30",
    });
    // Emptied fields mean no option.
    const none = run([{ type: "options", ruleset: "", asOf: "" }], s);
    expect([none.ruleset, none.asOf]).toEqual([undefined, undefined]);
    const running = run([{ type: "started" }], s);
    expect(run([{ type: "options", ruleset: undefined, asOf: undefined }], running)).toBe(running);
  });

  test("the download's name: the evaluation date, else the day it was made", () => {
    expect(rollupFileName(new Date(2026, 0, 5))).toBe("Tong-hop-2026-01-05.xlsx");
    expect(rollupFileName(new Date(2026, 0, 5), "2025-06-30")).toBe("Tong-hop-2025-06-30.xlsx");
  });
});

describe("panel", () => {
  function setup(open?: (bytes: Uint8Array) => Promise<void>) {
    const jobs: Array<{ req: RollupRequest; tell: (m: RollupMessage) => void; cancel: jest.Mock }> = [];
    const runner: RollupRunner = (req, tell) => {
      const cancel = jest.fn();
      jobs.push({ req, tell, cancel });
      return { cancel };
    };
    const save = jest.fn();
    render(<RollupPanel catalog={catalog()} runner={runner} save={save} open={open} now={() => new Date(2025, 6, 1)} />);
    return { jobs, save, user: userEvent.setup() };
  }
  const xlsx = (name: string) => new File([new Uint8Array(8)], name, { lastModified: 5 });

  test("files picked and dropped, rolled up with progress, downloaded once done and again on request", async () => {
    const { jobs, save, user } = setup();
    await user.click(screen.getByRole("button", { name: RU.title }));
    const panel = screen.getByTestId("rollup-panel");
    expect(within(panel).getByRole("button", { name: RU.run })).toHaveAttribute("aria-disabled", "true");
    fireEvent.change(screen.getByTestId("rollup-files"), { target: { files: [xlsx("xa-a.xlsx"), xlsx("xa-b.xlsx")] } });
    fireEvent.drop(within(panel).getByRole("group", { name: RU.dropZone }), {
      dataTransfer: { files: [xlsx("xa-c.xlsx"), xlsx("xa-a.xlsx"), xlsx("~$xa-a.xlsx")] },
    });
    // The drop is read asynchronously (a dropped folder is walked): the list follows.
    expect(await within(panel).findByText(`${RU.chosen(3)} (${RU.skipped(1)})`)).toBeInTheDocument();

    await user.click(within(panel).getByRole("button", { name: RU.run }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.req.files.map((x) => x.name)).toEqual(["xa-a.xlsx", "xa-b.xlsx", "xa-c.xlsx"]);
    act(() => jobs[0]!.tell({ type: "progress", done: 2, total: 3, file: "xa-c.xlsx" }));
    const status = screen.getByTestId("rollup-status");
    expect(status).toHaveTextContent("Đã xong 2/3 tệp — đang đọc xa-c.xlsx");
    expect(within(status).getByRole("progressbar", { name: RU.progress })).toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: RU.run })).toHaveAttribute("aria-disabled", "true");

    act(() => jobs[0]!.tell(done));
    expect(save).toHaveBeenCalledWith(done.type === "done" && done.bytes, "Tong-hop-2025-07-01.xlsx");
    expect(status).toHaveTextContent("");
    expect(within(panel).getByText(`${RU.done(2)} ${RU.downloaded}`)).toBeInTheDocument();
    expect(within(panel).queryByRole("button", { name: RU.openAgain })).toBeNull();
    expect(within(panel).getByRole("list", { name: RU.apart })).toHaveTextContent("ghi-chu.xlsx — Không phải .xlsx");
    await user.click(within(panel).getByRole("button", { name: RU.download("Tong-hop-2025-07-01.xlsx") }));
    expect(save).toHaveBeenCalledTimes(2);
  });

  async function runOne(jobs: ReturnType<typeof setup>["jobs"], user: ReturnType<typeof setup>["user"]) {
    await user.click(screen.getByRole("button", { name: RU.title }));
    fireEvent.change(screen.getByTestId("rollup-files"), { target: { files: [xlsx("xa-a.xlsx")] } });
    await user.click(screen.getByRole("button", { name: RU.run }));
    await act(async () => jobs[0]!.tell(done));
    return screen.getByTestId("rollup-panel");
  }

  test("in Excel 2019+ the roll-up opens as a new workbook, not a download, and can be opened or downloaded again", async () => {
    const opened: Uint8Array[] = [];
    const { jobs, save, user } = setup(async (bytes) => void opened.push(bytes));
    const panel = await runOne(jobs, user);
    expect(opened).toEqual([done.type === "done" && done.bytes]);
    expect(save).not.toHaveBeenCalled();
    expect(await within(panel).findByText(`${RU.done(2)} ${RU.opened}`)).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: RU.openAgain }));
    expect(opened).toHaveLength(2);
    await user.click(within(panel).getByRole("button", { name: RU.download("Tong-hop-2025-07-01.xlsx") }));
    expect(save).toHaveBeenCalledTimes(1);
  });

  test("when Excel refuses to open it, the roll-up is downloaded and the reason said in Vietnamese", async () => {
    const { jobs, save, user } = setup(async () => {
      throw Object.assign(new Error("busy"), { code: "InvalidOperation" });
    });
    const panel = await runOne(jobs, user);
    expect(save).toHaveBeenCalledWith(expect.any(Uint8Array), "Tong-hop-2025-07-01.xlsx");
    const title = await within(panel).findByText((t) => t.startsWith(`${RU.done(2)} Excel không mở được sổ tính mới (`));
    expect(title.textContent).toMatch(/nên bảng tổng hợp đã được tải về\.$/);
    // Excel's own English message is not shown; its code is, for whoever helps the officer.
    expect(title.textContent).toMatch(/hãy báo mã InvalidOperation\)/);
    expect(title.textContent).not.toMatch(/busy/);
  });

  test("a programme and an evaluation date chosen go with the job, and name the download", async () => {
    const { jobs, save, user } = setup();
    await user.click(screen.getByRole("button", { name: RU.title }));
    await user.selectOptions(screen.getByRole("combobox", { name: new RegExp(RU.ruleset) }), "phu-tho-xa-thong-minh-2024");
    fireEvent.change(screen.getByLabelText(new RegExp(RU.asOf)), { target: { value: "2025-06-30" } });
    fireEvent.change(screen.getByTestId("rollup-files"), { target: { files: [xlsx("xa-a.xlsx")] } });
    await user.click(screen.getByRole("button", { name: RU.run }));
    expect(jobs[0]!.req).toMatchObject({ ruleset: "phu-tho-xa-thong-minh-2024", asOf: "2025-06-30" });
    act(() => jobs[0]!.tell(done));
    expect(save).toHaveBeenCalledWith(expect.any(Uint8Array), "Tong-hop-2025-06-30.xlsx");
  });

  test("a dropped folder that cannot be read is said, and nothing is added", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: RU.title }));
    const broken = {
      isFile: false,
      isDirectory: true,
      name: "Nhận",
      createReader: () => ({ readEntries: (_ok: unknown, ko: (e: Error) => void) => ko(new Error("NotFoundError")) }),
    };
    fireEvent.drop(screen.getByRole("group", { name: RU.dropZone }), {
      dataTransfer: { files: [xlsx("Nhận")], items: [{ kind: "file", webkitGetAsEntry: () => broken }] },
    });
    expect(await screen.findByText(RU.dropFailed("NotFoundError"))).toBeInTheDocument();
    expect(screen.queryByText(RU.chosen(1))).toBeNull();
  });

  test("stopped from the keyboard: the job is cancelled and the panel says so", async () => {
    const { jobs, save, user } = setup();
    await user.click(screen.getByRole("button", { name: RU.title }));
    fireEvent.change(screen.getByTestId("rollup-files"), { target: { files: [xlsx("xa-a.xlsx")] } });
    await user.click(screen.getByRole("button", { name: RU.run }));
    screen.getByRole("button", { name: RU.cancel }).focus();
    await user.keyboard("{Enter}");
    expect(jobs[0]!.cancel).toHaveBeenCalled();
    expect(screen.getByText(RU.cancelled)).toBeInTheDocument();
    act(() => jobs[0]!.tell(done));
    expect(save).not.toHaveBeenCalled();
  });

  test("a failed job is shown as an error, and the files stay chosen for another try", async () => {
    const { jobs, user } = setup();
    await user.click(screen.getByRole("button", { name: RU.title }));
    fireEvent.change(screen.getByTestId("rollup-files"), { target: { files: [xlsx("xa-a.xlsx")] } });
    await user.click(screen.getByRole("button", { name: RU.run }));
    act(() => jobs[0]!.tell({ type: "failed", message: "Không ghi được bảng tổng hợp: x — hãy thử lại" }));
    expect(screen.getByText("Không ghi được bảng tổng hợp: x — hãy thử lại")).toBeInTheDocument();
    expect(screen.getByText(RU.chosen(1))).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: RU.run }));
    expect(jobs).toHaveLength(2);
  });
});
