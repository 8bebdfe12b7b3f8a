/** The texts of the roll-up panel ("Tổng hợp nhiều xã"), in Vietnamese. */
export const RU = {
  title: "Tổng hợp nhiều xã",
  intro:
    "Dành cho cán bộ tỉnh nhận sổ tính của các xã: chọn hoặc kéo thả tất cả các tệp .xlsx, trang sẽ đọc từng tệp ngay trên máy này (không gửi đi đâu) và cho tải về bảng tổng hợp: Tổng hợp theo xã, Theo chỉ tiêu, Cần gửi lại.",
  dropZone: "Vùng kéo thả tệp của các xã",
  dropHint: "Kéo thả các tệp .xlsx của các xã vào đây, hoặc",
  dropActive: "Thả tệp để thêm vào danh sách",
  choose: "Chọn tệp…",
  chooseFolder: "Chọn thư mục…",
  chosen: (n: number) => `Đã chọn ${n} tệp`,
  skipped: (n: number) => `bỏ qua ${n} tệp tạm hoặc ẩn (~$…)`,
  fileList: "Các tệp đã chọn",
  clear: "Bỏ chọn tất cả",
  run: "Tổng hợp",
  cancel: "Dừng",
  cancelled: "Đã dừng tổng hợp. Bấm Tổng hợp để chạy lại.",
  reading: (done: number, total: number, file: string) => `Đã xong ${done}/${total} tệp — đang đọc ${file}`,
  writing: (total: number) => `Đã đọc ${total}/${total} tệp — đang ghi bảng tổng hợp…`,
  progress: "Tiến độ tổng hợp",
  starting: "Đang khởi động…",
  done: (files: number) => `Đã tổng hợp ${files} tệp; bảng tổng hợp đã được tải về.`,
  programme: (communes: number, dat: number, withErrors: number, notCurrent: number) =>
    `${communes} xã — ${dat} xã đạt chung; ${withErrors} xã còn lỗi cần gửi lại; ${notCurrent} xã có trang trạng thái chưa cập nhật hoặc chưa có.`,
  apart: "Tệp không tính vào tổng hợp (có dòng ghi lý do trong bảng):",
  download: (name: string) => `Tải lại ${name}`,
  nothingChosen: "Chưa chọn tệp nào — hãy chọn hoặc kéo thả các tệp .xlsx của các xã.",
} as const;
