/** @jest-environment jsdom */
/* Ngày báo cáo typed and shown dd/mm/yyyy whatever the browser's locale (issue 16, point 9). */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { formatIsoDate, parseTypedDate } from "../../src/taskpane/state/dates";
import { T } from "../../src/taskpane/strings";
import { officeShell, PHU_THO_TITLE, phuThoWorkbook, renderPane } from "./fixtures";

describe("dates (pure)", () => {
  test("day first, with one or two digits and any of / . -; ISO too; shown dd/mm/yyyy", () => {
    expect(parseTypedDate("30/6/2024")).toEqual({ kind: "date", iso: "2024-06-30" });
    expect(parseTypedDate("30.06.2024")).toEqual({ kind: "date", iso: "2024-06-30" });
    expect(parseTypedDate("2024-06-30")).toEqual({ kind: "date", iso: "2024-06-30" });
    expect(formatIsoDate("2024-06-30")).toBe("30/06/2024");
  });

  test("a date that does not exist, or month first, is refused", () => {
    expect(parseTypedDate("31/2/2024").kind).toBe("invalid");
    expect(parseTypedDate("6/30/2024").kind).toBe("invalid");
    expect(parseTypedDate("").kind).toBe("blank");
  });
});

describe("the date field under an en-US browser", () => {
  const language = Object.getOwnPropertyDescriptor(window.navigator, "language");
  beforeAll(() => Object.defineProperty(window.navigator, "language", { value: "en-US", configurable: true }));
  afterAll(() => {
    if (language) Object.defineProperty(window.navigator, "language", language);
    else delete (window.navigator as { language?: string }).language;
  });

  test("'30/6/2024' typed is 30 June: shown 30/06/2024 in the field and in the results heading", async () => {
    expect(navigator.language).toBe("en-US");
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    await user.click(await screen.findByRole("combobox", { name: T.programme }));
    await user.click(await screen.findByRole("option", { name: new RegExp(PHU_THO_TITLE) }));
    const field = screen.getByLabelText(T.asOf);
    await user.type(field, "30/6/2024");
    expect(field).toHaveValue("30/06/2024");
    await user.click(screen.getByRole("button", { name: T.evaluate }));
    expect(await screen.findByText(/· 30\/06\/2024$/)).toBeInTheDocument();
  });

  test("a month-first date is refused with what to type, and the report date stays empty", async () => {
    const user = userEvent.setup({ delay: null });
    renderPane(officeShell(phuThoWorkbook()));
    const field = await screen.findByLabelText(T.asOf);
    await user.type(field, "6/30/2024");
    await user.tab();
    expect(screen.getByText(/"6\/30\/2024" không phải ngày có thật/)).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
  });
});
