/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { STATUS_SHEET_NAME } from "../../src/core/layout/status";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { WorkbookError } from "../../src/workbook/port";
import type { Shell } from "../../src/taskpane/host/types";
import { T } from "../../src/taskpane/strings";
import { deferred, fillDetails, officeShell, PHU_THO_TITLE, phuThoWorkbook, renderPane } from "./fixtures";

async function chooseProgramme(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("combobox", { name: T.programme }));
  await user.click(await screen.findByRole("option", { name: new RegExp(PHU_THO_TITLE) }));
  await screen.findByRole("tab", { name: new RegExp(T.tabMapping) });
}

async function evaluate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getAllByRole("button", { name: T.evaluate })[0]!);
  return screen.findByRole("region", { name: T.tabResults });
}

const item = (code: string) => document.querySelector(`li[data-code="${code}"]`) as HTMLElement;

describe("task pane inside Excel (a MemoryWorkbook behind the port)", () => {
  test("lists the programmes grouped by province, each with its issuing document", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await user.click(await screen.findByRole("combobox", { name: T.programme }));
    const listbox = await screen.findByRole("listbox");
    const groups = within(listbox).getAllByRole("group");
    expect(
      groups.map((g) => g.getAttribute("aria-labelledby") && document.getElementById(g.getAttribute("aria-labelledby")!)?.textContent),
    ).toEqual(["Hà Nam", "Hà Tĩnh", "Phú Thọ", "Thanh Hóa"]);
    const option = within(listbox).getByRole("option", { name: new RegExp(PHU_THO_TITLE) });
    expect(option).toHaveTextContent("Sở Thông tin và Truyền thông tỉnh Phú Thọ");
    expect(option).toHaveTextContent("tháng 10/2024");
  });

  test("marks proposed names with their reason and accepts them all", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    expect(await screen.findByText(T.proposalsSummary(4))).toBeInTheDocument();
    expect(screen.getByText(/Tên "ct_1_1_1_tu_so" theo mẫu của Chỉ tiêu xã/)).toBeInTheDocument();
    expect(screen.getByText(/Nhãn "Có tổ công nghệ số cộng đồng hoạt động hiệu quả" \(ô 'Số liệu'!A4\)/)).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: `${T.tabMapping} (0/18)` })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    expect(screen.getByRole("tab", { name: `${T.tabMapping} (4/18)` })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: T.acceptAll })).not.toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: /^1\.2\.3 — / })).toHaveValue("to_cns");
  });

  test("a name typed into the searchable list is kept; clearing removes it", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    const box = screen.getByRole("combobox", { name: /^1\.2\.1 — Số hồ sơ/ });
    await user.click(box);
    await user.type(box, "ghi");
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["ghi_chu'Số liệu'!$B$5"]);
    await user.click(options[0]!);
    expect(box).toHaveValue("ghi_chu");
    expect(screen.getByRole("tab", { name: `${T.tabMapping} (1/18)` })).toBeInTheDocument();
    await user.clear(box);
    await user.tab();
    expect(screen.getByRole("tab", { name: `${T.tabMapping} (0/18)` })).toBeInTheDocument();
  });

  test("'use the selected cell' maps the input to the cell selected in Excel", async () => {
    const user = userEvent.setup({ delay: null });
    const shell = officeShell(phuThoWorkbook());
    renderPane(shell);
    await chooseProgramme(user);
    const slot = document.querySelector('[data-slot="1.3.1|numerator"]') as HTMLElement;
    await user.click(within(slot).getByRole("button", { name: T.useSelected }));
    await waitFor(() => expect(within(slot).getByRole("combobox")).toHaveValue("'Số liệu'!B9"));
    expect(shell.selectedCell).toHaveBeenCalledTimes(1);
  });

  test("evaluates: verdict badges, ratio, requirement, shortfall; filters to không đạt and thiếu số liệu", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    await evaluate(user);
    const first = item("1.1.1");
    expect(first).toHaveAttribute("data-verdict", "khong-dat");
    expect(within(first).getByText("Không đạt")).toBeInTheDocument();
    expect(first).toHaveTextContent("70,0%");
    expect(first).toHaveTextContent(/Yêu cầu: ≥ 85/);
    expect(first).toHaveTextContent(/150 người/);
    expect(item("1.2.2")).toHaveAttribute("data-verdict", "dat");
    // The Phú Thọ model counts its four groups ("nội dung"); none passes with most inputs missing.
    expect(screen.getByTestId("overall")).toHaveTextContent(/Không đạtSố đạt: 0\/4 nội dung/);

    await user.click(screen.getByRole("button", { name: `${T.filterFailed} (1)` }));
    expect(document.querySelectorAll("li[data-code]")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: `${T.filterMissing} (10)` }));
    expect([...document.querySelectorAll("li[data-code]")].every((li) => li.getAttribute("data-verdict") === "thieu-so-lieu")).toBe(true);
    expect(screen.getByRole("button", { name: `${T.filterMissing} (10)` })).toHaveAttribute("aria-pressed", "true");
  });

  test("a source reference, clicked, selects its cell in Excel", async () => {
    const user = userEvent.setup({ delay: null });
    const shell = officeShell(phuThoWorkbook());
    renderPane(shell);
    await chooseProgramme(user);
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    await evaluate(user);
    await user.click(within(item("1.1.1")).getByRole("button", { name: /ct_1_1_1_tu_so/ }));
    expect(shell.select).toHaveBeenCalledWith("'Số liệu'!B1");
  });

  test("a problem's cell, clicked, selects it; a failed selection becomes a message", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    wb.sheets[0]!.cells.set("B1", "bảy trăm");
    const shell = officeShell(wb);
    shell.select.mockRejectedValueOnce(new WorkbookError("Không chọn được 'Số liệu'!B1 trong Excel", "not-found"));
    renderPane(shell);
    await chooseProgramme(user);
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    await evaluate(user);
    const bad = item("1.1.1");
    expect(bad).toHaveAttribute("data-verdict", "loi-so-lieu");
    const link = within(bad).getAllByRole("button", { name: "'Số liệu'!B1" })[0]!;
    await user.click(link);
    expect(shell.select).toHaveBeenCalledWith("'Số liệu'!B1");
    expect(await screen.findByText(/Không chọn được 'Số liệu'!B1 trong Excel/)).toBeInTheDocument();
  });

  test("writes the status sheet and stores the mapping in the workbook", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    renderPane(officeShell(wb));
    await chooseProgramme(user);
    await user.clear(screen.getByLabelText(T.commune));
    await user.type(screen.getByLabelText(T.commune), "Xã Thử");
    await user.type(screen.getByLabelText(T.asOf), "30/6/2024");
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    await evaluate(user);
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    expect(await screen.findByText(T.written(STATUS_SHEET_NAME))).toBeInTheDocument();
    const snap = await wb.snapshot();
    expect(snap.sheets.map((s) => s.name)).toContain(STATUS_SHEET_NAME);
    expect(JSON.parse(snap.mappingText!)).toMatchObject({
      ruleset: "phu-tho-xa-thong-minh-2024",
      commune: "Xã Thử",
      asOf: "2024-06-30",
      indicators: { "1.2.3": { value: "to_cns" } },
    });
  });

  test("writing without Tên xã or Ngày báo cáo asks for them beside the button and writes nothing", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    renderPane(officeShell(wb));
    await chooseProgramme(user);
    await evaluate(user);
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    const results = screen.getByRole("region", { name: T.tabResults });
    expect(within(results).getByText(T.writeNeedsDetails([T.commune, T.asOf]))).toBeInTheDocument();
    expect((await wb.snapshot()).sheets.map((s) => s.name)).not.toContain(STATUS_SHEET_NAME);
    fillDetails();
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    expect(await within(results).findByText(T.written(STATUS_SHEET_NAME))).toBeInTheDocument();
  });

  test("what Excel could not do while writing is said beside the success", async () => {
    const user = userEvent.setup({ delay: null });
    const shell = officeShell(phuThoWorkbook());
    shell.initial!.notes = () => ["Sổ tính đang mở chỉ đọc: các trang vừa ghi sẽ mất nếu không lưu thành bản khác"];
    renderPane(shell);
    await chooseProgramme(user);
    fillDetails();
    await evaluate(user);
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    expect(await screen.findByText(/Đã ghi trang “Trạng thái chỉ tiêu”.*Sổ tính đang mở chỉ đọc/)).toBeInTheDocument();
  });

  test("a stored mapping naming a name the workbook lacks: refused in its row, not counted, and reported before anything is evaluated", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    await wb.writeSheets(
      [],
      JSON.stringify({
        ruleset: "phu-tho-xa-thong-minh-2024",
        indicators: { "1.2.4": { value: "khong_co" }, "1.2.2": { value: "ct_1_2_2_gia_tri" } },
      }),
    );
    renderPane(officeShell(wb));
    expect(await screen.findByRole("tab", { name: `${T.tabMapping} (1/18)` })).toBeInTheDocument();
    expect(screen.getByText(T.notAName("khong_co"))).toBeInTheDocument();
    await user.click(screen.getAllByRole("button", { name: T.evaluate })[0]!);
    expect(await screen.findByText(T.requestProblems)).toBeInTheDocument();
    expect(screen.getByText(/không tìm thấy tên "khong_co"/)).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: T.tabResults })).toBeDisabled();
  });

  test("opens on the programme stored in the workbook, with its commune and report date", async () => {
    const wb = phuThoWorkbook();
    await wb.writeSheets(
      [],
      JSON.stringify({
        ruleset: "phu-tho-xa-thong-minh-2024",
        commune: "Xã Minh Tân",
        asOf: "2024-09-30",
        indicators: { "1.2.2": { value: "ct_1_2_2_gia_tri" } },
      }),
    );
    renderPane(officeShell(wb));
    expect(await screen.findByRole("tab", { name: `${T.tabMapping} (1/18)` })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: T.programme })).toHaveTextContent(PHU_THO_TITLE);
    expect(screen.getByLabelText(T.commune)).toHaveValue("Xã Minh Tân");
    expect(screen.getByLabelText(T.asOf)).toHaveValue("30/09/2024");
  });

  test("a workbook without names gets a clear state offering the template", async () => {
    const user = userEvent.setup({ delay: null });
    const shell = officeShell(new MemoryWorkbook({ sheets: [{ name: "Sheet1" }] }));
    renderPane(shell);
    expect(await screen.findByText(T.noNamesTitle)).toBeInTheDocument();
    const make = screen.getByRole("button", { name: T.makeTemplate });
    expect(make).toHaveAttribute("aria-disabled", "true");
    await chooseProgramme(user);
    await user.click(screen.getByRole("button", { name: T.makeTemplate }));
    expect(await screen.findByText(T.templateOpened)).toBeInTheDocument();
    expect(shell.makeTemplate).toHaveBeenCalledWith(expect.objectContaining({ id: "phu-tho-xa-thong-minh-2024" }), {
      commune: undefined,
      asOf: undefined,
    });
    expect(shell.offerTemplate).toHaveBeenCalledWith(new Uint8Array([1, 2, 3]), "so-mau-phu-tho-xa-thong-minh-2024.xlsx");
  });

  test("shows progress while the workbook is slow to answer", async () => {
    const wb = phuThoWorkbook();
    const gate = deferred<void>();
    const slow = Object.assign(Object.create(wb) as MemoryWorkbook, {
      snapshot: async () => {
        await gate.promise;
        return wb.snapshot();
      },
    });
    renderPane(officeShell(slow));
    expect(await screen.findByRole("status")).toHaveTextContent(T.readingNames);
    await act(async () => gate.resolve());
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(""));
  });

  test("an Excel error becomes a Vietnamese message saying what to do", async () => {
    const wb = phuThoWorkbook();
    const editing = Object.assign(Object.create(wb) as MemoryWorkbook, {
      snapshot: async () => {
        throw Object.assign(new Error("The operation is not allowed in cell edit mode"), { code: "InvalidOperationInCellEditMode" });
      },
    });
    renderPane(officeShell(editing));
    expect(await screen.findByText(/Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc/)).toBeInTheDocument();
  });

  test("is usable from the keyboard: tab to the programme picker and choose with arrows and Enter", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    const picker = await screen.findByRole("combobox", { name: T.programme });
    act(() => picker.focus());
    await user.keyboard("{Enter}");
    await screen.findByRole("listbox");
    // Options in document order: Hà Nam ×4, Hà Tĩnh, Phú Thọ is the sixth.
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}{Enter}");
    expect(await screen.findByRole("tab", { name: new RegExp(T.tabMapping) })).toBeInTheDocument();
    expect(picker).toHaveTextContent(PHU_THO_TITLE);
  });
});

describe("standalone page (no Excel)", () => {
  test("opens the chosen .xlsx through the shell and works on it", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    const download = jest.fn(async () => "so-lieu-ket-qua.xlsx");
    const shell: Shell = {
      mode: "standalone",
      openFile: jest.fn(async (file: File) => ({ title: file.name, port: wb, download })),
      makeTemplate: jest.fn(),
      offerTemplate: jest.fn(),
      notice: { intent: "info", text: "Trang đang mở trên trình duyệt" },
    };
    renderPane(shell);
    expect(screen.getByText(/Trang đang mở trên trình duyệt/)).toBeInTheDocument();
    const file = new File([new Uint8Array([80, 75])], "so-lieu.xlsx");
    await user.upload(screen.getByTestId("xlsx-file-input"), file);
    expect(shell.openFile).toHaveBeenCalledWith(file);
    expect(await screen.findByText("so-lieu.xlsx")).toBeInTheDocument();
    await chooseProgramme(user);
    expect(screen.queryByRole("button", { name: T.useSelected })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.acceptAll }));
    await evaluate(user);
    // Source references are plain text without Excel to select in.
    expect(within(item("1.1.1")).queryByRole("button", { name: /ct_1_1_1_tu_so/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: T.download })).toHaveAttribute("aria-disabled", "true");
    fillDetails("Xã Cũ");
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    expect(await screen.findByText(T.writtenStandalone(STATUS_SHEET_NAME))).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.download }));
    expect(await screen.findByText(T.downloaded("so-lieu-ket-qua.xlsx"))).toBeInTheDocument();
    expect(download).toHaveBeenCalledTimes(1);

    // A change after the write: the status sheet is out of date, and the download writes it again first.
    const writesBefore = wb.roundTrips;
    fillDetails("Xã Mới");
    await user.click(screen.getByRole("button", { name: T.download }));
    expect(await screen.findByText(T.downloaded("so-lieu-ket-qua.xlsx"))).toBeInTheDocument();
    expect(download).toHaveBeenCalledTimes(2);
    expect(wb.roundTrips).toBeGreaterThan(writesBefore);
    expect(JSON.parse((await wb.snapshot()).mappingText!)).toMatchObject({ commune: "Xã Mới" });
    const status = wb.sheets.find((x) => x.name === STATUS_SHEET_NAME)!;
    expect([...status.cells.values()].some((v) => typeof v === "string" && v.includes("Xã Mới"))).toBe(true);

    // When it cannot be written again (no Tên xã), nothing is downloaded and the pane says why.
    fireEvent.change(screen.getByLabelText(T.commune), { target: { value: "" } });
    await user.click(screen.getByRole("button", { name: T.download }));
    expect(await screen.findByText(/Chưa tải về: các trang “Trạng thái chỉ tiêu”/)).toBeInTheDocument();
    expect(download).toHaveBeenCalledTimes(2);
  });
});
