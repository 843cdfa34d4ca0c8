// The counting units after a number (件, 人次, 个百分点 …), their classes, and the words that show a unit character
// is not a unit.
import { CodeLists, codeSet } from './chars';

const UNITS: [string, string][] = [
  // [unit as written, class]
  ['个百分点', 'pp'],
  ['百分点', 'pp'],
  ['平方公里', '平方公里'],
  ['平方米', '平方米'],
  ['人次', '人次'],
  ['场次', '场'],
  ['家次', '家次'],
  ['户次', '户次'],
  ['批次', '批'],
  ['件次', '件次'],
  ['车次', '车次'],
  ['公里', '公里'],
  ['公顷', '公顷'],
  ['元', '元'],
  ['件', '件'],
  ['宗', '件'],
  ['起', '件'],
  ['例', '件'],
  ['项', '项'],
  ['人', '人'],
  ['名', '人'],
  ['位', '人'],
  ['次', '次'],
  ['个', '个'],
  ['户', '户'],
  ['场', '场'],
  ['亩', '亩'],
  ['家', '家'],
  ['条', '条'],
  ['份', '份'],
  ['部', '部'],
  ['处', '处'],
  ['期', '期'],
  ['批', '批'],
  ['篇', '篇'],
  ['册', '册'],
  ['张', '张'],
  ['台', '台'],
  ['套', '套'],
  ['辆', '辆'],
  ['座', '座'],
  ['类', '类'],
  ['支', '支'],
  ['所', '所'],
  ['吨', '吨'],
  ['卷', '卷'],
  ['单', '单'],
  ['轮', '轮'],
  ['节', '节'],
];

/** Words that, right after a unit character, show it is not a unit ("3部门" is fine, "统一部署" is not). */
const UNIT_NOT_BEFORE: Record<string, string> = {
  部: '署门分',
  起: '诉草来点步到',
  名: '单录称义列',
  次: '日年要',
  处: '理罚置分',
  期: '间限满末',
  场: '所景',
  所: '有属在以',
  户: '籍口',
  批: '准复示转',
  台: '账帐',
  例: '如',
  座: '谈',
  支: '持付撑',
  条: '例',
  人: '民大',
  元: '旦',
  个: '人性体',
  类: '似型',
  单: '位元独一纯',
  节: '约日点能',
  卷: '入宗',
  轮: '流换训',
};

/** 个 + these words is a duration, not a count (3个工作日, 6个月). */
const DURATION_AFTER_GE = ['工作日', '月', '小时', '星期', '季度', '年度', '自然日', '周'];

export interface UnitMatch {
  unit: string;
  cls: string;
  len: number;
  /** Characters that must not follow (UNIT_NOT_BEFORE), as code units. */
  bad: number[];
}

/** The units by the code of their first character, longest first where it matters (UNITS order). */
const UNITS_BY_FIRST = new CodeLists<UnitMatch>();
for (const [unit, ucls] of UNITS) {
  UNITS_BY_FIRST.add(unit.charCodeAt(0), { unit, cls: ucls, len: unit.length, bad: [...(UNIT_NOT_BEFORE[unit] ?? '')].map((ch) => ch.charCodeAt(0)) });
}
const C_GE = 0x4e2a; // 个
const DURATION_FIRST = codeSet(DURATION_AFTER_GE.map((w) => w[0]!));

/** The counting unit at j in norm (undefined when the characters there are not one). */
export function matchUnit(norm: string, j: number, end: number): UnitMatch | undefined {
  const list = UNITS_BY_FIRST.get(norm.charCodeAt(j));
  if (!list) return undefined;
  for (const m of list) {
    if (j + m.len > end) continue;
    if (m.len === 1 || norm.startsWith(m.unit, j)) {
      if (m.bad.length && m.bad.includes(norm.charCodeAt(j + m.len))) return undefined;
      if (m.len === 1 && norm.charCodeAt(j) === C_GE && DURATION_FIRST[norm.charCodeAt(j + 1)]) {
        for (const w of DURATION_AFTER_GE) if (norm.startsWith(w, j + 1)) return undefined;
      }
      return m;
    }
  }
  return undefined;
}
