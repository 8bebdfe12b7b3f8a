import type { PassRule } from "../ruleset/schema";
import type { Verdict } from "./result";

/**
 * The verdict of a set of items under a pass rule. Suspended and not-applicable items are not required; a certain
 * failure outranks unknowns; lỗi số liệu outranks thiếu số liệu (a wrong figure must be fixed).
 */
export function combine(verdicts: Verdict[], rule: PassRule): { verdict: Verdict; passed: number; applicable: number } {
  // Not applicable ("nếu có", the other either-or case) leaves the count, like a suspended item.
  const applicable = verdicts.filter((v) => v !== "tam-dung" && v !== "khong-ap-dung");
  const passed = applicable.filter((v) => v === "dat").length;
  const unknown = applicable.filter((v) => v === "loi-so-lieu" || v === "thieu-so-lieu").length;
  const hasLoi = applicable.includes("loi-so-lieu");
  if (applicable.length === 0) {
    const none = verdicts.length > 0 && verdicts.every((v) => v === "khong-ap-dung");
    return { verdict: none ? "khong-ap-dung" : "tam-dung", passed, applicable: 0 };
  }
  const needed = "all" in rule ? applicable.length : rule.atLeast;
  let verdict: Verdict;
  if (passed >= needed) verdict = "dat";
  else if (passed + unknown < needed) verdict = "khong-dat";
  else verdict = hasLoi ? "loi-so-lieu" : "thieu-so-lieu";
  return { verdict, passed, applicable: applicable.length };
}
