/** The texts of the "Báo cáo" tab, in Vietnamese. */
export const R = {
  tab: "Báo cáo",
  intro:
    "Dự thảo báo cáo kết quả (Word .docx) theo mẫu của bộ tiêu chí, điền sẵn số liệu và kết quả đánh giá. Các phần do cán bộ viết và số liệu còn thiếu được tô vàng.",
  number: "Số báo cáo",
  numberHint: "Ví dụ 15 → Số: 15/BC-UBND. Để trống nếu văn thư ghi số khi phát hành.",
  date: "Ngày ký",
  dateHint: "Để trống thì lấy ngày báo cáo.",
  place: "Địa danh",
  placeHint: "Để trống thì lấy tên xã.",
  recipient: "Kính gửi",
  signer: "Người ký",
  signerTitle: "Chức vụ người ký",
  chairman: "Chủ tịch",
  viceChairman: "Phó Chủ tịch (ký thay)",
  make: "Tạo báo cáo",
  making: "Đang tạo báo cáo…",
  made: (name: string) => `Đã tạo báo cáo ${name}; thông tin báo cáo (số, ngày, người ký) được lưu trong sổ tính.`,
  open: (n: number) => `Còn ${n} chỉ tiêu chưa đánh giá được (thiếu hoặc sai số liệu): đã tô vàng trong báo cáo, cần bổ sung trước khi ký.`,
  noWording: (id: string) => `Chưa có lời văn báo cáo cho bộ tiêu chí "${id}" (tệp rulesets/reports/${id}.json).`,
  wordingProblems: "Một số tệp lời văn báo cáo bị lỗi và không được dùng:",
  cannotMake: "Chưa tạo được báo cáo:",
  noDownload:
    "Nơi đang mở Chỉ tiêu xã không tải tệp xuống được — hãy mở trang độc lập của Chỉ tiêu xã trong trình duyệt (Chrome, Edge, Firefox) để tải báo cáo.",
} as const;
