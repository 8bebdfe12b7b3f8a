/*
 * Builders for the pane's component tests: the real rulesets, a MemoryWorkbook for the Phú Thọ
 * programme, and a shell whose Excel abilities are jest mocks (no Office, no globals patched).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { fireEvent, render, screen } from "@testing-library/react";
import { cellRef } from "../../src/core/ref/a1";
import type { RawCell } from "../../src/core/text/cell";
import { MemoryWorkbook, type MemoryWorkbookInit } from "../../src/workbook/memory";
import type { WorkbookPort } from "../../src/workbook/port";
import { App } from "../../src/taskpane/App";
import type { Shell, WorkbookSession } from "../../src/taskpane/host/types";
import { catalogFrom, type Catalog } from "../../src/taskpane/rulesets";
import { T } from "../../src/taskpane/strings";

export const RULESETS_DIR = join(__dirname, "..", "..", "rulesets");
export const PHU_THO = "phu-tho-xa-thong-minh-2024";
export const PHU_THO_TITLE = "Mô hình thí điểm xã nông thôn mới thông minh tỉnh Phú Thọ đến năm 2025";

export function rulesetFiles(): Array<{ file: string; text: string }> {
  return readdirSync(RULESETS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: `rulesets/${f}`, text: readFileSync(join(RULESETS_DIR, f), "utf8") }));
}

/** rulesets/checks/*.json, as the pane bundles them. */
export function checkFiles(): Array<{ file: string; text: string }> {
  const dir = join(RULESETS_DIR, "checks");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: `rulesets/checks/${f}`, text: readFileSync(join(dir, f), "utf8") }));
}

let cached: Catalog | undefined;
export function catalog(): Catalog {
  cached ??= catalogFrom(rulesetFiles(), checkFiles());
  return cached;
}

/** Rows from A1 as a sheet's cells (null and undefined left blank). */
export function cellsOf(rows: readonly RawCell[][]): Record<string, RawCell> {
  const out: Record<string, RawCell> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) out[cellRef(r + 1, c + 1)] = v;
    }),
  );
  return out;
}

const born = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * A residents roster ("Dân cư") with what a clerk's roster gets wrong: Nguyễn Văn An typed twice
 * (rows 2 and 3), a row with no name (row 5) and one with no birth date (row 6).
 */
export const RESIDENTS: RawCell[][] = [
  ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Thôn", "Có điện thoại thông minh", "Có tài khoản thanh toán điện tử"],
  [1, "Nguyễn Văn An", born(1980, 3, 12), "Nam", "Thôn Đông", "Có", "Có"],
  [2, "Nguyễn Văn An", born(1980, 3, 12), "Nam", "Thôn Đông", "Có", "Có"],
  [3, "Lê Thị Bình", born(1990, 6, 1), "Nữ", "Thôn Đoài", "Có", "Không"],
  [4, null, born(1975, 1, 20), "Nữ", "Thôn Đoài", "Không", "Có"],
  [5, "Trần Văn Cường", null, "Nam", "Thôn Đoài", "Không", "Có"],
  [6, "Phạm Thị Dung", born(2012, 9, 9), "Nữ", "Thôn Đông", "Có", "Không"],
];

/**
 * A clerk's data sheet for Phú Thọ: 1.1.1 under the template's names (700 of 1000 adults: không
 * đạt, 150 short of 85%), 1.2.2 under its template name ("Có"), 1.2.3 under a name of the clerk's
 * own with the document's wording beside it, and a note no input should take.
 */
export function phuThoWorkbook(extra: Partial<MemoryWorkbookInit> = {}): MemoryWorkbook {
  return new MemoryWorkbook({ ...phuThoInit(), ...extra });
}

function phuThoInit(): MemoryWorkbookInit {
  return {
    sheets: [
      {
        name: "Số liệu",
        cells: {
          A1: "Số người từ 18 tuổi có điện thoại thông minh",
          B1: 700,
          A2: "Dân số từ 18 tuổi trở lên",
          B2: 1000,
          A3: "Có hệ thống một cửa điện tử",
          B3: "Có",
          A4: "Có tổ công nghệ số cộng đồng hoạt động hiệu quả",
          B4: "Có",
          A5: "Ghi chú",
          B5: "xem sổ",
        },
      },
    ],
    names: [
      { name: "ct_1_1_1_tu_so", formula: "'Số liệu'!$B$1" },
      { name: "ct_1_1_1_mau_so", formula: "'Số liệu'!$B$2" },
      { name: "ct_1_2_2_gia_tri", formula: "'Số liệu'!$B$3" },
      { name: "to_cns", formula: "'Số liệu'!$B$4" },
      { name: "ghi_chu", formula: "'Số liệu'!$B$5" },
    ],
  };
}

/** The Phú Thọ data sheet and a residents roster ("Dân cư", RESIDENTS unless given). */
export function phuThoWithRoster(rows: readonly RawCell[][] = RESIDENTS): MemoryWorkbook {
  const init = phuThoInit();
  return new MemoryWorkbook({ ...init, sheets: [...init.sheets, { name: "Dân cư", cells: cellsOf(rows) }] });
}

export type FakeShell = Shell & {
  select: jest.Mock<Promise<void>, [string]>;
  selectedCell: jest.Mock<Promise<string>, []>;
  makeTemplate: jest.Mock;
  offerTemplate: jest.Mock;
};

/** The pane inside "Excel": the port given, select and selected-cell recorded. */
export function officeShell(port: WorkbookPort): FakeShell {
  const select = jest.fn<Promise<void>, [string]>(async () => undefined);
  const selectedCell = jest.fn<Promise<string>, []>(async () => "'Số liệu'!B9");
  const session: WorkbookSession = { title: "Sổ tính đang mở trong Excel", port, select, selectedCell };
  return {
    mode: "office",
    initial: session,
    makeTemplate: jest.fn(async () => new Uint8Array([1, 2, 3])),
    offerTemplate: jest.fn(async () => ({ kind: "opened-in-excel" as const })),
    select,
    selectedCell,
  };
}

export function renderPane(shell: Shell) {
  return render(<App shell={shell} catalog={catalog()} />);
}

/** A promise to resolve by hand, for "is progress shown while it waits". */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Tên xã and Ngày báo cáo as a clerk types them (the date day first): writing asks for both. */
export function fillDetails(commune = "Xã Thử", date = "30/9/2024") {
  fireEvent.change(screen.getByLabelText(T.commune), { target: { value: commune } });
  fireEvent.change(screen.getByLabelText(T.asOf), { target: { value: date } });
}
