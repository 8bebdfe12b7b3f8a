/*
 * `chitieu CMD --help` and `-h`: that command's help and the exit codes, exit 0, whatever else is on
 * the line; every command has its help, and the whole help lists every option the commands take.
 */
import { COMMAND_HELP, COMMANDS, main, type Io } from "../../src/cli/main";

function capture(): Io & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (s) => out.push(s), err: (s) => err.push(s), outText: () => out.join("\n"), errText: () => err.join("\n") };
}

describe("help for one command", () => {
  it("every command has its own help", () => {
    expect(Object.keys(COMMAND_HELP).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it.each(Object.keys(COMMANDS))("chitieu %s --help prints that command's help and exits 0", async (name) => {
    for (const flag of ["--help", "-h"]) {
      const io = capture();
      expect(await main([name, flag], io)).toBe(0);
      expect(io.outText()).toContain(`chitieu ${name}`);
      expect(io.outText()).toContain("Mã thoát");
      expect(io.errText()).toBe("");
    }
  });

  it("names the options a clerk was missing: template's --commune and --as-of, sample's --residents and --communes", async () => {
    const template = capture();
    await main(["template", "--help"], template);
    expect(template.outText()).toMatch(/--commune[\s\S]*--as-of/);
    const sample = capture();
    await main(["sample", "-h"], sample);
    expect(sample.outText()).toContain("--residents N");
    expect(sample.outText()).toContain("--communes N");
  });

  it("--help wins over other arguments, and an unknown option without it is still a usage error", async () => {
    const io = capture();
    expect(await main(["evaluate", "khong-co.xlsx", "--help"], io)).toBe(0);
    expect(io.outText()).toContain("chitieu evaluate FILE.xlsx");
    const bad = capture();
    expect(await main(["template", "--bogus"], bad)).toBe(1);
    expect(bad.errText()).toMatch(/^Lỗi cú pháp: /);
  });
});
