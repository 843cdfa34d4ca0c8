// Heading numbers written in the style of the document: a marker rendered like an existing one.
import { cnNumeral } from './normalise';
import { fullWidthDigits, hasFullWidthDigit } from './text/width';

/** Renders a numbering marker in the style of an existing one (一、 / （一） / (一) / 1. / 1、 / （1）). */
export function renderMarker(example: string, scheme: string, value: number): string {
  if (scheme === 'cn' || scheme === 'cn-paren') return example.replace(/[一二三四五六七八九十]+/, cnNumeral(value));
  const num = hasFullWidthDigit(example) ? fullWidthDigits(String(value)) : String(value);
  return example.replace(/[0-9０-９]+/, num);
}
