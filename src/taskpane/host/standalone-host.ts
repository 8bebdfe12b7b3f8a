/* The page without Excel: files from disk in, downloads out. */
import { openBytesSession, openFileSession, saveBytes, type BrowserDeps } from "./file-host";
import { makeTemplateLazily } from "./template";
import type { Shell } from "./types";

const WHY: Record<"not-loaded" | "no-host" | "other-host", string> = {
  "not-loaded": "Không tải được Office.js (máy không có mạng hoặc không mở trong Excel) — trang làm việc với tệp .xlsx trên máy này.",
  "no-host": "Trang đang mở trên trình duyệt, không ở trong Excel — hãy mở tệp .xlsx từ máy; tệp không được gửi đi đâu.",
  "other-host": "Chỉ tiêu xã chạy trong Excel; ở ứng dụng này trang làm việc với tệp .xlsx từ máy.",
};

export function standaloneShell(browser: BrowserDeps, why: keyof typeof WHY): Shell {
  return {
    mode: "standalone",
    openFile: (file) => openFileSession(browser, file),
    makeTemplate: makeTemplateLazily,
    offerTemplate: async (bytes, fileName) => {
      saveBytes(browser, bytes, fileName);
      return { kind: "session", session: await openBytesSession(browser, fileName, bytes) };
    },
    notice: { intent: "info", text: WHY[why] },
  };
}
