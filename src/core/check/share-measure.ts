import type { Rational } from "../evaluate/rational";
import type { Comparator, ShareRequirement } from "../ruleset/schema";
import { formatShareThreshold, shareThresholdValue } from "../text/format";

/**
 * A share an indicator holds — numerator over denominator, or a typed ratio — with what the
 * checks need to know of it: whether it is a share (cannot exceed its whole), the population its
 * denominator counts, and the threshold in force. Each kind declares its own (src/core/kinds).
 */
export type ShareMeasure = {
  /** "" or the part id of a two-part indicator; slots are `${prefix}.numerator` etc. */
  prefix: string;
  name: string;
  share: boolean;
  population?: string | undefined;
  numeratorLabel: string;
  denominatorLabel: string;
  unit: string;
  /** 0/0 is not applicable for this share (the document's "100% of none"). */
  whenNone?: boolean;
  /** The threshold in force; absent when it cannot be known (no report date, condition missing). */
  threshold?: { comparator: Comparator; value: Rational; text: string } | undefined;
};

export const shareThreshold = (req: ShareRequirement): NonNullable<ShareMeasure["threshold"]> => ({
  comparator: req.comparator,
  value: shareThresholdValue(req),
  text: formatShareThreshold(req),
});
