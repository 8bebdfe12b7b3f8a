/*
 * The roll-up workbook made of our three sheets per programme, from the files' reports (rollup.ts).
 * Apart from rollup.ts because it starts from a blank ExcelJS workbook: the worker threads that make
 * the reports need no ExcelJS, and load none (test/rollup/rollup-thread-bundle.test.ts).
 */
import { rollUp, type Rollup } from "../core/rollup/aggregate";
import { rollupLayouts, type RollupGroup } from "../core/rollup/layout";
import type { FileOutcome } from "../core/rollup/types";
import { indicatorsOf } from "../core/ruleset/walk";
import { blankWorkbook } from "../workbook/xlsx/blank";
import type { RulesetCatalog } from "./evaluate-workbook";

/** The groups the layout needs: each programme with its ruleset; an empty one when no commune could be read. */
function groupsOf(rollup: Rollup, rulesets: RulesetCatalog): RollupGroup[] {
  const groups = rollup.programmes.map((programme) => {
    const ruleset = rulesets.get(programme.ruleset)!;
    return {
      ruleset: {
        id: ruleset.id,
        title: ruleset.title,
        indicators: indicatorsOf(ruleset).map(({ item }) => ({ code: item.code, name: item.name })),
      },
      programme,
    };
  });
  if (groups.length > 0) return groups;
  return [
    {
      ruleset: { id: "—", title: "Không có xã nào đọc được", indicators: [] },
      programme: { ruleset: "—", communes: [], superseded: [], tallies: [] },
    },
  ];
}

/** The roll-up of the reports and its workbook's bytes. */
export async function writeRollup(
  outcomes: readonly FileOutcome[],
  rulesets: RulesetCatalog,
  only?: string,
): Promise<{ rollup: Rollup; bytes: Uint8Array }> {
  const codes = (id: string) => {
    const r = rulesets.get(id);
    return r ? indicatorsOf(r).map(({ item }) => item.code) : [];
  };
  const rollup = rollUp(outcomes, codes, only);
  const port = await blankWorkbook();
  await port.writeSheets(rollupLayouts({ groups: groupsOf(rollup, rulesets), bad: rollup.bad, otherProgramme: rollup.otherProgramme }));
  return { rollup, bytes: await port.save() };
}
