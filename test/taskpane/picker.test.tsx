/** @jest-environment jsdom */
/*
 * The mapping picker cannot store a wrong name (issue 16, point 1): Enter takes the highlighted
 * option; text that is not a name of the workbook is refused in its row at once, with the nearest
 * names offered; the count counts only valid names.
 */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkRef, nearestNames, type NameOption } from "../../src/taskpane/state/picker";
import { T } from "../../src/taskpane/strings";
import { officeShell, PHU_THO_TITLE, phuThoWorkbook, renderPane } from "./fixtures";

type User = ReturnType<typeof userEvent.setup>;

async function chooseProgramme(user: User) {
  await user.click(await screen.findByRole("combobox", { name: T.programme }));
  await user.click(await screen.findByRole("option", { name: new RegExp(PHU_THO_TITLE) }));
  await screen.findByRole("tab", { name: new RegExp(T.tabMapping) });
}

const slot = (key: string) => document.querySelector(`[data-slot="${key}"]`) as HTMLElement;
const count = (n: number) => screen.getByRole("tab", { name: `${T.tabMapping} (${n}/18)` });

describe("checkRef and nearestNames (pure)", () => {
  const names: NameOption[] = ["can_bo_co_dttm", "co_dttm", "ho_so_truc_tuyen"].map((ref) => ({
    ref,
    where: "'Số liệu'!$B$1",
  }));

  test("a name of the workbook in any case is taken in its own spelling; a cell address with its sheet is taken", () => {
    expect(checkRef(names, " CO_DTTM ")).toEqual({ ok: true, ref: "co_dttm" });
    expect(checkRef(names, "'Số liệu'!B7")).toEqual({ ok: true, ref: "'Số liệu'!B7" });
  });

  test("typed text that is neither is refused with the names containing it, or the nearest by spelling", () => {
    expect(checkRef(names, "dttm")).toEqual({ ok: false, text: "dttm", nearest: [names[0], names[1]] });
    expect(checkRef(names, "B7")).toMatchObject({ ok: false });
    expect(nearestNames(names, "ho_so_truc_tuyn").map((n) => n.ref)).toEqual(["ho_so_truc_tuyen"]);
    expect(nearestNames(names, "zzz")).toEqual([]);
  });
});

describe("the picker in the pane (keyboard, jsdom)", () => {
  test("Enter takes the option the list highlights as the clerk types (the first shown)", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    const box = within(slot("1.2.1|numerator")).getByRole("combobox");
    await user.click(box);
    await user.keyboard("tu_so{Enter}");
    expect(box).toHaveValue("ct_1_1_1_tu_so");
    expect(count(1)).toBeInTheDocument();
  });

  test("text matching no name, and Enter: refused in the row with the nearest names; not stored, not counted", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    const row = slot("1.2.1|numerator");
    const box = within(row).getByRole("combobox");
    await user.click(box);
    await user.keyboard("ct_1_1_1_tu_sox{Enter}");
    expect(within(row).getByText(T.notAName("ct_1_1_1_tu_sox"))).toBeInTheDocument();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(count(0)).toBeInTheDocument();
    // The nearest name is offered as a button: taking it maps the row.
    await user.click(within(row).getByRole("button", { name: /^Dùng tên ct_1_1_1_tu_so cho 1\.2\.1 — / }));
    expect(box).toHaveValue("ct_1_1_1_tu_so");
    expect(within(row).queryByText(T.notAName("ct_1_1_1_tu_sox"))).not.toBeInTheDocument();
    expect(count(1)).toBeInTheDocument();
  });

  test("↓ then Enter takes the highlighted option, not the typed text", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    const row = slot("1.2.1|numerator");
    const box = within(row).getByRole("combobox");
    await user.click(box);
    await user.keyboard("cns");
    expect(await screen.findByRole("option", { name: /to_cns/ })).toBeInTheDocument();
    await user.keyboard("{ArrowDown}{Enter}");
    expect(box).toHaveValue("to_cns");
    expect(within(row).queryByText(/không phải tên/)).not.toBeInTheDocument();
    expect(count(1)).toBeInTheDocument();
  });

  test("a cell address typed with its sheet is kept; leaving the field with a wrong name refuses it too", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await chooseProgramme(user);
    const box = within(slot("1.2.1|numerator")).getByRole("combobox");
    await user.click(box);
    await user.keyboard("'Số liệu'!B9{Enter}");
    expect(count(1)).toBeInTheDocument();
    const other = within(slot("1.2.1|denominator")).getByRole("combobox");
    await user.click(other);
    await user.keyboard("khong_co");
    await user.tab();
    expect(within(slot("1.2.1|denominator")).getByText(T.notAName("khong_co"))).toBeInTheDocument();
    expect(count(1)).toBeInTheDocument();
  });
});
