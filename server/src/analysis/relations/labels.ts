// Names and labels: the rate a percent names (办结率 → stem 办结), how well a count's label matches it, synonyms,
// negation, the words of growth and comparison, list stop words and residual items.

const SYNONYMS: string[][] = [
  ['办结', '审结', '结案', '办毕', '办理完毕', '已结'],
  ['调解', '化解', '和解'],
  ['答复', '办复', '回复'],
  ['通过', '合格', '及格'],
  ['纠错', '纠正'],
  ['公开', '公示'],
  ['整改', '整治'],
  ['受理', '收到', '接收', '收案'],
  ['成功', '调处成功'],
];
export const variants = (w: string): string[] => {
  for (const g of SYNONYMS) if (g.includes(w)) return g;
  return [w];
};
/** Modifiers that do not change what a rate counts (化解成功率 ↔ 调解成功). */
const GENERIC = new Set(['案件', '事项', '行政', '纠纷', '矛盾', '信访', '复议', '诉讼', '审查', '直接', '全部', '各类', '总体', '综合', '平均', '整体', '工作', '办理', '问题', '申请', '业务', '项目', '群众', '服务', '调解', '化解', '和解', '一审', '发现', '考试', '人员', '全年', '全市', '全县', '全区', '年度', '累计', '全省', '实际', '当年', '本年', '今年', '排查', '执法', '案卷']);

const RATE_SUFFIXES = ['占比', '比例', '比率', '比重', '率'];
export const GROWTH_WORDS = ['增长', '增加', '上升', '提高', '提升', '下降', '减少', '降低', '回落', '增幅', '降幅', '增速'];
export const DOWN_WORDS = ['下降', '减少', '降低', '回落', '降幅'];
export const COMPARE_WORDS = ['同比', '环比', '较上年', '比上年', '较去年', '比去年', '较上一年', '比上一年', '较同期', '与上年相比', '与去年相比', '较前一年', '比前一年'];
export const PREVIOUS_MARKERS = ['上年', '去年', '上一年', '前一年', '同期', '上年度'];

export interface RateName {
  /** The name as written, e.g. 办结率, 划转占比 (normalised). */
  name: string;
  stem: string;
  kind: 'rate' | 'share';
}

/** Last characters of the rate suffixes: a key ending otherwise names no rate. */
const RATE_LAST = new Set(RATE_SUFFIXES.map((w) => w.charCodeAt(w.length - 1)));

/**
 * Short strings only are remembered across documents: a longer one may be a slice that keeps its whole document
 * alive. Each cache is bounded.
 */
const CACHED_KEY_MAX = 12;
const CACHE_SIZE = 1024;
const rateNameCache = new Map<string, RateName | undefined>();

/** rateName, remembered per key (keys repeat within and across reports; the names are never modified). */
export function rateNameOf(key: string): RateName | undefined {
  if (!RATE_LAST.has(key.charCodeAt(key.length - 1))) return undefined;
  if (key.length > CACHED_KEY_MAX) return rateName(key);
  let rn = rateNameCache.get(key);
  if (rn === undefined && !rateNameCache.has(key)) {
    rn = rateName(key);
    if (rateNameCache.size >= CACHE_SIZE) rateNameCache.clear();
    rateNameCache.set(key, rn);
  }
  return rn;
}

/** The rate a percent names: 办结率达 → 办结率 (stem 办结); 划转占比 → share with stem 划转. */
export function rateName(key: string): RateName | undefined {
  if (!RATE_LAST.has(key.charCodeAt(key.length - 1))) return undefined;
  for (const w of GROWTH_WORDS) if (key.endsWith(w)) return undefined;
  for (const suf of RATE_SUFFIXES) {
    if (!key.endsWith(suf)) continue;
    let stem = key.slice(0, key.length - suf.length);
    // growth rates are changes, not part/base rates
    if (/(增长|增|降|增速|变化|同比|环比)$/.test(stem)) return undefined;
    if (suf === '占比' && stem.endsWith('占')) stem = stem.slice(0, -1);
    // keep the last run of the stem (after 其中 / 一是 / 的)
    const qz = stem.lastIndexOf('其中');
    const cut = Math.max(qz >= 0 ? qz + 1 : -1, stem.lastIndexOf('是'), stem.lastIndexOf('的'));
    if (cut >= 0 && cut < stem.length - 1) stem = stem.slice(cut + 1);
    stem = stem.trim();
    let shown = stem;
    for (const w of ['负责人', '机关', '年度', '全市', '全县', '全区', '全省', '各级', '我县', '我市', '我区', '全年']) {
      const k = shown.lastIndexOf(w);
      if (k >= 0 && shown.length - k - w.length >= 2) shown = shown.slice(k + w.length);
    }
    if (shown.length > 8) shown = shown.slice(-6);
    return { name: shown + (suf === '占比' && !shown ? '占比' : suf), stem, kind: suf === '率' ? 'rate' : 'share' };
  }
  return undefined;
}

/** One alternative of a rate's stem (办结、答复 → 办结 | 答复), prepared for matching labels. */
export interface StemAlt {
  tail: string;
  /** The characters of the tail when it has three or more (same words in another order). */
  tailChars?: string[];
  /** Variants of the last two characters. */
  v1: string[];
  /** No second word, or a generic one: the last word alone matches. */
  w2Free: boolean;
  /** Variants of the second-to-last word. */
  v2: string[];
}

/** What a stem says about the labels of its counts, prepared once per stem. */
export interface StemInfo {
  alts: StemAlt[];
  /** Variants of the stem's last two characters (negated counts), or undefined when it has fewer. */
  negVariants?: string[];
}

const stemCache = new Map<string, StemInfo>();

function stemInfo(stem: string): StemInfo {
  let info = stemCache.get(stem);
  if (info) return info;
  const alts: StemAlt[] = [];
  for (const alt0 of stem.split(/[、/]/)) {
    const alt = alt0.trim();
    if (alt.length < 2) continue;
    const tail = alt.length > 4 ? alt.slice(-4) : alt;
    const w1 = alt.slice(-2);
    const w2 = alt.length >= 4 ? alt.slice(-4, -2) : '';
    alts.push({ tail, tailChars: tail.length >= 3 ? [...tail] : undefined, v1: variants(w1), w2Free: !w2 || GENERIC.has(w2), v2: w2 ? variants(w2) : [] });
  }
  const w1 = stem.slice(-2);
  const head = stem.slice(0, -2);
  // the rate itself counts the negative (未成功率 ↔ 未成功调解260件): no count of it is the opposite
  const negVariants = w1.length < 2 || /[未不没无]$/.test(head) || /(不予|没有|尚未)$/.test(head) ? undefined : variants(w1);
  info = { alts, negVariants };
  if (stem.length <= CACHED_KEY_MAX) {
    if (stemCache.size >= CACHE_SIZE) stemCache.clear();
    stemCache.set(stem, info);
  }
  return info;
}

/** How well a count's label says it is the part a rate counts: 2 strong, 1 medium, 0 not. */
export function labelMatch(stem: string, label: string): 0 | 1 | 2 {
  if (!stem || !label) return 0;
  let best: 0 | 1 | 2 = 0;
  for (const a of stemInfo(stem).alts) {
    if (label.includes(a.tail)) return 2;
    if (best) continue;
    // the same words in another order (网上可办 ↔ 可网上办理)
    if (a.tailChars && a.tailChars.every((ch) => label.includes(ch))) best = 1;
    else if (a.v1.some((v) => label.includes(v)) && (a.w2Free || a.v2.some((v) => label.includes(v)))) best = 1;
  }
  return best;
}

const NEGATION_CHARS = new Set([...'未不没无'].map((ch) => ch.charCodeAt(0)));

/** 未办结 / 不予受理 / 没有通过: the count of the opposite of what the rate counts. */
export function negated(stem: string, label: string): boolean {
  const vs = stemInfo(stem).negVariants;
  if (!vs) return false;
  for (const v of vs) {
    const k = label.lastIndexOf(v);
    if (k > 0 && NEGATION_CHARS.has(label.charCodeAt(k - 1))) return true;
    if (k > 1 && (label.endsWith('不予', k) || label.endsWith('没有', k) || label.endsWith('尚未', k))) return true;
  }
  return false;
}

/** Proceedings a rate may name; a count for it must name the same (应诉案件 for 诉讼应诉率). */
export const PROCEEDINGS = ['诉讼', '复议', '信访', '仲裁'];

const PART_STOP_WORDS = ['共计', '合计', '总计', '累计', '此外', '同时', '全年', '另外'];
const RESIDUAL_WORDS = ['其他', '其余', '其它', '剩余', '余下'];

/** Words looked for in labels, indexed by their first character. */
export interface WordSet {
  first: Uint8Array;
  words: string[];
}
function wordSet(words: string[]): WordSet {
  const first = new Uint8Array(0x10000);
  for (const w of words) first[w.charCodeAt(0)] = 1;
  return { first, words };
}
/** Does s contain any of the words (words.some((w) => s.includes(w)))? */
export function containsAny(s: string, ws: WordSet): boolean {
  for (let k = 0; k < s.length; k++) {
    if (!ws.first[s.charCodeAt(k)]) continue;
    for (const w of ws.words) if (s.startsWith(w, k)) return true;
  }
  return false;
}
export const PART_STOP = wordSet(PART_STOP_WORDS);
export const RESIDUAL = wordSet(RESIDUAL_WORDS);

const WHOLE_GENERIC = ['总数', '总量', '总额', '总和', '总件数', '总人数', '全部', '所有', '总', '全', '的', '比例', '比重', '为', '达', '约', '数', '量', '各类', '共'];

export function wholeKey(name: string): string {
  let s = name;
  let changed = true;
  while (changed && s) {
    changed = false;
    for (const w of WHOLE_GENERIC) {
      if (s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
      }
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
      }
    }
  }
  return s;
}

export function commonSuffix(labels: string[]): number {
  if (!labels.length) return 0;
  let n = 0;
  for (;;) {
    const c = labels[0]![labels[0]!.length - 1 - n];
    if (c === undefined || !labels.every((l) => l[l.length - 1 - n] === c)) return n;
    n++;
  }
}

/** Growth words with 了 (增长了), and the last characters a key naming a change can end with. */
const GROWTH_WORDS_LE = GROWTH_WORDS.map((w) => w + '了');
const GROWTH_LAST = new Set([...GROWTH_WORDS, ...GROWTH_WORDS_LE].map((w) => w.charCodeAt(w.length - 1)));

export function growthVerb(key: string): string | undefined {
  if (!GROWTH_LAST.has(key.charCodeAt(key.length - 1))) return undefined;
  for (let k = 0; k < GROWTH_WORDS.length; k++) if (key.endsWith(GROWTH_WORDS[k]!) || key.endsWith(GROWTH_WORDS_LE[k]!)) return GROWTH_WORDS[k];
  return undefined;
}

