// Deterministic synthetic report drafts of a given size, for the benchmark and the linear-time tests.
// Sentences vary numbers, rates, shares, titles in 《》 and both heading styles, like real drafts.

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const TOPICS = ['加强组织领导', '深化“放管服”改革', '健全依法决策机制', '推进严格规范公正文明执法', '强化行政权力监督', '化解社会矛盾纠纷', '提升法治宣传实效', '优化法治化营商环境'];
const LAWS = ['《中华人民共和国行政处罚法》', '《重大行政决策程序暂行条例》', '《法治政府建设实施纲要（2021－2025年）》', '《优化营商环境条例》', '《中华人民共和国行政复议法》', '《信访工作条例》'];
const UNITS = ['件', '项', '人次', '次', '个', '场次'];

export function generateReport(targetBytes: number, seed = 1, year = 2023): string {
  const r = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const markdown = r() < 0.5;
  const out: string[] = [];
  let size = 0;
  const push = (s: string) => {
    out.push(s);
    size += Buffer.byteLength(s) + 1;
  };
  push(`${markdown ? '# ' : ''}某某县人民政府关于${year}年度法治政府建设情况的报告`);
  push('');
  push(`${year}年，我县坚持以习近平法治思想为指导，全面推进法治政府建设。现将有关情况报告如下：`);
  push('');
  const sentence = () => {
    switch (int(0, 5)) {
      case 0: {
        const base = int(50, 3000);
        const part = int(Math.floor(base * 0.8), base);
        return `全年受理${pick(['行政复议', '政务服务', '信访', '法律援助'])}案件${base}件，办结${part}件，办结率${((part / base) * 100).toFixed(2)}%。`;
      }
      case 1: {
        const whole = int(100, 900);
        const a = int(1, Math.floor(whole / 3));
        const b = int(1, Math.floor(whole / 3));
        return `共开展执法检查${whole}次，其中联合检查${a}次、专项检查${b}次。`;
      }
      case 2:
        return `认真贯彻落实${pick(LAWS)}，组织学习培训${int(2, 40)}场次，参训${int(100, 5000)}人次。`;
      case 3: {
        const whole = int(20, 400);
        const part = int(1, whole);
        return `网上申请${part}件，占${((part / whole) * 100).toFixed(1)}%，全年申请总数${whole}件。`;
      }
      case 4:
        return `${pick(['县政府常务会议', '县委全面依法治县委员会'])}专题研究法治政府建设工作${int(2, 12)}次，审查规范性文件${int(5, 80)}${pick(UNITS)}。`;
      default:
        return `一是${pick(TOPICS)}；二是${pick(TOPICS)}；三是${pick(TOPICS)}，取得了良好成效。`;
    }
  };
  // Valid numbering at every size: ten parts 一、…十、, ten sub-sections （一）…（十） in each, and numbered items
  // 1. 2. … that carry the body (items past 99 read as plain paragraphs, as in real drafts).
  const perSub = Math.max(1, Math.ceil(targetBytes / 100 / 700));
  for (let top = 1; top <= 10 && size < targetBytes; top++) {
    push(`${markdown ? '## ' : ''}${CN[top - 1]}、${pick(TOPICS)}`);
    push('');
    for (let sub = 1; sub <= 10 && size < targetBytes; sub++) {
      push(`（${CN[sub - 1]}）${pick(TOPICS)}。${sentence()}`);
      push('');
      const last = top === 10 && sub === 10;
      for (let item = 1; (item <= perSub || last) && size < targetBytes; item++) {
        const body = Array.from({ length: int(2, 6) }, sentence).join('');
        push(`${item}.${pick(TOPICS)}。${body}`);
        push('');
      }
    }
  }
  push('某某县人民政府');
  push('');
  push(`${year + 1}年2月1日`);
  return out.join('\n') + '\n';
}
