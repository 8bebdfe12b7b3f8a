import type { PageSetup } from "./model";

/*
 * The presentation of an administrative document, Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ
 * thuật trình bày văn bản hành chính): A4; top and bottom margins 20–25 mm, left 30–35 mm, right
 * 15–20 mm; Times New Roman (Unicode, TCVN 6909:2001); the body 13–14 pt, paragraphs indented
 * 1–1,27 cm, at least 6 pt apart, line spacing from single to 1,5 lines. The values chosen inside each
 * range are the ones below; the tests read them back from the file.
 */
export const ND30_PAGE: PageSetup = { widthMm: 210, heightMm: 297, margins: { top: 20, bottom: 20, left: 30, right: 15 } };
export const ND30_FONT = "Times New Roman";
export const ND30_SIZE = {
  body: 14,
  /** Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13 pt, upper case, bold. */
  nation: 12,
  /** Tiêu ngữ "Độc lập - Tự do - Hạnh phúc": 13–14 pt, bold. */
  motto: 13,
  /** Tên cơ quan ban hành: 12–13 pt, upper case, bold. */
  issuer: 13,
  /** "Số: …/BC-UBND": 13 pt. */
  number: 13,
  /** Địa danh, ngày tháng: 13–14 pt, italic. */
  placeDate: 14,
  /** Tên loại "BÁO CÁO" and trích yếu: 13–14 pt, bold. */
  title: 14,
  /** "Nơi nhận:" 12 pt bold italic; its lines 11 pt. */
  recipientsHeading: 12,
  recipients: 11,
  /** Quyền hạn, chức vụ người ký and the name: 13–14 pt, bold. */
  signature: 14,
} as const;
export const ND30_LINE_SPACING = 1.15;
export const ND30_PARAGRAPH_SPACE_PT = 6;

/**
 * "ngày 05 tháng 01 năm 2025": a day below 10 and the months 1 and 2 take a leading zero
 * (Phụ lục I, mục II.5), so a date cannot be altered by writing a digit in front.
 */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}
