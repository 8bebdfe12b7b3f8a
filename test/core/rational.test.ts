import { ceil, cmp, floor, fromDecimalString, fromNumber, rat, roundHalfUpScaled, toExactString } from "../../src/core/evaluate/rational";

describe("exact rationals", () => {
  test.each([
    [0.1, "1/10"],
    [6.5, "13/2"],
    [0.586, "293/500"],
    [3986, "3986"],
    [1e-7, "1/10000000"],
    [-2.5, "-5/2"],
  ])("reads %p as the decimal written, %s", (x, exact) => {
    expect(toExactString(fromNumber(x))).toBe(exact);
  });

  test("compares 3388/3986 below 85/100 although both round to 85,0%", () => {
    expect(cmp(rat(3388, 3986), rat(85, 100))).toBe(-1);
    expect(cmp(rat(3389, 3986), rat(85, 100))).toBe(1);
  });

  test.each([
    [rat(7, 2), 3n, 4n],
    [rat(-7, 2), -4n, -3n],
    [rat(4), 4n, 4n],
  ])("floor and ceil of %p", (r, f, c) => {
    expect(floor(r)).toBe(f);
    expect(ceil(r)).toBe(c);
  });

  test("rounds half up at one decimal: 2865/3986 is 71,9%, not the truncated 71,8%", () => {
    expect(roundHalfUpScaled(rat(2865 * 100, 3986), 1)).toBe(719n);
    expect(roundHalfUpScaled(rat(2125, 100), 1)).toBe(213n);
  });

  test("refuses text that is not a decimal", () => {
    expect(() => fromDecimalString("1,5")).toThrow();
    expect(() => fromDecimalString("")).toThrow();
  });

  test("refuses a zero denominator", () => {
    expect(() => rat(1, 0)).toThrow();
  });
});
