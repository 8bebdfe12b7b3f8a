import type { AppliesIf } from "./schema";

/** When an indicator or a part applies, as the template says it beside the inputs. */
export function appliesText(a: AppliesIf | undefined): string[] {
  if (!a) return [];
  return [`Chỉ áp dụng khi "${a.question}" là ${a.answer ? "Có" : "Không"}; nếu không: Không áp dụng — ${a.reason}.`];
}

/** What a share of none means, where the document says. */
export const whenNoneText = (w: { reason: string } | undefined): string[] => (w ? [`0/0: Không áp dụng — ${w.reason}.`] : []);
