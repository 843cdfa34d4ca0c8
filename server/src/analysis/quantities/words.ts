// Words around a figure: approximation words (约 … 左右) and the linking verbs that end a label (办结率达到 → 办结率).
import { CodeLists, codeSet } from './chars';

/** Words before a figure that make it approximate (约100件, 不到20人); PREFIX_LAST: their last characters. */
export const PREFIX_APPROX = ['将近', '接近', '大约', '不到', '不足', '不少于', '不低于', '不超过', '至少', '最高', '最多', '高于', '低于', '超过', '多达', '约', '近', '超', '逾'];
export const PREFIX_LAST = codeSet(PREFIX_APPROX.map((w) => w[w.length - 1]!));
/** Words after a figure that make it approximate (100件左右, 20人以上); SUFFIX_FIRST: their first characters. */
export const SUFFIX_APPROX = ['左右', '以上', '以下', '以内', '上下', '之多', '有余', '许'];
export const SUFFIX_FIRST = codeSet(SUFFIX_APPROX.map((w) => w[0]!));

/** Trailing linking words stripped from a label to get its key (办结率达到 → 办结率). */
const TRAILING_VERBS = ['达到了', '达到', '提升至', '提升到', '提高至', '提高到', '稳定在', '保持在', '保持', '分别为', '分别是', '分别', '均为', '均达', '高达', '共计', '合计', '总计', '累计', '约为', '大约', '实现', '已达', '达', '为', '是', '约', '近', '超过', '超', '逾', '共', '计', '均', '有', '在', '了', '的', '已', '将近', '接近', '不到', '不足', '至少', '不低于', '高于', '低于'];

/** The trailing verbs by their last character, in list order (a word can only end a label that ends in its last character). */
const TRAILING_BY_LAST = new CodeLists<string>();
for (const v of TRAILING_VERBS) TRAILING_BY_LAST.add(v.charCodeAt(v.length - 1), v);

/** The key of a label: the label without its trailing linking verbs (at most six of them). */
export function stripTrailingVerbs(label: string): string {
  let s = label.trim();
  for (let guard = 0; guard < 6; guard++) {
    if (!s) break;
    const list = TRAILING_BY_LAST.get(s.charCodeAt(s.length - 1));
    if (!list) break;
    let changed = false;
    for (const v of list) {
      if (s.length > v.length && s.endsWith(v)) {
        s = s.slice(0, s.length - v.length).trimEnd();
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return s;
}
