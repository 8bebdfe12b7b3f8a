import { SaxesParser, type SaxesTagPlain } from "saxes";
import { WorkbookError } from "../port";

/** Text and attribute values escaped for XML; characters XML 1.0 forbids are dropped, not written. */
export function escapeXml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

/** The element's name without its namespace prefix: x:sheet → sheet. */
export function localName(tag: { name: string }): string {
  const i = tag.name.indexOf(":");
  return i < 0 ? tag.name : tag.name.slice(i + 1);
}

/** An attribute by local name (r:id → id), whatever prefix the producer chose. */
export function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(tag.attributes)) {
    if (key.endsWith(`:${name}`)) return value;
  }
  return undefined;
}

export type XmlHandlers = {
  open?: (tag: SaxesTagPlain, name: string) => void;
  close?: (tag: SaxesTagPlain, name: string) => void;
  text?: (text: string) => void;
};

/** Streams an XML document through handlers; a malformed part throws an Error naming the part. */
export function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(tag, localName(tag)));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(tag, localName(tag)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e instanceof Error ? e : new Error(String(e));
  }
  if (failure) {
    throw new WorkbookError(
      `Tệp .xlsx bị hỏng: ${part} không đọc được — hãy mở tệp bằng Excel và lưu lại (corrupt ${part}: ${failure.message})`,
      "corrupt",
    );
  }
}
