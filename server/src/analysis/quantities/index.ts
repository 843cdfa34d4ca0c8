// Quantities in running text: numbers with their unit, label and form, with exact values; the numbers of table cells;
// the text marks recorded on the way; the exact rational arithmetic under the number checks; and writing a figure
// back in the writer's form. Pure and linear: one left-to-right scan per line, never floats.
//
//   rational.ts   exact arithmetic (bigint rationals, rounding and truncation to a number of decimals)
//   chars.ts      character tables by code unit
//   numerals.ts   Arabic and Chinese numbers at a position
//   units.ts      counting units; words.ts: approximation and linking words
//   brackets.ts   titles, document numbers and quotes that protect their numbers
//   marks.ts      the text marks (sentence ends, 其中, colons, 分别), their kinds declared once
//   scanner.ts    the scan of a line (its state in a QuantityScanner value)
//   per-model.ts  the quantities and marks of a model, once per model
//   cells.ts      table cells; format.ts: a figure written back in the writer's form
export * from './rational';
export type { CellNumber, NumberForm, Quantity } from './types';
export { MARK_COLON, MARK_FEN, MARK_OF, MARK_QI, MARK_SENTENCE_END, type TextMarks } from './marks';
export { extractQuantities, quantitiesOf, QuantityScanner } from './scanner';
export { stripTrailingVerbs } from './words';
export { getQuantities, getTextMarks, type ModelQuantities } from './per-model';
export { parseCellNumber } from './cells';
export { formatLike, toChineseInteger } from './format';
