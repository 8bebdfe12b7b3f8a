import { slotWords } from "../../src/core/evaluate/slot-words";
import { compareFingerprints } from "../../src/core/fingerprint/fingerprint";
import { faults } from "../support/vietnamese";

test.each([
  ["numerator", "tử số"],
  ["a.denominator", "a) mẫu số"],
  ["question", "câu hỏi"],
  ["la", "la"],
])("slot %s reads %s", (slot, words) => {
  expect(slotWords(slot)).toBe(words);
});

test("what changed since the status sheet names the slot in words, not its JSON key", () => {
  const base = {
    v: 1 as const,
    tool: "t",
    ruleset: { id: "r", hash: "h" },
    asOf: "2024-06-30",
    lists: [],
    status: { sheet: "S", formulas: [] },
  };
  const changes = compareFingerprints(
    { ...base, inputs: [{ code: "1.1.1", slot: "numerator", cell: "'Số liệu'!B7", value: "5" }] },
    { ...base, inputs: [{ code: "1.1.1", slot: "numerator", cell: "'Số liệu'!B9", value: "5" }] },
  );
  expect(changes.map((c) => c.message)).toEqual([expect.stringContaining("Chỉ tiêu 1.1.1 (tử số) đổi ô nguồn")]);
  for (const c of changes) expect(faults(c.message)).toEqual([]);
});
