/*
 * The ruleset catalogue (src/node/ruleset-catalogue.ts): what the built command line reads instead of
 * validating rulesets/ on every start. It must give exactly what validating gives, down to the hash a
 * stored fingerprint holds, and never be used for a folder that changed since it was made.
 */
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from "fs";
import path from "path";
import { rulesetHash } from "../../src/core/fingerprint/fingerprint";
import { catalogueText, readCatalogue } from "../../src/node/ruleset-catalogue";
import { RULESETS_DIR, rulesetCatalogueText, validateRulesetDir } from "../../src/node/rulesets";
import * as h from "../cli/helpers";

let tmp: string;
beforeAll(() => {
  tmp = h.makeTmpDir("chitieu-catalogue-");
});
afterAll(() => h.removeDir(tmp));

/** A folder of two real rulesets and, when asked, a broken one; its catalogue written to a file. */
function scratch(name: string, { broken = false } = {}): { dir: string; file: string } {
  const dir = path.join(tmp, name);
  for (const id of ["thanh-hoa-cds-xa-2024", "ha-tinh-xa-ntm-2022"])
    cpSync(path.join(RULESETS_DIR, `${id}.json`), path.join(dir, `${id}.json`), { preserveTimestamps: true });
  if (broken) writeFileSync(path.join(dir, "hong-2024.json"), JSON.stringify({ id: "hong-2024", title: "", groups: [{}] }));
  const file = path.join(tmp, `${name}.catalogue.json`);
  writeFileSync(file, rulesetCatalogueText(dir));
  return { dir, file };
}

describe("the catalogue of rulesets/", () => {
  it("gives exactly what validating the files gives, and the same ruleset hashes", () => {
    const file = path.join(tmp, "all.json");
    writeFileSync(file, rulesetCatalogueText(RULESETS_DIR));
    const validated = validateRulesetDir(RULESETS_DIR);
    const read = readCatalogue(file, RULESETS_DIR);
    expect(read).toStrictEqual(validated);
    expect([...read!.rulesets.keys()]).toEqual([...validated.rulesets.keys()]);
    expect(read!.rulesets.size).toBeGreaterThanOrEqual(8);
    for (const [id, ruleset] of validated.rulesets) expect(rulesetHash(read!.rulesets.get(id)!)).toBe(rulesetHash(ruleset));
  });

  it("holds a broken file's problems, worded as validating words them, beside the rulesets that load", () => {
    const { dir, file } = scratch("broken", { broken: true });
    const validated = validateRulesetDir(dir);
    expect(validated.problems.length).toBeGreaterThan(0);
    expect(validated.problems[0]!.message).toMatch(/^rulesets\/hong-2024\.json: /);
    expect(readCatalogue(file, dir)).toStrictEqual(validated);
  });
});

describe("a catalogue that no longer describes the folder is not used", () => {
  const cases: [string, (dir: string) => void][] = [
    [
      "a file edited",
      (dir) =>
        writeFileSync(path.join(dir, "ha-tinh-xa-ntm-2022.json"), `${readFileSync(path.join(dir, "ha-tinh-xa-ntm-2022.json"), "utf8")} `),
    ],
    [
      "a file touched (same size)",
      (dir) => utimesSync(path.join(dir, "ha-tinh-xa-ntm-2022.json"), new Date(), new Date(Date.now() + 5000)),
    ],
    [
      "a file added",
      (dir) => cpSync(path.join(RULESETS_DIR, "phu-tho-xa-thong-minh-2024.json"), path.join(dir, "phu-tho-xa-thong-minh-2024.json")),
    ],
    ["a file removed", (dir) => rmSync(path.join(dir, "ha-tinh-xa-ntm-2022.json"))],
  ];
  test.each(cases)("%s", (name, change) => {
    const { dir, file } = scratch(name.replace(/\W+/g, "-"));
    expect(readCatalogue(file, dir)).toBeDefined();
    change(dir);
    expect(readCatalogue(file, dir)).toBeUndefined();
  });

  test.each([
    ["absent", undefined],
    ["damaged", "{"],
    ["of another format", JSON.stringify({ v: 2, files: [], rulesets: [], problems: [] })],
  ])("nor one %s", (name, text) => {
    const { dir } = scratch(`other-${name.replace(/\W+/g, "-")}`);
    const file = path.join(tmp, `other-${name}.json`);
    if (text !== undefined) writeFileSync(file, text);
    expect(readCatalogue(file, dir)).toBeUndefined();
  });
});

describe("a validated ruleset JSON cannot carry unchanged", () => {
  const { dir } = { dir: RULESETS_DIR };
  test.each([
    ["a date", { when: new Date(0) }],
    ["an undefined field", { note: undefined }],
    ["a negative zero", { target: -0 }],
  ])("(%s) stops the build instead of changing a hash or a comparison", (_, extra) => {
    const ruleset = { ...validateRulesetDir(dir).rulesets.get("thanh-hoa-cds-xa-2024")!, ...extra };
    expect(() => catalogueText(dir, { rulesets: new Map([[ruleset.id, ruleset]]), problems: [] })).toThrow(/JSON cannot carry/);
  });
  it("while the real rulesets pass", () => {
    expect(() => catalogueText(dir, validateRulesetDir(dir))).not.toThrow();
  });
});
