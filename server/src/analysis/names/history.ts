// Whether an occurrence of an old name is a current use or a historical one (原工商局, 改革前, a sentence about the
// reform or the repeal, a plan looked back on, an old name inside an old document's title, a year before the change).
import type { Match } from './compile';
import type { LineContext } from './line-context';
import { kindGroup, type NameEntry } from './model';
import { partitionPoint } from '../text/search';

const PLACE = '(?:[\\u4e00-\\u9fff]{0,12}?(?:省|自治区|市|自治州|州|地区|盟|县|区|旗|镇|乡|街道|人民政府|政府))?';
/** 原 / 原来的 / 改革前 … right before the name, optionally with a place in between (原温州市法制办). */
const HISTORY_BEFORE = new RegExp(
  `(?:(?<![太平中草高九五还复开山燎])原(?:来的?|名为?|称)?(?![告因则理有始料件址本先创籍貌样生价值封文稿审判平])|(?:机构)?改革前的?|更名前的?|合并前的?|撤并前的?|组建前的?|以前的|过去的|当时的)${PLACE}$`,
);
/** 工商局（现市场监管局） / 工商局现已更名 … right after the name. */
const HISTORY_AFTER = /^(?:\((?:现|今|已|后)|现为|现已|现更名|已更名|更名为|改名为|改为|已撤销|已撤并|已合并|已并入|已整合|撤销|撤并|合并|并入|整合|改革为)/;
/** A sentence about the institutional reform itself. */
const REFORM_SENTENCE = /机构改革|组建|整合|合并|并入|划入|划转|转隶|撤销|撤并|更名|改名|挂牌|揭牌|职能调整|职责调整/;
/** A sentence about a law's repeal or its replacement. */
const LAW_HISTORY_SENTENCE = /废止|失效|取代|替代|施行前|施行以前|此前|旧法|修订前|修改前|修正前|废除/;
/** A plan cited as history. */
const PLAN_HISTORY_SENTENCE = /期间|期内|回顾|以来|总结|验收|收官|完成|结束|届满|期满|终期|中期|评估|衔接|过渡|历时|五年来|上一轮|上一个|此前|前期|之前|开局|谋划|编制|起草/;
/** A plan cited as the current guide: one of these words before it in the sentence … */
const PLAN_CURRENT_WORDS = ['按照', '根据', '依据', '依照', '遵照', '贯彻', '落实', '对照', '实施', '执行', '推进', '推动', '围绕', '开展', '深化', '深入', '指导', '指引', '对标', '要求', '部署'];
/** PLAN_CURRENT_WORDS by their first code unit. */
export const PLAN_CURRENT_BY_FIRST = new Map<number, string[]>();
for (const w of PLAN_CURRENT_WORDS) {
  const c = w.charCodeAt(0);
  PLAN_CURRENT_BY_FIRST.set(c, [...(PLAN_CURRENT_BY_FIRST.get(c) ?? []), w]);
}
/** … or one of these right after it. */
const PLAN_CURRENT_AFTER = /^》?(?:的?(?:要求|部署|精神|规定|目标|任务|安排)|为指导|为统领|为引领|为抓手|为依据|提出|确定|明确)/;
const PLACE_ONLY = new RegExp(`^(?:、|和|与|及|以及|,)?${PLACE}$`);

/** Plans on a line (sorted, not overlapping): is there one other than [a, b) inside the sentence [ss, se)? */
function otherPlanIn(plans: Match[], ss: number, se: number, a: number, b: number): boolean {
  // Plans inside the sentence are a run: starts at or after ss (a suffix), ends at or before se (a prefix).
  const first = partitionPoint(0, plans.length, (i) => plans[i]!.a < ss);
  const last = partitionPoint(first, plans.length, (i) => plans[i]!.b <= se) - 1;
  if (first > last) return false;
  // The smallest end and the largest start of the run decide.
  return plans[first]!.b <= a || plans[last]!.a >= b;
}

/**
 * Why an occurrence is not a current use of the old name, or undefined. `prevHistory` is the previous hit on the
 * line when it was historical and only a list separator (and places) lies between (原工商局、质监局).
 */
export function historyReason(
  ctx: LineContext,
  a: number,
  b: number,
  entry: NameEntry,
  formIsTitle: boolean,
  effDate: { year: number; month: number },
  prev: { b: number; history?: string } | undefined,
  otherPlans: Match[],
  targetKey: string | undefined,
): string | undefined {
  const key = ctx.key;
  const group = kindGroup(entry.kind);
  const cs = ctx.clauseStart(a);
  const before = key.slice(Math.max(cs, a - 24), a);
  if (HISTORY_BEFORE.test(before)) return 'marked-historical';
  if (prev?.history && PLACE_ONLY.test(key.slice(prev.b, a))) return 'listed-with-historical';
  const after = key.slice(b, b + 8);
  if (HISTORY_AFTER.test(after)) return 'explained-after';

  // Inside a 《…》 title.
  const enc = ctx.enclosingTitle(a, b);
  if (enc) {
    if (group === 'institution' || group === 'term') return 'inside-document-title';
    // A title-like name inside a longer title: only when the enclosing title ends with it (an issuer prefix, or an
    // edition in brackets, is allowed: 《中共中央、国务院…纲要》, 《…的解释（一）》).
    const tailEmpty = enc.close < 0 || enc.close === b;
    if (formIsTitle || !tailEmpty) {
      if (!(tailEmpty || ctx.editionTail(b, enc.close))) return 'inside-other-title';
      if (formIsTitle && enc.close < 0) return 'inside-other-title';
    }
  }

  const [ss, se] = ctx.sentence(a, b);
  if (group !== 'miscited') {
    // A year before the change named earlier in the sentence (2017年，县工商局…); a change in the last months of a
    // year leaves that year's work under the old name too.
    const y = ctx.lastYearBefore(ss, a);
    if (y !== undefined && (y < effDate.year || (y === effDate.year && effDate.month >= 10))) return 'earlier-year';
  }
  switch (group) {
    case 'institution':
      if (ctx.test(REFORM_SENTENCE, ss, se, 'reform')) return 'reform-sentence';
      break;
    case 'law':
    case 'revised':
      if (ctx.test(LAW_HISTORY_SENTENCE, ss, se, 'law')) return 'repeal-sentence';
      break;
    case 'plan': {
      if (ctx.test(PLAN_HISTORY_SENTENCE, ss, se, 'plan')) return 'plan-history';
      // The successor (or another plan) named in the same sentence: a comparison or a hand-over.
      if (targetKey && ctx.includes(targetKey, ss, se)) return 'successor-in-sentence';
      if (otherPlanIn(otherPlans, ss, se, a, b)) return 'other-plan-in-sentence';
      if (!ctx.hasCueIn(ss, a) && !PLAN_CURRENT_AFTER.test(key.slice(b, b + 8))) return 'not-cited-as-current';
      break;
    }
    default:
      break;
  }
  return undefined;
}
