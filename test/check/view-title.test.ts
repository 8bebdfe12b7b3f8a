import { checkView, withoutTitle } from "../../src/core/check/view";
import { problem } from "../../src/core/check/types";

describe("a check item does not repeat its title", () => {
  test.each([
    ["Chỉ tiêu 1.1.1 chưa có số liệu: chưa gán ô", "Chưa có số liệu: chưa gán ô"],
    ["Chỉ tiêu 1.1.1: Phụ lục 03 có 5 dòng", "Phụ lục 03 có 5 dòng"],
    ["Chỉ tiêu 1.1.1, tử số: Phụ lục 03 đếm được 5", "Tử số: Phụ lục 03 đếm được 5"],
    ["Chỉ tiêu 1.1.10 chưa có số liệu", "Chỉ tiêu 1.1.10 chưa có số liệu"],
    ["chỉ tiêu 1.1.1: tử số 1.200 lớn hơn mẫu số 1.000", "Tử số 1.200 lớn hơn mẫu số 1.000"],
    ["Tên dttm không có trong sổ tính", "Tên dttm không có trong sổ tính"],
  ])("%s", (message, shown) => {
    expect(withoutTitle("Chỉ tiêu 1.1.1", message)).toBe(shown);
  });

  test("in the view: title 'Chỉ tiêu 1.1.1', message without it", () => {
    const view = checkView([problem("missing-input", "Chỉ tiêu 1.1.1 chưa có số liệu: chưa gán ô cho tử số", { code: "1.1.1" })]);
    expect(view.sections[0]!.items[0]).toMatchObject({ title: "Chỉ tiêu 1.1.1", message: "Chưa có số liệu: chưa gán ô cho tử số" });
  });
});
