import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { ADULT_AGE, makeSampleCommune, SAMPLE_RULESET } from "../../src/sample/commune";
import { withoutMapping } from "../support/without-mapping";
import * as h from "./helpers";

test("chitieu propose on a workbook with labels and no names shows each proposal's label and cell", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "chitieu-propose-"));
  const file = h.writeBytes(dir, "nhan.xlsx", await withoutMapping((await makeSampleCommune()).bytes, true));
  const r = await h.runCli("propose", file, "--ruleset", SAMPLE_RULESET);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(
    new RegExp(
      `^1\\.1\\.1 denominator ← 'Số liệu'!B6: Nhãn "Dân số từ ${ADULT_AGE} tuổi trở lên" \\(ô 'Số liệu'!A6\\) giống .* — ô 'Số liệu'!B6$`,
      "m",
    ),
  );
  expect(r.out).toMatch(/^18 đề xuất/m);
});
