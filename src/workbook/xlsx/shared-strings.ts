import { decodeCellText } from "./cell-text";
import { nfc } from "../../core/text/fold";
import { parseXml } from "./xml";

/** The shared string table: each <si>'s text, runs joined, phonetic guides (<rPh>) left out. */
export function parseSharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  parseXml(xml, part, {
    open: (_tag, name) => {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inT = true;
    },
    close: (_tag, name) => {
      if (name === "si") {
        out.push(nfc(decodeCellText((current ?? []).join(""))));
        current = undefined;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inT = false;
    },
    text: (t) => {
      if (inT && current) current.push(t);
    },
  });
  return out;
}
