/*
 * Which Excel JavaScript API requirement sets the clerk's Excel has, and what that means in words.
 * The answer comes from Office.context.requirements.isSetSupported, passed in (never read from the
 * global here), so the task pane and the tests ask the same function.
 */

/** Office.context.requirements.isSetSupported, or a stand-in. */
export type IsSetSupported = (name: string, version: string) => boolean;

export const EXCEL_API = "ExcelApi";

/**
 * ExcelApi 1.4: sheet-scoped names (worksheet.names), getItemOrNullObject and
 * getUsedRangeOrNullObject. Excel 2016 bought once (MSI / volume licence) has only ExcelApi 1.1;
 * Excel 2019 has up to 1.8, Excel 2021 up to 1.14.
 */
export const MINIMUM_VERSION = "1.4";

/** What each later set adds to the adapter; without it the adapter does less and says what. */
export const OPTIONAL_FEATURES: ReadonlyArray<{ version: string; what: string }> = [
  { version: "1.6", what: "tô màu kết luận theo công thức (màu chỉ theo kết quả lúc ghi, không tự đổi khi sửa số liệu)" },
  {
    version: "1.7",
    what: "cố định dòng tiêu đề khi cuộn, đọc nguyên công thức của tên, biết sổ tính có khóa cấu trúc không, đưa độ rộng cột và chiều cao dòng cũ về mặc định khi ghi lại",
  },
  { version: "1.8", what: "biết sổ tính đang mở ở chế độ chỉ đọc" },
  { version: "1.9", what: "đặt khổ giấy A4, hướng trang, vừa một trang ngang, in lặp dòng tiêu đề và số trang" },
];

/**
 * What the adapter does only where Excel has the set, by the set it needs. The adapter's code gates
 * each on `can.<ability>` or `supports("<set>")`; the API contract test reads this table to know
 * which set a `can.<ability>` branch stands for.
 */
export const ABILITY_SETS = {
  conditionalFormats: "1.6",
  standardSizes: "1.7",
  freeze: "1.7",
  nameFormula: "1.7",
  workbookProtection: "1.7",
  readOnly: "1.8",
  page: "1.9",
} as const;

export type Abilities = { -readonly [K in keyof typeof ABILITY_SETS]: boolean };

export function abilitiesOf(isSetSupported: IsSetSupported): Abilities {
  const out = {} as Abilities;
  for (const [k, version] of Object.entries(ABILITY_SETS)) out[k as keyof Abilities] = supportsExcelApi(isSetSupported, version);
  return out;
}

export function supportsExcelApi(isSetSupported: IsSetSupported, version: string): boolean {
  try {
    return isSetSupported(EXCEL_API, version);
  } catch {
    // A host that cannot even answer the question has none of the sets.
    return false;
  }
}

/** Undefined when this Excel can run the add-in; otherwise what the clerk needs, in Vietnamese. */
export function checkRequirements(isSetSupported: IsSetSupported): string | undefined {
  if (supportsExcelApi(isSetSupported, MINIMUM_VERSION)) return undefined;
  return (
    `Excel này chưa có bộ API ${EXCEL_API} ${MINIMUM_VERSION} mà Chỉ tiêu xã cần (tên theo phạm vi trang, đọc vùng đã dùng). ` +
    "Cần Excel 2019 trở lên (Excel 2019, 2021, 2024), Microsoft 365 hoặc Excel trên web — Excel 2016 bản mua một lần chỉ có ExcelApi 1.1. " +
    "Hãy cập nhật Office, hoặc mở trang Chỉ tiêu xã trong trình duyệt và làm việc với tệp .xlsx"
  );
}

/** One note per later set this Excel lacks: what the add-in will leave undone there. */
export function featureNotes(isSetSupported: IsSetSupported): string[] {
  return OPTIONAL_FEATURES.filter((f) => !supportsExcelApi(isSetSupported, f.version)).map(
    (f) => `Excel này chưa có ${EXCEL_API} ${f.version} nên Chỉ tiêu xã chưa ${f.what} — các phần khác vẫn làm đủ`,
  );
}
