/** "Xã Hà Tân", "2024-06-30" → "bao-cao-ha-tan-2024-06-30.docx": a name every file system and mail client keeps. */
export function reportFileName(commune: string | undefined, date: string | undefined): string {
  const ascii = (commune ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/^xa\s+/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `bao-cao${ascii ? `-${ascii}` : ""}${date ? `-${date}` : ""}.docx`;
}
