import { VERDICT_TEXT, type Evaluation } from "../evaluate/result";
import type { ListId } from "../lists/ids";
import { LIST_TEMPLATES } from "../lists/templates";
import type { Ruleset } from "../ruleset/schema";
import { indicatorsOf } from "../ruleset/walk";
import { kindOf } from "../kinds/registry";
import { formatInteger } from "../text/format";
import type { ReportDetails } from "./details";
import { textWidthMm, type Block, type Cell, type Paragraph, type ReportDocument, type Run } from "./model";
import { ND30_FONT, ND30_LINE_SPACING, ND30_PAGE, ND30_PARAGRAPH_SPACE_PT, ND30_SIZE, vietnameseDate } from "./nd30";
import { upperFirst } from "./phrases";
import { resultsParagraphs, type ParagraphMaker } from "./results";
import { fillPlaceholders, type ReportSection, type ReportWording } from "./wording";

export type ReportInput = {
  ruleset: Ruleset;
  evaluation: Evaluation;
  wording: ReportWording;
  /** The commune as the mapping names it: "Xã Hà Tân" or "Hà Tân". */
  commune?: string | undefined;
  details?: ReportDetails | undefined;
  /** The total of each appendix list built from the rosters; an indicator's own figure is said when a list was not built. */
  listCounts?: Partial<Record<ListId, number>> | undefined;
};

const BLANK = "……";

/** "Xã Hà Tân" and "Hà Tân" both give "Hà Tân". */
export function communeName(commune: string | undefined): string | undefined {
  const name = commune
    ?.normalize("NFC")
    .trim()
    .replace(/^xã\s+/iu, "")
    .trim();
  return name === "" ? undefined : name;
}

/** Text with the template's blanks ("……/HD-STTTT") marked to fill, so a clerk cannot sign one unfilled. */
function withBlanks(text: string): Run[] {
  return text
    .split(/(…{2,}|\.{4,})/)
    .filter((t) => t !== "")
    .map((t) => (/^(…{2,}|\.{4,})$/.test(t) ? { text: t, toFill: true } : { text: t }));
}

const para = (runs: Run[] | string, opts: Omit<Paragraph, "type" | "runs"> = {}): Paragraph => ({
  type: "paragraph",
  runs: typeof runs === "string" ? withBlanks(runs) : runs,
  ...opts,
});

const centred = (text: string, run: Omit<Run, "text">, opts: Omit<Paragraph, "type" | "runs"> = {}): Paragraph =>
  para([{ text, ...run }], { align: "center", spaceAfterPt: 0, ...opts });

const body: ParagraphMaker["body"] = (runs) => para(runs, { align: "justify", indent: true, spaceAfterPt: ND30_PARAGRAPH_SPACE_PT });
const heading: ParagraphMaker["heading"] = (text) =>
  para([{ text, bold: true }], { align: "justify", indent: true, spaceAfterPt: ND30_PARAGRAPH_SPACE_PT, keepNext: true });

/** Nghị định 30/2020, Phụ lục I, mục II.4: a number below 10 takes a leading zero ("Số: 08/BC-UBND"). */
export function documentNumber(n: string): string {
  return /^[1-9]$/.test(n) ? `0${n}` : n;
}

/** Quốc hiệu and tiêu ngữ on the right, the issuing body and the number on the left (Nghị định 30/2020, Phụ lục I). */
function headerBlock(name: string | undefined, details: ReportDetails, placeDate: Run[]): Block {
  const left: Cell[] = [
    centred("ỦY BAN NHÂN DÂN", { bold: true, sizePt: ND30_SIZE.issuer }),
    centred(name ? `XÃ ${name.toLocaleUpperCase("vi")}` : `XÃ ${BLANK}`, {
      bold: true,
      sizePt: ND30_SIZE.issuer,
      ...(name ? {} : { toFill: true }),
    }),
    { type: "rule", widthMm: 22 },
    centred(
      `Số: ${details.number ? documentNumber(details.number) : "      "}/BC-UBND`,
      { sizePt: ND30_SIZE.number },
      { spaceBeforePt: 6 },
    ),
  ];
  const right: Cell[] = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, sizePt: ND30_SIZE.nation }),
    centred("Độc lập - Tự do - Hạnh phúc", { bold: true, sizePt: ND30_SIZE.motto }),
    { type: "rule", widthMm: 58 },
    para(placeDate, { align: "center", spaceBeforePt: 6, spaceAfterPt: 0 }),
  ];
  return {
    type: "columns",
    columns: [
      { widthMm: 62, blocks: left },
      { widthMm: textWidthMm(ND30_PAGE) - 62, blocks: right },
    ],
  };
}

function signatureBlock(wording: ReportWording, details: ReportDetails): Block {
  const left: Cell[] = [
    para([{ text: "Nơi nhận:", bold: true, italic: true, sizePt: ND30_SIZE.recipientsHeading }], { spaceAfterPt: 0 }),
    ...wording.recipients.map((r) => para([{ text: `- ${r};`, sizePt: ND30_SIZE.recipients }], { spaceAfterPt: 0 })),
    para([{ text: "- Lưu: VT.", sizePt: ND30_SIZE.recipients }], { spaceAfterPt: 0 }),
  ];
  const sign = { bold: true, sizePt: ND30_SIZE.signature };
  const vice = details.signerTitle === "pho-chu-tich";
  const right: Cell[] = [
    centred("TM. ỦY BAN NHÂN DÂN", sign),
    ...(vice ? [centred("KT. CHỦ TỊCH", sign), centred("PHÓ CHỦ TỊCH", sign)] : [centred("CHỦ TỊCH", sign)]),
    centred("(Ký tên, đóng dấu)", { italic: true, sizePt: 13 }),
    ...[1, 2, 3].map(() => centred("", {})),
    details.signer ? centred(details.signer, sign) : centred("(Họ và tên người ký)", { ...sign, toFill: true }),
  ];
  return {
    type: "columns",
    columns: [
      { widthMm: 80, blocks: left },
      { widthMm: textWidthMm(ND30_PAGE) - 80, blocks: right },
    ],
  };
}

/** Phụ lục 03–07 named as attached, each with the total its indicator carries. */
function appendixParagraphs(ruleset: Ruleset, ev: Evaluation, counts: Partial<Record<ListId, number>>): Paragraph[] {
  const out: Paragraph[] = [];
  for (const { item } of indicatorsOf(ruleset)) {
    if (!item.list) continue;
    const t = LIST_TEMPLATES[item.list];
    const r = ev.indicators.find((x) => x.code === item.code)!;
    const built = counts[item.list];
    const total: Run[] =
      r.verdict === "tam-dung"
        ? [{ text: "tạm dừng, không kèm theo" }]
        : r.verdict === "khong-ap-dung"
          ? [{ text: "không áp dụng, không kèm theo" }]
          : built !== undefined
            ? [{ text: `tổng cộng ${formatInteger(built)} ${t.unit}` }]
            : r.numerator
              ? [{ text: `tổng cộng ${r.numerator.d === 1n ? formatInteger(r.numerator.n) : (r.display ?? "")} ${t.unit}` }]
              : kindOf(item).listFigure === "anyone-listed" && r.display
                ? [{ text: `kèm theo (chỉ tiêu ${item.code}: ${r.display})` }]
                : [{ text: "chưa lập được (chưa có số liệu)", toFill: true }];
    out.push(body([{ text: `- ${t.appendix}: ${t.title} (chỉ tiêu ${item.code}): ` }, ...total, { text: ";" }]));
  }
  const last = out.at(-1)?.runs.at(-1);
  if (last) last.text = ".";
  if (out.length === 0) out.push(body([{ text: "(Bộ tiêu chí này không có phụ lục danh sách kèm theo.)", italic: true }]));
  return out;
}

function sectionParagraphs(section: ReportSection, input: ReportInput, fill: (s: string) => string, who: string): Paragraph[] {
  const { ruleset, evaluation: ev } = input;
  const out: Paragraph[] = [heading(fill(section.heading))];
  switch (section.kind) {
    case "write":
      // Only a person can write this part: a marked place, never invented text.
      for (const prompt of section.prompts) out.push(body([{ text: `[Phần cán bộ viết: ${fill(prompt)}]`, italic: true, toFill: true }]));
      break;
    case "results":
      out.push(...resultsParagraphs(ruleset, ev, section.style, { body, heading }));
      break;
    case "self-assessment": {
      for (const g of ev.groups) out.push(body(`- ${g.name}: ${VERDICT_TEXT[g.verdict].toLowerCase()}, ${g.text};`));
      const o = ev.overall;
      const closing = o.verdict === "dat" ? section.passed : o.verdict === "khong-dat" ? section.failed : section.incomplete;
      out.push(body([{ text: `${who} ${o.text}. ` }, { text: fill(closing), bold: true }]));
      break;
    }
    case "appendices":
      out.push(body(fill(section.intro)), ...appendixParagraphs(ruleset, ev, input.listCounts ?? {}));
      break;
  }
  return out;
}

/** The whole report: header, title, the wording's sections filled from the evaluation, the end. */
export function buildReport(input: ReportInput): ReportDocument {
  const details = input.details ?? {};
  const name = communeName(input.commune);
  const date = details.date ?? input.evaluation.asOf;
  const who = name ? `Xã ${name}` : `Xã ${BLANK}`;
  const fill = (s: string) =>
    fillPlaceholders(s, {
      xa: name ? `xã ${name}` : `xã ${BLANK}`,
      Xa: who,
      nam: date ? date.slice(0, 4) : BLANK,
      ngay: date ? vietnameseDate(date) : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`,
    });
  const place = details.place ?? name;
  const placeDate: Run[] = [
    { text: `${place ?? BLANK}, `, italic: true, sizePt: ND30_SIZE.placeDate, ...(place ? {} : { toFill: true }) },
    {
      text: date ? vietnameseDate(date) : `ngày ${BLANK} tháng ${BLANK} năm 20${BLANK}`,
      italic: true,
      sizePt: ND30_SIZE.placeDate,
      ...(date ? {} : { toFill: true }),
    },
  ];
  const { wording } = input;
  const subject = fill(wording.subject);
  const blocks: Block[] = [
    headerBlock(name, details, placeDate),
    centred("BÁO CÁO", { bold: true, sizePt: ND30_SIZE.title }, { spaceBeforePt: 18 }),
    centred(subject, { bold: true, sizePt: ND30_SIZE.title }),
    { type: "rule", widthMm: 45 },
  ];
  if (details.recipient)
    blocks.push(centred(`Kính gửi: ${details.recipient}`, { sizePt: ND30_SIZE.body }, { spaceBeforePt: 6, spaceAfterPt: 6 }));
  blocks.push(para("", { spaceAfterPt: 0 }));
  for (const b of wording.basis) blocks.push(body(fill(b)));
  blocks.push(body(fill(wording.opening)));
  for (const section of wording.sections) blocks.push(...sectionParagraphs(section, input, fill, who));
  if (wording.closing) blocks.push(body(fill(wording.closing)));
  blocks.push(para("", { spaceAfterPt: 0 }), signatureBlock(wording, details));
  return {
    title: `${upperFirst(subject)} — ${who}`,
    page: ND30_PAGE,
    font: ND30_FONT,
    bodySizePt: ND30_SIZE.body,
    lineSpacing: ND30_LINE_SPACING,
    pageNumbers: true,
    blocks,
  };
}
