/** A slot as a clerk says it: "numerator" → "tử số", "a.denominator" → "a) mẫu số". */
const WORDS: Readonly<Record<string, string>> = {
  numerator: "tử số",
  denominator: "mẫu số",
  value: "giá trị",
  condition: "điều kiện",
  question: "câu hỏi",
  reference: "mức tham chiếu",
};

export function slotWords(slot: string): string {
  const parts = slot.split(".");
  const last = parts.pop()!;
  const word = WORDS[last] ?? last;
  return parts.length > 0 ? `${parts.join(".")}) ${word}` : word;
}
