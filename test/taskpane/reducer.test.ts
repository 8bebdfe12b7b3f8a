/*
 * The pane's state without React: the pure reducer, and the runners driving it against a
 * MemoryWorkbook through a plain store.
 */
import { STATUS_SHEET_NAME } from "../../src/core/layout/status";
import { initialState, reduce, type Action, type TaskpaneState } from "../../src/taskpane/state/reducer";
import type { RunContext } from "../../src/taskpane/state/runners/context";
import { runCheck } from "../../src/taskpane/state/runners/check";
import { runEvaluate } from "../../src/taskpane/state/runners/evaluate";
import { runMakeLists } from "../../src/taskpane/state/runners/lists";
import { runChooseRuleset, runLoad } from "../../src/taskpane/state/runners/load";
import { runAccept } from "../../src/taskpane/state/runners/accept";
import { T } from "../../src/taskpane/strings";
import { catalog, officeShell, PHU_THO, phuThoWorkbook, phuThoWithRoster } from "./fixtures";

function store(port = phuThoWorkbook()): RunContext & { actions: Action[] } {
  const shell = officeShell(port);
  let s: TaskpaneState = initialState(shell.initial);
  const actions: Action[] = [];
  return {
    actions,
    get: () => s,
    dispatch: (a) => {
      actions.push(a);
      s = reduce(s, a);
    },
    shell,
    catalog: catalog(),
  };
}

async function opened(port = phuThoWorkbook()) {
  const ctx = store(port);
  await runLoad(ctx, ctx.shell.initial!);
  await runChooseRuleset(ctx, PHU_THO);
  ctx.dispatch({ type: "allAccepted" });
  return ctx;
}

describe("reduce (pure)", () => {
  test("does not change the state it is given, and gives the same answer twice", () => {
    const before = initialState();
    const frozen = JSON.stringify(before);
    const a = reduce(before, { type: "communeSet", text: "Xã Thử" });
    expect(JSON.stringify(before)).toBe(frozen);
    expect(a.commune).toBe("Xã Thử");
    expect(reduce(before, { type: "communeSet", text: "Xã Thử" })).toEqual(a);
  });

  test("an edit after an evaluation, a check and a write marks all three out of date", async () => {
    const ctx = await opened();
    ctx.dispatch({ type: "communeSet", text: "Xã Thử" });
    ctx.dispatch({ type: "asOfSet", date: "2024-09-30" });
    await runEvaluate(ctx, true);
    await runCheck(ctx);
    expect(ctx.get().evaluated?.stale).toBe(false);
    expect(ctx.get().written).toEqual({ sheets: [STATUS_SHEET_NAME], stale: [] });
    ctx.dispatch({ type: "communeSet", text: "Xã Mới" });
    expect(ctx.get().evaluated?.stale).toBe(true);
    expect(ctx.get().checked?.stale).toBe(true);
    expect(ctx.get().written?.stale).toEqual([STATUS_SHEET_NAME]);
  });

  test("a refSet drops the proposal for that input only; clearing the reference unmaps it", () => {
    const proposals = [
      { code: "1.1.1", slot: "numerator", ref: "a", reason: "", score: 1 },
      { code: "1.1.1", slot: "denominator", ref: "b", reason: "", score: 1 },
    ];
    let s = reduce(initialState(), {
      type: "rulesetChosen",
      id: PHU_THO,
      mapping: { ruleset: PHU_THO, indicators: {} },
      proposals,
    });
    s = reduce(s, { type: "refSet", code: "1.1.1", slot: "numerator", ref: "x" });
    expect(s.mapping?.indicators["1.1.1"]).toEqual({ numerator: "x" });
    expect(s.proposals.map((p) => p.slot)).toEqual(["denominator"]);
    s = reduce(s, { type: "refSet", code: "1.1.1", slot: "numerator", ref: " " });
    expect(s.mapping?.indicators["1.1.1"]).toBeUndefined();
  });

  test("writing without Tên xã or Ngày báo cáo writes nothing and asks for them", async () => {
    const port = phuThoWorkbook();
    const ctx = await opened(port);
    const before = port.roundTrips;
    await runEvaluate(ctx, true);
    expect(port.roundTrips).toBe(before);
    expect(ctx.get().message?.text).toBe(T.writeNeedsDetails([T.commune, T.asOf]));
    ctx.dispatch({ type: "communeSet", text: "Xã Thử" });
    await runEvaluate(ctx, true);
    expect(ctx.get().message?.text).toBe(T.writeNeedsDetails([T.asOf]));
  });

  test("a message is placed beside the button whose job said it; a failure message without a job goes to the top", () => {
    let s = reduce(initialState(), { type: "started", label: "…", place: "check" });
    s = reduce(s, { type: "said", message: { intent: "error", text: "x" } });
    expect(s.message?.place).toBe("check");
    s = reduce(reduce(s, { type: "finished" }), { type: "said", message: { intent: "error", text: "y" } });
    expect(s.message?.place).toBe("top");
    expect(s.busy).toBeUndefined();
  });

  test("a suspension with a reason is stored in the mapping; an empty reason lifts it", () => {
    let s = reduce(initialState(), {
      type: "rulesetChosen",
      id: PHU_THO,
      mapping: { ruleset: PHU_THO, indicators: {} },
      proposals: [],
    });
    s = reduce(s, { type: "situationSet", code: "1.2.1", situation: { suspended: "Xã chưa triển khai" } });
    expect(s.mapping?.suspended).toEqual({ "1.2.1": "Xã chưa triển khai" });
    s = reduce(s, { type: "situationSet", code: "1.2.1", situation: { suspended: "  " } });
    expect(s.mapping?.suspended).toBeUndefined();
  });
});

describe("runners (effects outside the reducer), no React", () => {
  test("load reads names and proposes; evaluate gives results; a missing name is refused before evaluating", async () => {
    const ctx = await opened();
    expect(ctx.get().names?.length).toBeGreaterThan(0);
    await runEvaluate(ctx, false);
    expect(ctx.get().tab).toBe("results");
    expect(ctx.get().evaluated?.evaluation.indicators.find((i) => i.code === "1.1.1")?.verdict).toBe("khong-dat");
    ctx.dispatch({ type: "refSet", code: "1.2.4", slot: "value", ref: "khong_co" });
    await runEvaluate(ctx, false);
    expect(ctx.get().tab).toBe("mapping");
    expect(ctx.get().requestProblems[0]?.message).toMatch(/khong_co/);
  });

  test("lists without a report date read nothing and say why; with it they are written and progress is dispatched", async () => {
    const port = phuThoWithRoster();
    const ctx = await opened(port);
    const before = port.roundTrips;
    await runMakeLists(ctx);
    expect(port.roundTrips).toBe(before);
    expect(ctx.get().message?.intent).toBe("warning");
    ctx.dispatch({ type: "asOfSet", date: "2024-09-30" });
    await runMakeLists(ctx);
    expect(ctx.get().lists?.ok).toBe(true);
    expect(ctx.actions.some((a) => a.type === "progressed")).toBe(true);
  });
});

describe("accepting a proposed cell that has no name (src/app/propose.ts acceptProposals)", () => {
  test("the cell gets its readable name in the workbook; the mapping and the pickers use the name", async () => {
    const port = phuThoWorkbook({ names: [{ name: "ct_1_1_1_tu_so", formula: "'Số liệu'!$B$1" }] });
    const ctx = store(port);
    await runLoad(ctx, ctx.shell.initial!);
    await runChooseRuleset(ctx, PHU_THO);
    const labelled = ctx.get().proposals.filter((p) => p.newName !== undefined);
    expect(labelled.length).toBeGreaterThan(0);
    await runAccept(ctx, labelled);
    const first = labelled[0]!;
    expect(ctx.get().mapping?.indicators[first.code]?.[first.slot]).toBe(first.newName);
    expect((await port.snapshot()).names.map((n) => n.name)).toContain(first.newName);
    expect(ctx.get().names?.some((n) => n.ref === first.newName)).toBe(true);
    expect(ctx.get().proposals.some((p) => p.code === first.code && p.slot === first.slot)).toBe(false);
  });

  test("a workbook that cannot take a name: the mapping is unchanged and the refusal says what to do", async () => {
    const port = phuThoWorkbook({ names: [] });
    const noNames = Object.assign(Object.create(port) as typeof port, { addName: undefined });
    const ctx = store(noNames);
    await runLoad(ctx, ctx.shell.initial!);
    await runChooseRuleset(ctx, PHU_THO);
    const labelled = ctx.get().proposals.filter((p) => p.newName !== undefined);
    await expect(runAccept(ctx, labelled)).rejects.toThrow(/hãy đặt tên cho ô trong Excel/);
    expect(ctx.get().mapping?.indicators).toEqual({});
  });
});
