/** @jest-environment jsdom */
/*
 * The pane's "Tạo phụ lục" (Phụ lục 03–07 from the rosters) and "Kiểm tra trước khi gửi" views, over
 * a MemoryWorkbook with Excel's abilities as mocks: success and failure of each, progress, selection,
 * keyboard use, and the standalone page.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { slotsOf } from "../../src/core/evaluate/slots";
import { parseMappingText, type Mapping } from "../../src/core/mapping/schema";
import { templateName } from "../../src/core/mapping/propose";
import { cellRef } from "../../src/core/ref/a1";
import type { RawCell } from "../../src/core/text/cell";
import { indicatorsOf } from "../../src/core/ruleset/walk";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { ListsPanel } from "../../src/taskpane/components/ListsPanel";
import type { Shell } from "../../src/taskpane/host/types";
import { listRows } from "../../src/taskpane/state/view";
import { T } from "../../src/taskpane/strings";
import { catalog, deferred, officeShell, PHU_THO, PHU_THO_TITLE, phuThoWithRoster, phuThoWorkbook, renderPane } from "./fixtures";

type User = ReturnType<typeof userEvent.setup>;

async function chooseProgramme(user: User) {
  await user.click(await screen.findByRole("combobox", { name: T.programme }));
  await user.click(await screen.findByRole("option", { name: new RegExp(PHU_THO_TITLE) }));
  await screen.findByRole("tab", { name: new RegExp(T.tabMapping) });
}

/** The date input takes its value whole, as a browser's date picker gives it. */
function setAsOf(date: string) {
  fireEvent.change(screen.getByLabelText(T.asOf), { target: { value: date } });
}

async function makeListsNow(user: User) {
  await user.click(screen.getByRole("tab", { name: T.tabLists }));
  await user.click(screen.getByRole("button", { name: T.makeLists }));
}

async function runCheck(user: User) {
  await user.click(screen.getByRole("tab", { name: T.tabCheck }));
  await user.click(screen.getByRole("button", { name: T.runCheck }));
  return screen.findByTestId("check-summary");
}

const listItem = (id: string) => document.querySelector(`li[data-list="${id}"]`) as HTMLElement;
const group = (severity: string) => document.querySelector(`[data-severity="${severity}"]`) as HTMLElement;
const severities = () => [...document.querySelectorAll("[data-severity]")].map((e) => e.getAttribute("data-severity"));

async function storedMapping(wb: MemoryWorkbook): Promise<Mapping> {
  const parsed = parseMappingText("kiểm thử", (await wb.snapshot()).mappingText ?? "");
  if (!parsed.ok) throw new Error("no stored mapping");
  return parsed.mapping;
}

describe("Tạo phụ lục", () => {
  test("is offered only for a programme whose indicators have lists", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await user.click(await screen.findByRole("combobox", { name: T.programme }));
    await user.click(await screen.findByRole("option", { name: /chuyển đổi số/i }));
    await screen.findByRole("tab", { name: new RegExp(T.tabMapping) });
    expect(screen.queryByRole("tab", { name: T.tabLists })).not.toBeInTheDocument();
    expect(screen.getByRole("tab", { name: T.tabCheck })).toBeInTheDocument();
    await chooseProgramme(user);
    expect(screen.getByRole("tab", { name: T.tabLists })).toBeInTheDocument();
  });

  test("writes each list with its count and population; the roster's duplicate, blank name and missing birth date are listed with cells that select", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    const shell = officeShell(wb);
    renderPane(shell);
    await chooseProgramme(user);
    setAsOf("2024-09-30");
    await makeListsNow(user);
    expect(await screen.findByText(T.listsWritten(2))).toBeInTheDocument();

    // Adults (15+, the ruleset's age) on 30/09/2024: Nguyễn Văn An (once), Lê Thị Bình, the unnamed row is skipped,
    // Trần Văn Cường has no birth date and Phạm Thị Dung is 12; both adults have a smartphone.
    expect(listItem("PL03")).toHaveTextContent("Phụ lục 03");
    expect(within(listItem("PL03")).getByTestId("list-count")).toHaveTextContent("2 người");
    expect(listItem("PL03")).toHaveTextContent("trong số 2 người từ đủ 15 tuổi của trang “Dân cư”");
    expect(within(listItem("PL05")).getByTestId("list-count")).toHaveTextContent("1 người");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Số liệu", "Dân cư", "Phụ lục 03", "Phụ lục 05", "ChiTieuXa_AnhXa"]);

    const fix = group("loi");
    expect(within(fix).getByRole("heading")).toHaveTextContent(/^Cần sửa \(\d+\)$/);
    expect(within(fix).getByText(/^Trùng: "Nguyễn Văn An, sinh 12\/03\/1980, Thôn Đông" ở dòng 2 và dòng 3/)).toBeInTheDocument();
    expect(within(fix).getByText(/^Dòng 5 của trang "Dân cư" có số liệu nhưng không có tên/)).toBeInTheDocument();
    expect(within(fix).getByText(/không có ngày sinh/)).toBeInTheDocument();
    // The rosters the programme needs and the workbook lacks are said too.
    expect(within(fix).getByText(/Không tìm thấy danh sách cán bộ xã, khu dân cư/)).toBeInTheDocument();

    await user.click(within(fix).getByRole("button", { name: "'Dân cư'!B3" }));
    expect(shell.select).toHaveBeenLastCalledWith("'Dân cư'!B3");
    await user.click(within(listItem("PL03")).getByRole("button", { name: /^Thống kê số lượng người ở độ tuổi trưởng thành/ }));
    expect(shell.select).toHaveBeenLastCalledWith("'Phụ lục 03'!A1");

    // The rosters found are stored with the mapping, so the next run reads only their sheets.
    expect((await storedMapping(wb)).lists).toMatchObject({ rosters: { residents: { sheet: "Dân cư", columns: { name: "Họ và tên" } } } });
  });

  test("the view of a run with nothing to fix says so (component alone, actions as props)", async () => {
    const user = userEvent.setup({ delay: null });
    const onMake = jest.fn();
    render(
      <ListsPanel
        result={{
          ok: true,
          rows: listRows([
            {
              id: "PL04",
              appendix: "Phụ lục 04",
              title: "Thống kê số lượng cán bộ xã có sử dụng điện thoại thông minh",
              sheetName: "Phụ lục 04",
              count: 1234,
              population: 1500,
              populationText: "cán bộ xã, khu dân cư",
              rosterSheet: "Cán bộ",
              unit: "người",
            },
          ]),
          mustFix: [],
          shouldSee: [],
          written: true,
        }}
        onMake={onMake}
      />,
    );
    expect(screen.getByText(T.listsClean)).toBeInTheDocument();
    expect(listItem("PL04")).toHaveTextContent("Phụ lục 04Thống kê số lượng cán bộ xã có sử dụng điện thoại thông minh1.234 người");
    expect(listItem("PL04")).toHaveTextContent("trong số 1.500 cán bộ xã, khu dân cư của trang “Cán bộ”");
    expect(screen.queryByRole("button", { name: T.download })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.makeLists }));
    expect(onMake).toHaveBeenCalledTimes(1);
  });

  test("shows how far it is: each sheet read, then building, checking and writing", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    const gate = deferred<void>();
    const slow = Object.assign(Object.create(wb) as MemoryWorkbook, {
      readSheet: async (name: string) => {
        await gate.promise;
        return wb.readSheet(name);
      },
    });
    renderPane(officeShell(slow));
    await chooseProgramme(user);
    setAsOf("2024-09-30");
    await makeListsNow(user);
    const bar = await screen.findByRole("progressbar", { name: T.listsReading("Số liệu", 1, 2) });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeLessThan(1);
    expect(screen.getByRole("button", { name: T.makeLists })).toHaveAttribute("aria-disabled", "true");
    await act(async () => gate.resolve());
    expect(await screen.findByText(T.listsWritten(2))).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(""));
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  test("without a report date nothing is read or written, and the pane says where to give it", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    renderPane(officeShell(wb));
    await chooseProgramme(user);
    wb.roundTrips = 0;
    await makeListsNow(user);
    expect(await screen.findByText(T.listsNeedAsOf)).toBeInTheDocument();
    expect(wb.roundTrips).toBe(0);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Số liệu", "Dân cư"]);
  });

  test("a broken roster mapping in the workbook: nothing is made, the problem is shown", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    await wb.writeSheets(
      [],
      JSON.stringify({
        ruleset: PHU_THO,
        asOf: "2024-09-30",
        indicators: {},
        lists: { rosters: { residents: { sheet: "", columns: { name: "Họ và tên" } } } },
      }),
    );
    renderPane(officeShell(wb));
    await screen.findByRole("tab", { name: new RegExp(T.tabMapping) });
    await makeListsNow(user);
    expect(await screen.findByText(T.listsFailed)).toBeInTheDocument();
    expect(screen.getByText(/tên trang tính trống/)).toBeInTheDocument();
    expect(wb.sheets.filter((s) => s.name.startsWith("Phụ lục"))).toEqual([]);
  });

  test("Excel refusing the write becomes a Vietnamese message; the progress bar goes away", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    const refusing = Object.assign(Object.create(wb) as MemoryWorkbook, {
      writeSheets: async () => {
        throw Object.assign(new Error("Access denied"), { code: "AccessDenied" });
      },
    });
    renderPane(officeShell(refusing));
    await chooseProgramme(user);
    setAsOf("2024-09-30");
    await makeListsNow(user);
    expect(await screen.findByText(/Excel không cho ghi vào sổ tính: trang tính hoặc sổ tính đang được bảo vệ/)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(screen.queryByText(T.listsHeading)).not.toBeInTheDocument();
  });

  test("writing the status sheet builds the lists too: their counts fill 1.1.1; the rosters cost one round trip per sheet read", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    renderPane(officeShell(wb));
    await chooseProgramme(user);
    setAsOf("2024-09-30");
    fireEvent.change(screen.getByLabelText(T.commune), { target: { value: "Xã Thử" } });
    wb.roundTrips = 0;
    await user.click(screen.getAllByRole("button", { name: T.evaluate })[0]!);
    await screen.findByRole("region", { name: T.tabResults });
    expect(document.querySelector('li[data-code="1.1.1"]')).toHaveAttribute("data-verdict", "thieu-so-lieu");
    expect(wb.roundTrips).toBe(2); // the snapshot and the mapped cells; no roster is read

    wb.roundTrips = 0;
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    expect(
      await screen.findByText(
        /^Đã ghi trang “Trạng thái chỉ tiêu” và lưu ánh xạ vào sổ tính\. Kèm các trang “Phụ lục 03”, “Phụ lục 05” lập từ danh sách\.$/,
      ),
    ).toBeInTheDocument();
    // Snapshot, mapped cells, the two sheets searched for rosters (one each), the write.
    expect(wb.roundTrips).toBe(5);
    const first = document.querySelector('li[data-code="1.1.1"]') as HTMLElement;
    expect(first).toHaveAttribute("data-verdict", "dat"); // 2 of 2 adults
    expect(first).toHaveTextContent(/'Phụ lục 03'!/);
    expect(screen.getByText(/^Trùng: "Nguyễn Văn An/)).toBeInTheDocument();
    // ChiTieuXa_DauVet is the very hidden fingerprint of what the status sheet was computed from (issue 12).
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Số liệu",
      "Dân cư",
      "Trạng thái chỉ tiêu",
      "ChiTieuXa_DauVet",
      "Phụ lục 03",
      "Phụ lục 05",
      "ChiTieuXa_AnhXa",
    ]);
  });
});

/** Every input of the Phú Thọ programme under its template name, all passing, and the mapping stored. */
async function completePhuTho(values: Record<string, RawCell> = {}): Promise<MemoryWorkbook> {
  const ruleset = catalog().rulesets.get(PHU_THO)!;
  const cells: Record<string, RawCell> = {};
  const names: Array<{ name: string; formula: string }> = [];
  const indicators: Mapping["indicators"] = {};
  let row = 1;
  for (const { item } of indicatorsOf(ruleset)) {
    for (const s of slotsOf(item)) {
      if (s.alternative) continue;
      const name = templateName(item.code, s.slot);
      const key = `${item.code}.${s.slot}`;
      cells[cellRef(row, 1)] = s.label;
      cells[cellRef(row, 2)] = key in values ? values[key]! : s.type === "yes-no" ? "Có" : s.slot.endsWith("denominator") ? 100 : 95;
      names.push({ name, formula: `'Số liệu'!$B$${row}` });
      (indicators[item.code] ??= {})[s.slot] = name;
      row++;
    }
  }
  const wb = new MemoryWorkbook({ sheets: [{ name: "Số liệu", cells }], names });
  await wb.writeSheets([], JSON.stringify({ ruleset: PHU_THO, commune: "Xã Thử", asOf: "2024-09-30", indicators }));
  return wb;
}

describe("Kiểm tra trước khi gửi", () => {
  test("a numerator above its denominator is a lỗi, listed before the cảnh báo; its cell, clicked, is selected in Excel", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    wb.sheets[0]!.cells.set("B1", 1200);
    wb.sheets[0]!.cells.set("A6", "Danh s¸ch hé gia ®×nh"); // typed in TCVN3 (.VnTime): a cảnh báo
    const shell = officeShell(wb);
    renderPane(shell);
    await chooseProgramme(user);
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    const summary = await runCheck(user);
    expect(summary).toHaveAttribute("data-can-send", "false");
    expect(summary).toHaveTextContent(/^Có 11 lỗi cần sửa trước khi gửi, 1 cảnh báo nên xem\.$/);

    expect(severities()).toEqual(["loi", "canh-bao"]);
    const errors = group("loi");
    expect(within(errors).getByRole("heading")).toHaveTextContent(/^Lỗi \(\d+\)$/);
    const over = within(errors).getByText(/^Tử số 1\.200 .* lớn hơn mẫu số 1\.000/);
    expect(over.closest("li")).toHaveTextContent(/^Chỉ tiêu 1\.1\.1:/);
    await user.click(within(over.closest("li")!).getByRole("button", { name: "'Số liệu'!B1" }));
    expect(shell.select).toHaveBeenCalledWith("'Số liệu'!B1");
    // An input not mapped at all points into the mapping, not at a cell: nothing to click.
    const unmapped = within(errors)
      .getAllByText(/^Chưa có số liệu/)
      .map((e) => e.closest("li")!)
      .find((li) => /^Chỉ tiêu 1\.2\.1:/.test(li.textContent ?? ""))!;
    expect(within(unmapped).queryByRole("button")).not.toBeInTheDocument();
    expect(unmapped).not.toHaveAttribute("data-ref");
    // The TCVN3 text comes with its Unicode reading, to put in the cell.
    expect(group("canh-bao")).toHaveTextContent(/Nên sửa thành: “Danh sách hộ gia đình”/);
  });

  test("a complete, consistent workbook: “Không có lỗi — có thể gửi”", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(await completePhuTho({ "1.1.1.denominator": 1000, "1.1.1.numerator": 900 })));
    expect(await screen.findByRole("tab", { name: `${T.tabMapping} (18/18)` })).toBeInTheDocument();
    const summary = await runCheck(user);
    expect(summary).toHaveTextContent(/^Không có lỗi — có thể gửi\.$/);
    expect(summary).toHaveAttribute("data-can-send", "true");
    expect(severities()).toEqual([]);
    expect(screen.getByText(T.checkedSheets(["Số liệu"]))).toBeInTheDocument();
  });

  test("the programme's data rules (rulesets/checks) are applied: a cảnh báo alone still lets the file go", async () => {
    const user = userEvent.setup({ delay: null });
    // More officials (1.1.2's denominator) than adults (1.1.1's): rule can-bo-it-hon-dan-so-truong-thanh.
    renderPane(
      officeShell(
        await completePhuTho({ "1.1.1.denominator": 100, "1.1.1.numerator": 90, "1.1.2.denominator": 120, "1.1.2.numerator": 120 }),
      ),
    );
    await screen.findByRole("tab", { name: `${T.tabMapping} (18/18)` });
    const summary = await runCheck(user);
    expect(summary).toHaveTextContent(/^Không có lỗi — có thể gửi \(1 cảnh báo nên xem\)\.$/);
    expect(severities()).toEqual(["canh-bao"]);
    expect(group("canh-bao")).toHaveTextContent(/Tổng số cán bộ xã, khu dân cư \(mẫu số 1\.1\.2\) không nhỏ hơn dân số/);
  });

  test("an edit after the check marks it out of date", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(await completePhuTho({ "1.1.1.denominator": 1000 })));
    await screen.findByRole("tab", { name: `${T.tabMapping} (18/18)` });
    await runCheck(user);
    expect(screen.queryByText(T.checkStale)).not.toBeInTheDocument();
    setAsOf("2024-12-31");
    expect(screen.getByText(T.checkStale)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: T.checkAgain })).toBeInTheDocument();
  });

  test("an Excel error while reading becomes a Vietnamese message, no report", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    const editing = Object.assign(Object.create(wb) as MemoryWorkbook, {
      readSheet: async () => {
        throw Object.assign(new Error("cell edit mode"), { code: "InvalidOperationInCellEditMode" });
      },
    });
    renderPane(officeShell(editing));
    await chooseProgramme(user);
    await user.click(screen.getByRole("tab", { name: T.tabCheck }));
    await user.click(screen.getByRole("button", { name: T.runCheck }));
    expect(await screen.findByText(/Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc/)).toBeInTheDocument();
    expect(screen.queryByTestId("check-summary")).not.toBeInTheDocument();
  });

  test("is usable from the keyboard: the tab, the check and a cell are real buttons worked with Enter", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    wb.sheets[0]!.cells.set("B1", 1200);
    const shell = officeShell(wb);
    renderPane(shell);
    await chooseProgramme(user);
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    // Moving focus between controls (arrows, Tab) is Fluent's tabster, which needs a layout jsdom
    // lacks (the Chromium test tabs through it): here each control is focused and worked with Enter.
    act(() => screen.getByRole("tab", { name: T.tabCheck }).focus());
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: T.tabCheck })).toHaveAttribute("aria-selected", "true");
    act(() => screen.getByRole("button", { name: T.runCheck }).focus());
    await user.keyboard("{Enter}");
    await screen.findByTestId("check-summary");
    const link = screen.getByRole("button", { name: "'Số liệu'!B1" });
    expect(link.tagName).toBe("BUTTON");
    act(() => link.focus());
    await user.keyboard("{Enter}");
    expect(shell.select).toHaveBeenCalledWith("'Số liệu'!B1");
  });
});

describe("standalone page (no Excel)", () => {
  test("lists made and downloaded; cells in problems shown as text, not as buttons; the check runs on the file", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWithRoster();
    const download = jest.fn(async () => "so-lieu-ket-qua.xlsx");
    const shell: Shell = {
      mode: "standalone",
      openFile: jest.fn(async (file: File) => ({ title: file.name, port: wb, download })),
      makeTemplate: jest.fn(),
      offerTemplate: jest.fn(),
    };
    renderPane(shell);
    await user.upload(screen.getByTestId("xlsx-file-input"), new File([new Uint8Array([80, 75])], "so-lieu.xlsx"));
    await screen.findByText("so-lieu.xlsx");
    await chooseProgramme(user);
    setAsOf("2024-09-30");
    await user.click(screen.getByRole("tab", { name: T.tabLists }));
    expect(screen.getByRole("button", { name: T.download })).toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("button", { name: T.makeLists }));
    expect(await screen.findByText(T.listsWrittenStandalone(2))).toBeInTheDocument();
    const duplicate = screen.getByText(/^Trùng: "Nguyễn Văn An/).closest("li")!;
    expect(duplicate).toHaveAttribute("data-ref", "'Dân cư'!B3");
    expect(within(duplicate).getByText("'Dân cư'!B3")).toBeInTheDocument();
    expect(within(duplicate).queryByRole("button")).not.toBeInTheDocument();
    expect(within(listItem("PL03")).queryByRole("button")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.download }));
    expect(await screen.findByText(T.downloaded("so-lieu-ket-qua.xlsx"))).toBeInTheDocument();
    expect(download).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole("tab", { name: T.tabCheck }));
    expect(screen.queryByText(T.checkIntroSelect, { exact: false })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.runCheck }));
    const summary = await screen.findByTestId("check-summary");
    expect(summary).toHaveAttribute("data-can-send", "false");
    expect(within(group("loi")).queryAllByRole("button")).toEqual([]);
  });
});
