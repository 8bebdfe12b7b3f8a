/** @jest-environment jsdom */
/*
 * Issue 10's list of villages in the pane: the village columns of "Số liệu theo thôn" as the workbook
 * gives them (names typed in row 3), their verdicts after Đánh giá, and a name given in the pane,
 * stored as the village's fixed name in the mapping so the command line reads the same villages.
 */
import "./text-codec";
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { mappingToText, parseMappingText } from "../../src/core/mapping/schema";
import { parseRangeRef } from "../../src/core/ref/a1";
import { initialState, reduce, type TaskpaneState } from "../../src/taskpane/state/reducer";
import type { RunContext } from "../../src/taskpane/state/runners/context";
import { runLoad, runReload } from "../../src/taskpane/state/runners/load";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { readVillageNames } from "../../src/taskpane/state/villages";
import { T } from "../../src/taskpane/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate } from "../../src/workbook/xlsx/template";
import { VILLAGE_TEMPLATE_SHEET } from "../../src/workbook/xlsx/template-villages";
import { editWorkbook, type TypedCell } from "../e2e/scenarios";
import { catalog, fillDetails, officeShell, renderPane } from "./fixtures";

const THON = "ha-nam-thon-thong-minh-2022";
const ALL_MET: Record<string, Record<string, TypedCell>> = {
  "1": { value: "Có" },
  "2": { value: "Có" },
  "3": { value: "Có" },
  "4.1": { numerator: 700, denominator: 1000 },
  "4.2": { question: "Không" },
  "4.3": { value: "Có" },
  "4.4": { numerator: 250, denominator: 250 },
  "4.5": { "a.numerator": 200, "a.denominator": 250, "b.numerator": 225, "b.denominator": 250 },
  "5": { value: 2 },
};
/** Column 2's figures: no model (5 is 0), so that village does not pass. */
const NO_MODEL = { ...ALL_MET, "5": { value: 0 } };

/** The Hà Nam template with 3 village columns, typed as a clerk would: "Thôn Đông" named, column 2 figures without a name, column 3 empty. */
async function villageWorkbook(): Promise<XlsxWorkbook> {
  const template = await makeTemplate(catalog().rulesets.get(THON)!, { villages: 3 });
  const stored = parseMappingText("t", (await (await XlsxWorkbook.open(template)).snapshot()).mappingText!);
  if (!stored.ok) throw new Error("template mapping");
  const at = (ref: string) => {
    const r = parseRangeRef(ref)!;
    return `${String.fromCharCode(64 + r.left)}${r.top}`;
  };
  const edits: Record<string, TypedCell> = {};
  const villages = stored.mapping.villages!;
  edits[at(villages[0]!.nameRef!)] = "Thôn Đông";
  [ALL_MET, NO_MODEL].forEach((typed, i) => {
    for (const [code, slots] of Object.entries(typed))
      for (const [slot, value] of Object.entries(slots)) edits[at(villages[i]!.indicators[code]![slot]!)] = value;
  });
  return XlsxWorkbook.open(await editWorkbook(template, VILLAGE_TEMPLATE_SHEET, edits));
}

const village = (i: number) => document.querySelector(`li[data-village="${i}"]`) as HTMLElement;

async function openPane(wb: XlsxWorkbook) {
  const user = userEvent.setup({ delay: null });
  renderPane(officeShell(wb));
  const region = await screen.findByRole("region", { name: T.villagesTitle });
  return { user, region };
}

async function evaluateAndReturn(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: T.evaluate }));
  await screen.findByRole("region", { name: T.tabResults });
  await user.click(screen.getByRole("tab", { name: new RegExp(T.tabMapping) }));
  return screen.findByRole("region", { name: T.villagesTitle });
}

describe("the villages in the task pane", () => {
  test("the villages as the workbook names them, where to type a missing name, and their verdicts after Đánh giá", async () => {
    const { user, region } = await openPane(await villageWorkbook());
    expect(within(region).getAllByRole("listitem")).toHaveLength(3);
    expect(village(0)).toHaveTextContent(T.villageHeading(1, "Thôn Đông"));
    expect(village(1)).toHaveTextContent(T.villageHeading(2, undefined));
    expect(village(1)).toHaveTextContent(T.villageWhere("'Số liệu theo thôn'!F3"));
    expect(village(0).querySelector("[data-verdict]")).toBeNull();

    const after = await evaluateAndReturn(user);
    expect(within(after).getByText(T.villageCommune("I", "ít nhất 1 thôn đạt"))).toBeInTheDocument();
    expect(after.querySelector("[data-verdict]")).toHaveAttribute("data-verdict", "dat");
    expect(village(0).querySelector("[data-verdict]")).toHaveAttribute("data-verdict", "dat");
    // Not named: its figures are judged under a placeholder name, but the pane shows no verdict for it until named.
    expect(village(1).querySelector("[data-verdict]")).toBeNull();
    expect(village(2).querySelector("[data-verdict]")).toBeNull();
  });

  test("a name given in the pane is stored in the mapping on the write; the command line then judges that village under it", async () => {
    const wb = await villageWorkbook();
    const { user } = await openPane(wb);
    await user.type(screen.getByRole("textbox", { name: T.villageNameLabel(2) }), "Thôn Đoài");
    await user.click(screen.getByRole("button", { name: T.villageSave(2) }));
    expect(village(1)).toHaveTextContent(T.villageHeading(2, "Thôn Đoài"));
    fillDetails();
    await evaluateAndReturn(user);
    expect(village(1).querySelector("[data-verdict]")).toHaveAttribute("data-verdict", "khong-dat");
    await user.click(screen.getByRole("tab", { name: new RegExp(T.tabResults) }));
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    await screen.findByText(/Đã ghi trang “Trạng thái chỉ tiêu”/);

    const saved = await XlsxWorkbook.open(await wb.save());
    const stored = JSON.parse((await saved.snapshot()).mappingText!) as { villages: Array<{ name?: string; nameRef?: string }> };
    expect(stored.villages.map((v) => v.name)).toEqual([undefined, "Thôn Đoài", undefined]);
    expect(stored.villages[1]!.nameRef).toBeDefined();
    const cli = await evaluateWorkbook(saved, { rulesets: catalog().rulesets });
    if (!cli.ok) throw new Error(cli.problems.map((p) => p.message).join("; "));
    expect(cli.evaluation.units![0]!.villages.map((v) => [v.name, v.verdict])).toEqual([
      ["Thôn Đông", "dat"],
      ["Thôn Đoài", "khong-dat"],
    ]);
    // The name was missing, now given: no problem asks for it.
    expect(cli.evaluation.problems.map((p) => p.message).join(" ")).not.toMatch(/chưa có tên thôn/);
  });

  test("an empty name is refused with a message, and the village keeps its name", async () => {
    const wb = await villageWorkbook();
    const { user } = await openPane(wb);
    const box = screen.getByRole("textbox", { name: T.villageNameLabel(1) });
    expect(box).toHaveValue("Thôn Đông");
    await user.clear(box);
    await user.type(box, "   ");
    await user.click(screen.getByRole("button", { name: T.villageSave(1) }));
    expect(screen.getByText(T.villageNameEmpty(1))).toBeInTheDocument();
    expect(village(0)).toHaveTextContent(T.villageHeading(1, "Thôn Đông"));
  });
});

describe("the village name in the reducer", () => {
  const mapping = { ruleset: THON, indicators: {}, villages: [{ nameRef: "'Số liệu theo thôn'!$E$3", indicators: {} }] };
  const s = { ...initialState(), rulesetId: THON, mapping };

  test("a name is stored as the village's fixed name, trimmed", () => {
    const next = reduce(s, { type: "villageNamed", index: 0, name: "  Thôn Bắc " });
    expect(next.mapping!.villages).toEqual([{ nameRef: "'Số liệu theo thôn'!$E$3", name: "Thôn Bắc", indicators: {} }]);
  });

  test("a blank name changes nothing and says so beside the mapping; a village the mapping lacks changes nothing", () => {
    const blank = reduce(s, { type: "villageNamed", index: 0, name: " " });
    expect(blank.mapping).toBe(mapping);
    expect(blank.message).toEqual({ intent: "error", text: T.villageNameEmpty(1), place: "mapping" });
    const absent = reduce(s, { type: "villageNamed", index: 3, name: "Thôn Nam" });
    expect(absent.mapping).toBe(mapping);
    expect(absent.evaluated).toBeUndefined();
  });
});

describe("the village names read from the workbook", () => {
  const SHEET = VILLAGE_TEMPLATE_SHEET;
  /** Two villages: one by its cell, one by a defined name of the clerk's; the mapping stored as the pane stores it. */
  async function memoryBook(): Promise<{ wb: MemoryWorkbook; ctx: RunContext }> {
    const wb = new MemoryWorkbook({
      sheets: [{ name: SHEET, cells: { E3: "Thôn Đông" } }],
      names: [{ name: "ten_thon_2", formula: `'${SHEET}'!$F$3` }],
    });
    const mapping = {
      ruleset: THON,
      indicators: {},
      villages: [
        { nameRef: `'${SHEET}'!$E$3`, indicators: {} },
        { nameRef: "ten_thon_2", indicators: {} },
      ],
    };
    await wb.writeSheets([], mappingToText(mapping));
    const shell = officeShell(wb);
    let s: TaskpaneState = initialState(shell.initial);
    const ctx: RunContext = { get: () => s, dispatch: (a) => (s = reduce(s, a)), shell, catalog: catalog() };
    return { wb, ctx };
  }

  test("opening reads every name cell in one request; a name typed in Excel since is read by Đọc lại sổ tính", async () => {
    const { wb, ctx } = await memoryBook();
    await runLoad(ctx, ctx.shell.initial!);
    expect(ctx.get().villageNames).toEqual(["Thôn Đông", ""]);
    wb.type(SHEET, "F3", " Thôn Đoài ");
    await runReload(ctx);
    expect(ctx.get().villageNames).toEqual(["Thôn Đông", "Thôn Đoài"]);
    // Both name cells (one by address, one by a defined name) in one request.
    const mapping = ctx.get().mapping;
    const names = (await wb.snapshot()).names;
    const before = wb.roundTrips;
    await expect(readVillageNames(wb, names, mapping)).resolves.toEqual(["Thôn Đông", "Thôn Đoài"]);
    expect(wb.roundTrips - before).toBe(1);
  });

  test("a mapping without village name cells reads nothing more", async () => {
    const wb = new MemoryWorkbook({ sheets: [{ name: SHEET }] });
    const mapping = { ruleset: THON, indicators: {}, villages: [{ name: "Thôn Bắc", indicators: {} }] };
    await expect(readVillageNames(wb, [], mapping)).resolves.toEqual([""]);
    expect(wb.roundTrips).toBe(0);
  });
});
