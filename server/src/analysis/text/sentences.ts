// Sentence ends in normalised text (model.norm, where ！？；are already ! ? ;).

/** The characters that end a sentence: 。 ! ?. */
export const FULL_STOPS = '。!?';
/**
 * The characters that end a sentence or one part of a ；-separated sentence: 。 ! ? ;. The checks that look for
 * words within one sentence stop at ; as well; the number relations read a ；-separated list as one sentence.
 */
export const SENTENCE_ENDS = FULL_STOPS + ';';

const ENDS = new Uint8Array(0x10000);
for (const ch of SENTENCE_ENDS) ENDS[ch.charCodeAt(0)] = 1;

/** Does the code unit end a sentence or one part of a ；-separated sentence (。 ! ? ;)? */
export function isSentenceEnd(code: number): boolean {
  return ENDS[code] === 1;
}
