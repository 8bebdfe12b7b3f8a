/** @jest-environment jsdom */
/*
 * Issue 16 point 5 / issue 10's pane controls: "Tạm dừng / Không áp dụng" with a reason and the case
 * chosen for an either-or indicator, stored in the workbook with the mapping; the command line then
 * gets the same verdicts from the saved file. The Hà Tĩnh flow drives the pane's own runners and
 * reducer (its 60-indicator form is slow to render in jsdom on a shared machine); the controls
 * themselves are exercised in the rendered pane on Phú Thọ and alone.
 */
import "./text-codec";
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { evaluateWorkbook } from "../../src/app/evaluate-workbook";
import { parseMappingText } from "../../src/core/mapping/schema";
import { CaseControl } from "../../src/taskpane/components/SituationControls";
import { ANSWERS_SHEET, questionsOf } from "../../src/taskpane/state/answers-sheet";
import { initialState, reduce, type TaskpaneState } from "../../src/taskpane/state/reducer";
import { runAnswer } from "../../src/taskpane/state/runners/answers";
import type { RunContext } from "../../src/taskpane/state/runners/context";
import { runEvaluate } from "../../src/taskpane/state/runners/evaluate";
import { runLoad } from "../../src/taskpane/state/runners/load";
import { T } from "../../src/taskpane/strings";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { makeTemplate, TEMPLATE_SHEET, templateName } from "../../src/workbook/xlsx/template";
import { editWorkbook } from "../e2e/scenarios";
import { catalog, fillDetails, officeShell, PHU_THO_TITLE, phuThoWorkbook, renderPane } from "./fixtures";

const HA_TINH = "ha-tinh-xa-ntm-2022";
const MARKET = "7.1";

/** The Hà Tĩnh template with 7.1 ("chợ đạt chuẩn") typed Đạt, as a clerk fills it. */
async function haTinhWorkbook(): Promise<XlsxWorkbook> {
  const ruleset = catalog().rulesets.get(HA_TINH)!;
  const template = await makeTemplate(ruleset, {});
  const snap = await (await XlsxWorkbook.open(template)).snapshot();
  const name = snap.names.find((n) => n.name === templateName(MARKET, "value"))!;
  if (name.target.kind !== "range") throw new Error("7.1 has no cell in the template");
  const at = `${String.fromCharCode(64 + name.target.range.left)}${name.target.range.top}`;
  return XlsxWorkbook.open(await editWorkbook(template, TEMPLATE_SHEET, { [at]: "Đạt" }));
}

function store(port: WorkbookPort): RunContext {
  const shell = officeShell(port);
  let s: TaskpaneState = initialState(shell.initial);
  return { get: () => s, dispatch: (a) => (s = reduce(s, a)), shell, catalog: catalog() };
}

const marketKey = () => questionsOf(catalog().rulesets.get(HA_TINH)!).find((q) => q.slots.some((x) => x.code === MARKET))!.key;

async function paneAndCli(answer: boolean) {
  const wb = await haTinhWorkbook();
  const ctx = store(wb);
  await runLoad(ctx, ctx.shell.initial!);
  expect(ctx.get().rulesetId).toBe(HA_TINH);
  await runAnswer(ctx, marketKey(), answer);
  ctx.dispatch({ type: "situationSet", code: "8.1", situation: { suspended: "Điểm bưu chính đang xây dựng" } });
  ctx.dispatch({ type: "communeSet", text: "Xã Thạch Đài" });
  ctx.dispatch({ type: "asOfSet", date: "2024-12-31" });
  await runEvaluate(ctx, true);
  const pane = Object.fromEntries(ctx.get().evaluated!.evaluation.indicators.map((i) => [i.code, i.verdict]));
  // The command line on the saved file: the stored mapping, the answers sheet, nothing from the pane.
  const saved = await XlsxWorkbook.open(await wb.save());
  const cli = await evaluateWorkbook(saved, { rulesets: catalog().rulesets });
  if (!cli.ok) throw new Error(cli.problems.map((p) => p.message).join("; "));
  return { pane, cli: Object.fromEntries(cli.evaluation.indicators.map((i) => [i.code, i.verdict])), saved, ctx };
}

describe("Hà Tĩnh 7.1/7.2 and a suspended indicator: the pane and the command line agree", () => {
  test("a market in the plan: 7.1 đạt, 7.2 không áp dụng, 8.1 tạm dừng with its reason — the same from the saved file", async () => {
    const { pane, cli, saved, ctx } = await paneAndCli(true);
    expect(pane).toMatchObject({ "7.1": "dat", "7.2": "khong-ap-dung", "8.1": "tam-dung" });
    expect(cli).toEqual(pane);
    const snap = await saved.snapshot();
    expect(snap.sheets.map((s) => s.name)).toContain(ANSWERS_SHEET);
    const stored = parseMappingText("sổ tính", snap.mappingText!);
    expect(stored.ok && stored.mapping.suspended).toEqual({ "8.1": "Điểm bưu chính đang xây dựng" });
    expect(
      ctx
        .get()
        .evaluated!.evaluation.indicators.find((i) => i.code === "8.1")!
        .notes.join(" "),
    ).toMatch(/Điểm bưu chính đang xây dựng/);
  });

  test("no market in the plan: 7.1 không áp dụng and 7.2 judged (thiếu số liệu) — the same from the saved file; the answer is read back on opening", async () => {
    const { pane, cli, saved } = await paneAndCli(false);
    expect(pane).toMatchObject({ "7.1": "khong-ap-dung", "7.2": "thieu-so-lieu" });
    expect(cli).toEqual(pane);
    const again = store(saved);
    await runLoad(again, again.shell.initial!);
    expect(again.get().answers).toEqual({ [marketKey()]: false });
  });
});

describe("the controls in the rendered pane", () => {
  test("Tạm dừng / Không áp dụng on 1.2.1 asks for a reason, then gives tạm dừng with it; unticked, it is lifted", async () => {
    const user = userEvent.setup({ delay: null });
    const wb = phuThoWorkbook();
    renderPane(officeShell(wb));
    await user.click(await screen.findByRole("combobox", { name: T.programme }));
    await user.click(await screen.findByRole("option", { name: new RegExp(PHU_THO_TITLE) }));
    await screen.findByRole("tab", { name: new RegExp(T.tabMapping) });
    await user.click(screen.getByRole("checkbox", { name: T.suspendLabel("1.2.1") }));
    expect(screen.getByText(T.suspendNeedsReason)).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: T.suspendReason("1.2.1") }), "Chưa triển khai{Enter}");
    fillDetails();
    await user.click(screen.getByRole("button", { name: T.evaluate }));
    await screen.findByRole("region", { name: T.tabResults });
    const item = document.querySelector('li[data-code="1.2.1"]') as HTMLElement;
    expect(item).toHaveAttribute("data-verdict", "tam-dung");
    expect(within(item).getByText(/Chưa triển khai/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.writeStatus }));
    await screen.findByText(/Đã ghi trang “Trạng thái chỉ tiêu”/);
    expect(JSON.parse((await wb.snapshot()).mappingText!).suspended).toEqual({ "1.2.1": "Chưa triển khai" });

    await user.click(screen.getByRole("tab", { name: /Ánh xạ ô số liệu/ }));
    await user.click(screen.getByRole("checkbox", { name: T.suspendLabel("1.2.1") }));
    expect(screen.queryByRole("textbox", { name: T.suspendReason("1.2.1") })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: T.evaluate }));
    await screen.findByRole("region", { name: T.tabResults });
    expect(document.querySelector('li[data-code="1.2.1"]')).not.toHaveAttribute("data-verdict", "tam-dung");
  });

  test("the case control gives Có, Không, or no answer", async () => {
    const user = userEvent.setup({ delay: null });
    const onAnswer = jest.fn();
    const { rerender } = render(<CaseControl label="7.1 — Trả lời: Xã có chợ?" answer={undefined} onAnswer={onAnswer} />);
    const box = screen.getByRole("combobox", { name: "7.1 — Trả lời: Xã có chợ?" });
    expect(box).toHaveTextContent(T.caseUnanswered);
    await user.click(box);
    await user.click(screen.getByRole("option", { name: T.caseNo }));
    expect(onAnswer).toHaveBeenLastCalledWith(false);
    rerender(<CaseControl label="7.1 — Trả lời: Xã có chợ?" answer={false} onAnswer={onAnswer} />);
    expect(box).toHaveTextContent(T.caseNo);
    await user.click(box);
    await user.click(screen.getByRole("option", { name: T.caseUnanswered }));
    expect(onAnswer).toHaveBeenLastCalledWith(undefined);
  });
});
