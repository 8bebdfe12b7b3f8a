/*
 * Phụ lục 03–07 of the Phú Thọ smart-commune guidance (seed 001_7d4820e14f3ca244.txt, after Phụ lục
 * 02), as the lists are printed: the titles as the document writes them, the three columns, the
 * "Tổng cộng:" line and the confirmation blocks each template has. The notes of
 * rulesets/phu-tho-xa-thong-minh-2024.json record the same wording and its oddities.
 */
import { LIST_IDS, type FlagRole, type ListId, type RosterKind } from "./ids";

export const CONFIRM_COMMUNE = "Xác nhận của UBND xã";
export const CONFIRM_VILLAGE = "Xác nhận của khu dân cư";

/** Who is counted in the population the list is drawn from. */
export type Population = "adults" | "working-age" | "everyone" | "registered";

export type ListTemplate = {
  id: ListId;
  /** "Phụ lục 03": the first line, and the sheet's name. */
  appendix: string;
  /**
   * The title as the document writes it. Line breaks in the source (PL05 after "thanh toán", PL06
   * after "tài") come from the PDF's page width, not the template, so the title is one line here and
   * the layout wraps it to the sheet.
   */
  title: string;
  /** The second column's header. */
  nameHeader: string;
  /** The confirmation blocks, in the document's order (left to right). */
  confirmations: readonly string[];
  roster: RosterKind;
  /** Who must answer yes to be listed. */
  flag: FlagRole;
  population: Population;
  /** The unit of the count: "người", "cơ sở". */
  unit: string;
};

export const LIST_TEMPLATES: Readonly<Record<ListId, ListTemplate>> = {
  PL03: {
    id: "PL03",
    appendix: "Phụ lục 03",
    title: "Thống kê số lượng người ở độ tuổi trưởng thành có sử dụng điện thoại thông minh trong xã",
    nameHeader: "Họ và Tên",
    confirmations: [CONFIRM_COMMUNE, CONFIRM_VILLAGE],
    roster: "residents",
    flag: "smartphone",
    population: "adults",
    unit: "người",
  },
  PL04: {
    id: "PL04",
    appendix: "Phụ lục 04",
    title: "Thống kê số lượng cán bộ xã có sử dụng điện thoại thông minh",
    nameHeader: "Họ và Tên",
    confirmations: [CONFIRM_COMMUNE],
    roster: "officials",
    flag: "smartphone",
    population: "everyone",
    unit: "người",
  },
  PL05: {
    id: "PL05",
    appendix: "Phụ lục 05",
    title: "Thống kê danh sách người dân ở độ tuổi lao động có tài khoản thanh toán điện tử tại ngân hàng hoặc tổ chức được phép khác",
    nameHeader: "Họ và Tên",
    confirmations: [CONFIRM_COMMUNE, CONFIRM_VILLAGE],
    roster: "residents",
    flag: "paymentAccount",
    population: "working-age",
    unit: "người",
  },
  PL06: {
    id: "PL06",
    appendix: "Phụ lục 06",
    // Verbatim, verb missing as in the source ("kinh doanh [ứng dụng] các giải pháp"): not corrected.
    title: "Cơ sở sản xuất kinh doanh các giải pháp thanh toán thông qua tài khoản thanh toán điện tử tại ngân hàng hoặc các tổ chức khác",
    nameHeader: "Tên cơ sở sản xuất",
    confirmations: [CONFIRM_COMMUNE],
    roster: "businesses",
    flag: "onlinePayment",
    population: "registered",
    unit: "cơ sở",
  },
  PL07: {
    id: "PL07",
    appendix: "Phụ lục 07",
    title: "HTX, cơ sở sản xuất ứng dụng công nghệ số trong quản lý sản xuất và truy xuất nguồn gốc sản phẩm nông nghiệp",
    // The source's header reads "Tên có sở sản xuất", a typing slip for "cơ sở" (its PL06 has it right);
    // a signed list should not carry it, so the header is corrected here.
    nameHeader: "Tên cơ sở sản xuất",
    confirmations: [CONFIRM_COMMUNE],
    roster: "cooperatives",
    flag: "digitalTech",
    population: "everyone",
    unit: "cơ sở",
  },
};

/** "PL03,pl05" → ["PL03", "PL05"]; unknown ids come back separately. */
export function parseListIds(text: string): { ids: ListId[]; unknown: string[] } {
  const ids: ListId[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;\s]+/).filter((p) => p !== "")) {
    const m = /^(?:pl|phuluc|phụlục)?0?([3-7])$/i.exec(part.replace(/[\s_-]/g, ""));
    const id = m ? (`PL0${m[1]}` as ListId) : undefined;
    if (id && LIST_IDS.includes(id)) {
      if (!ids.includes(id)) ids.push(id);
    } else unknown.push(part);
  }
  return { ids: LIST_IDS.filter((id) => ids.includes(id)), unknown };
}
