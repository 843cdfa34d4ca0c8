import type { CheckDef } from '../check';
// structure
import { missingSection } from './missing-section';
import { headingNumbering } from './heading-numbering';
// numbers (register new number checks below this line)
// names (register new name checks below this line)
// dates (register new date checks below this line)

/** The one ordered list of checks. */
export const checks: CheckDef[] = [
  missingSection,
  headingNumbering,
  // numbers
  // names
  // dates
];
