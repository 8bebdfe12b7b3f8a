/** @jest-environment jsdom */
/*
 * The pane's "Báo cáo" tab: the details typed, "Tạo báo cáo" hands a Word file to the clerk (the
 * download is a mock here; the browser test downloads it for real), and the details are remembered in
 * the workbook; without a wording file for the programme it says so and offers nothing.
 */
import "@testing-library/jest-dom";
import { readdirSync, readFileSync } from "fs";
import { TextDecoder, TextEncoder } from "util";
import { join } from "path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { parseMappingText } from "../../src/core/mapping/schema";
import { App } from "../../src/taskpane/App";
import { R } from "../../src/taskpane/report-strings";
import { wordingsFrom, type Wordings } from "../../src/taskpane/report-wordings";
import { T } from "../../src/taskpane/strings";
import { docxText } from "../report/docx-text";
import { catalog, officeShell, PHU_THO_TITLE, phuThoWorkbook, RULESETS_DIR } from "./fixtures";

// jsdom leaves out the encoders every browser has (the Word writer uses them).
Object.assign(globalThis, { TextEncoder, TextDecoder });

function wordings(): Wordings {
  const dir = join(RULESETS_DIR, "reports");
  return wordingsFrom(
    catalog().rulesets,
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => ({ file: `rulesets/reports/${f}`, text: readFileSync(join(dir, f), "utf8") })),
  );
}

async function chooseProgramme(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("combobox", { name: T.programme }));
  await user.click(await screen.findByRole("option", { name: new RegExp(PHU_THO_TITLE) }));
}

async function openReportTab(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(T.commune), "Xã Minh Tân");
  fireEvent.change(screen.getByLabelText(T.asOf), { target: { value: "2024-09-30" } });
  await user.click(await screen.findByRole("tab", { name: R.tab }));
}

test("Tạo báo cáo gives a .docx with the figures and the details, and remembers the details in the workbook", async () => {
  const user = userEvent.setup({ delay: null });
  const wb = phuThoWorkbook();
  const save = jest.fn<void, [Uint8Array, string]>();
  render(<App shell={officeShell(wb)} catalog={catalog()} report={{ wordings: wordings(), save }} />);
  await chooseProgramme(user);
  await user.click(await screen.findByRole("button", { name: T.acceptAll }));
  await openReportTab(user);
  await user.type(screen.getByLabelText(R.number), "15");
  await user.type(screen.getByLabelText(R.signer), "Nguyễn Văn An");
  await user.click(screen.getByRole("radio", { name: R.viceChairman }));
  await user.click(screen.getByRole("button", { name: R.make }));
  await waitFor(() => expect(save).toHaveBeenCalledTimes(1), { timeout: 20_000 });
  const [bytes, name] = save.mock.calls[0]!;
  expect(name).toBe("bao-cao-minh-tan-2024-09-30.docx");
  const text = await docxText(bytes);
  expect(text).toContain("Số: 15/BC-UBND");
  expect(text).toContain("Minh Tân, ngày 30 tháng 9 năm 2024");
  expect(text).toContain("PHÓ CHỦ TỊCH");
  expect(text).toContain("Nguyễn Văn An");
  // 700 of 1000 adults against ≥ 85%: 150 short.
  expect(text.find((p) => p.startsWith("- 1.1.1. "))).toMatch(
    /700\/1\.000 người .* đạt tỷ lệ 70,0%\. Đánh giá: Không đạt \(còn thiếu 150 người\)\./,
  );
  expect(await screen.findByText(new RegExp(`Đã tạo báo cáo ${name.replace(/\./g, "\\.")}`))).toBeInTheDocument();
  const stored = parseMappingText("sổ tính", (await wb.snapshot()).mappingText ?? "");
  expect(stored.ok && stored.mapping.report).toEqual({ number: "15", signer: "Nguyễn Văn An", signerTitle: "pho-chu-tich" });
}, 60_000);

test("without a wording file for the programme it says which file is missing and offers nothing", async () => {
  const user = userEvent.setup({ delay: null });
  const save = jest.fn();
  render(
    <App shell={officeShell(phuThoWorkbook())} catalog={catalog()} report={{ wordings: { byRuleset: new Map(), problems: [] }, save }} />,
  );
  await chooseProgramme(user);
  await openReportTab(user);
  await user.click(screen.getByRole("button", { name: R.make }));
  expect(await screen.findByText(R.noWording("phu-tho-xa-thong-minh-2024"))).toBeInTheDocument();
  expect(save).not.toHaveBeenCalled();
}, 60_000);
