/*
 * Corpus cases on what the clerk typed in their own sheets: summaries and verdicts that disagree with the
 * figures, personal data that must not travel with the file, and text in legacy Vietnamese encodings.
 */
import { NAMES, reportSheet, rosterSheet } from "./builders";
import { book, people, TH, th, type Case } from "./corpus-kit";

export const CLERK_TEXT_CASES: Case[] = [
  /* ------------------------------------------------------------ what the clerk typed */
  {
    name: "a typed summary whose count of passes disagrees with the verdicts (Xã hội số: đạt 7/12)",
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [reportSheet("Tổng hợp", ["Xã hội số: đạt 7/12 chỉ tiêu", "Hạ tầng số: 8/8 đạt"])],
    }),
    expect: [
      { id: "summary-passed-mismatch", code: "3", ref: "'Tổng hợp'!A1", says: /5\/12.*3\.2, 3\.3, 3\.5, 3\.9, 3\.10, 3\.11, 3\.12/ },
    ],
  },
  {
    name: "a typed summary in a table: group name in B, summary in C of the same row",
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [
        {
          name: "Tổng hợp",
          rows: [
            ["Nhóm", "Tên nhóm", "Kết quả"],
            ["1", "Chính quyền số", "10/10 chỉ tiêu"],
            ["2", "Kinh tế số", "5/6 chỉ tiêu"],
          ],
        },
      ],
    }),
    expect: [{ id: "summary-passed-mismatch", code: "2", ref: "'Tổng hợp'!C3" }],
  },
  {
    name: '"Đạt" typed in the indicator\'s own row while it fails (3.2: 58,6% < 80%)',
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [
        {
          name: "Đánh giá",
          rows: [
            ["Mã", "Chỉ tiêu", "Kết quả", "Đánh giá"],
            ["3.2", "Tài khoản thanh toán", "58,6%", "Đạt"],
            ["3.4", "Điện thoại thông minh", "71,9%", "Đạt"],
          ],
        },
      ],
    }),
    expect: [{ id: "typed-verdict-mismatch", code: "3.2", ref: "'Đánh giá'!D2", count: 1, says: /không đạt.*Còn thiếu 854 người/ }],
  },
  {
    name: '"c) Đánh giá: Chưa đạt" under a report heading for an indicator that passes (3.6)',
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [reportSheet("Báo cáo", ["3.6. Tiêu chí số 3.6", "b) Kết quả: 864/3986, đạt tỷ lệ 21,7%.", "c) Đánh giá: Chưa đạt."])],
    }),
    expect: [{ id: "typed-verdict-mismatch", code: "3.6", ref: "'Báo cáo'!A3" }],
  },
  {
    name: "a typed share above 100% without a percentage",
    xlsx: false,
    build: book(false, { ruleset: TH, figures: th(), sheets: [reportSheet("Ghi chú", ["Số hộ đạt chuẩn: 1502/1396 hộ"])] }),
    expect: [{ id: "typed-share-over-100", ref: "'Ghi chú'!A1" }],
  },
  {
    name: "dates, document numbers, 4G/5G, 24/7, targets and right percentages are not ratios to fault",
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [
        reportSheet("Văn bản", [
          "Quyết định số 191/QĐ-UBND ngày 11/01/2022; Nghị quyết 59/NQ-HĐND ngày 29/12/2023",
          "Phủ sóng 4G/5G, trực 24/7, 2/3 số thôn có nhà văn hóa",
          "Tỷ lệ 2335/3986 người, yêu cầu 80%",
          "9/13 doanh nghiệp đạt 69,2%; 1/3 = 33%",
        ]),
      ],
    }),
    expect: [],
  },

  /* ------------------------------------------------------------ personal data */
  {
    name: "a roster with a CCCD column (real file): lỗi, pointing at the header",
    xlsx: true,
    build: book(true, {
      ruleset: TH,
      figures: th(),
      sheets: [
        rosterSheet(
          "Dân cư",
          people(12).map((p, i) => ({ ...p, extra: [`0381${String(90000000 + i * 1234).padStart(8, "0")}`] })),
          ["Số CCCD"],
        ),
      ],
    }),
    expect: [{ id: "personal-id-column", ref: "'Dân cư'!G1", count: 1, says: /12 ô giống số căn cước/ }],
  },
  {
    name: "a column of 12-digit citizen IDs without a header",
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [{ name: "Tạm", rows: Array.from({ length: 6 }, (_, i) => [NAMES[i]!, `0012${String(3456789 + i).padStart(8, "0")}`]) }],
    }),
    expect: [{ id: "personal-id-column", ref: "'Tạm'!B1", says: /cột B/ }],
  },
  {
    name: "bank account numbers beside a yes/no account column (real file): only the numbers are faulted",
    xlsx: true,
    build: book(true, {
      ruleset: TH,
      figures: th(),
      sheets: [
        rosterSheet(
          "Tài khoản",
          people(8).map((p, i) => ({ ...p, extra: [`1903${String(5512345 + i * 77)}`] })),
          ["Số tài khoản"],
        ),
      ],
    }),
    expect: [{ id: "personal-id-column", count: 1, ref: "'Tài khoản'!G1", says: /số tài khoản/ }],
  },
  {
    name: "citizen IDs in a hidden sheet (real file): it travels with the file",
    xlsx: true,
    build: book(true, {
      ruleset: TH,
      figures: th(),
      sheets: [{ name: "Ẩn", hidden: true, rows: [["Họ và tên", "CMND/CCCD"], ...NAMES.map((n, i) => [n, 1012345678 + i])] }],
    }),
    expect: [{ id: "personal-id-column", says: /trang đang ẩn/ }],
  },

  /* ------------------------------------------------------------ legacy encodings */
  {
    name: "a roster typed in TCVN3 (.VnTime), real file: cảnh báo with the Unicode suggested",
    xlsx: true,
    build: book(true, {
      ruleset: TH,
      figures: th(),
      sheets: [
        {
          name: "Danh s¸ch",
          rows: [
            ["STT", "Hä vµ tªn", "Th«n"],
            [1, "NguyÔn V¨n An", "Th«n 1"],
            [2, "TrÇn ThÞ B×nh", "Th«n 2"],
            [3, "Lª V¨n C­êng", "Th«n 3"],
          ],
        },
      ],
    }),
    expect: [{ id: "legacy-encoding", count: 1, ref: "'Danh s¸ch'!B1", says: /TCVN3.*"Họ và tên"/ }],
  },
  {
    name: "text typed in VNI: cảnh báo naming VNI, suggesting Hà Nội",
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [{ name: "Ghi chú", rows: [["Nôi nhaän: Sôû TT&TT Haø Noäi"], ["Ngöôøi laäp bieåu"]] }],
    }),
    expect: [{ id: "legacy-encoding", count: 1, says: /VNI.*Hà Nội/ }],
  },
  {
    name: 'a group summary typed in TCVN3 is still read: 11/11 under "1. ChÝnh quyÒn sè"',
    xlsx: false,
    build: book(false, {
      ruleset: TH,
      figures: th(),
      sheets: [reportSheet("B¸o c¸o", ["1. ChÝnh quyÒn sè", "- ChØ tiªu ®¹t: 11/11 chØ tiªu, ®¹t 100%"])],
    }),
    expect: [{ id: "summary-total-mismatch", code: "1" }, { id: "legacy-encoding" }],
  },
];
