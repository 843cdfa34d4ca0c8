// Simplified → the document's own script: text the checks write into a traditional document (a replacement name,
// an inserted heading, a quoted part) is written in traditional characters, in Hong Kong forms when the document
// uses them.
import * as OpenCCFrom from 'opencc-js/cn2t';

let s2hk: ((s: string) => string) | undefined;
let s2tw: ((s: string) => string) | undefined;
/** Characters only the Hong Kong standard writes this way. */
const HK_ONLY = /[衞綫裏着峯麪]/;
const usesHk = new WeakMap<object, { text: string; hk: boolean }>();

/** Converts simplified text to the script of the document (unchanged in a simplified document). */
export function toDocumentScript(model: { readonly text: string; readonly traditional: boolean }, s: string): string {
  if (!model.traditional) return s;
  let d = usesHk.get(model);
  if (!d || d.text !== model.text) usesHk.set(model, (d = { text: model.text, hk: HK_ONLY.test(model.text) }));
  if (d.hk) {
    s2hk ??= OpenCCFrom.Converter({ from: 'cn', to: 'hk' });
    return s2hk(s);
  }
  s2tw ??= OpenCCFrom.Converter({ from: 'cn', to: 'tw' });
  return s2tw(s);
}
