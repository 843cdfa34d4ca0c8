// styles.xml and numbering.xml: which paragraphs are headings, and the text of Word's automatic numbering
// (counters per list, restarts, start overrides, %1.%2 level texts, number formats).
import { attr, child, children, intVal, isOn, val, type El } from './xml';
import { formatNumber, KNOWN_FORMATS } from './number-formats';

interface NumPr {
  numId?: string;
  ilvl?: number;
}

interface Style {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  outlineLvl?: number;
  numPr?: NumPr;
}

function readNumPr(pPr: El | undefined): NumPr | undefined {
  const np = child(pPr, 'numPr');
  if (!np) return undefined;
  return { numId: val(np, 'numId'), ilvl: intVal(np, 'ilvl') };
}

export class Styles {
  private readonly byId = new Map<string, Style>();
  readonly defaultParagraph?: string;

  constructor(root: El | undefined) {
    let def: string | undefined;
    if (root) {
      for (const s of children(root)) {
        if (s.localName !== 'style') continue;
        const id = attr(s, 'styleId') ?? '';
        const type = attr(s, 'type') ?? 'paragraph';
        const pPr = child(s, 'pPr');
        this.byId.set(id, { id, type, name: (val(s, 'name') ?? id).trim(), basedOn: val(s, 'basedOn'), outlineLvl: intVal(pPr, 'outlineLvl'), numPr: readNumPr(pPr) });
        if (type === 'paragraph' && /^(1|true|on)$/.test(attr(s, 'default') ?? '')) def = id;
      }
    }
    this.defaultParagraph = def;
  }

  /** The style and its ancestors (basedOn), nearest first; cycles cut. */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let cur = id ?? this.defaultParagraph;
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      const s = this.byId.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out;
  }

  name(id: string | undefined): string {
    return this.chain(id)[0]?.name ?? '';
  }

  /**
   * Heading level 1–9 of a paragraph style: Title → 1, "heading N" (Word's built-in names, also in Chinese Word) or
   * "标题 N" → N, else the outline level the style (or a style it is based on) sets.
   */
  headingLevel(id: string | undefined): number | undefined {
    for (const s of this.chain(id)) {
      const n = s.name.toLowerCase();
      if (n === 'title' || n === '标题') return 1;
      const m = /^(?:heading|标题)\s*([1-9])$/.exec(n);
      if (m) return Number(m[1]);
      if (s.outlineLvl !== undefined) return s.outlineLvl >= 0 && s.outlineLvl <= 8 ? s.outlineLvl + 1 : undefined;
    }
    return undefined;
  }

  /** Whether the style is a table-of-contents entry style (toc 1 …, TOC Heading). */
  isToc(id: string | undefined): boolean {
    const n = this.name(id).toLowerCase();
    return /^toc\s*\d$|^toc heading$|^目录\s*\d$/.test(n);
  }

  /** Numbering a paragraph style carries (numId from the nearest style that sets it, ilvl likewise). */
  numPr(id: string | undefined): NumPr | undefined {
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (const s of this.chain(id)) {
      if (numId === undefined && s.numPr?.numId !== undefined) numId = s.numPr.numId;
      if (ilvl === undefined && s.numPr?.ilvl !== undefined) ilvl = s.numPr.ilvl;
    }
    return numId === undefined ? undefined : { numId, ilvl };
  }

  /** numId of a numbering style (w:numStyleLink targets). */
  numberingStyleNumId(id: string): string | undefined {
    return this.byId.get(id)?.numPr?.numId;
  }
}

interface Level {
  start: number;
  fmt: string;
  text: string;
  /** Restart after a level at or above this 0-based level index is used; -1 never. */
  restartBelow: number;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
  pStyle?: string;
}

interface AbstractNum {
  id: string;
  levels: (Level | undefined)[];
  numStyleLink?: string;
  styleLink?: string;
}

interface Num {
  abstractId: string;
  /** Level overrides: start values and whole replacement levels. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

function readLevel(l: El): Level {
  const restart = intVal(l, 'lvlRestart');
  const ilvl = Number(attr(l, 'ilvl') ?? 0);
  const suff = val(l, 'suff');
  return {
    start: intVal(l, 'start') ?? 1,
    fmt: val(l, 'numFmt') ?? 'decimal',
    text: val(l, 'lvlText') ?? '',
    restartBelow: restart === undefined ? ilvl - 1 : restart === 0 ? -1 : restart - 1,
    isLgl: isOn(l, 'isLgl'),
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: val(l, 'pStyle'),
  };
}

/** Counter state of one list (an abstract numbering definition shared by its w:num instances). */
interface ListState {
  counts: (number | undefined)[];
  starts: number[];
}

export interface Numbered {
  /** The number text as Word shows it, e.g. "一、", "（二）", "1.", "(3)". */
  text: string;
  /** Separator Word puts between the number and the text. */
  suff: Level['suff'];
  bullet: boolean;
  level: number;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly lists = new Map<string, ListState>();
  private readonly usedNums = new Set<string>();
  /** Number formats met that are shown as decimal. */
  readonly unknownFormats = new Set<string>();

  constructor(root: El | undefined, private readonly styles: Styles) {
    if (!root) return;
    for (const e of children(root)) {
      if (e.localName === 'abstractNum') {
        const a: AbstractNum = { id: attr(e, 'abstractNumId') ?? '', levels: [], numStyleLink: val(e, 'numStyleLink'), styleLink: val(e, 'styleLink') };
        for (const l of children(e)) if (l.localName === 'lvl') a.levels[Number(attr(l, 'ilvl') ?? 0) || 0] = readLevel(l);
        this.abstracts.set(a.id, a);
      } else if (e.localName === 'num') {
        const n: Num = { abstractId: val(e, 'abstractNumId') ?? '', overrides: new Map() };
        for (const o of children(e)) {
          if (o.localName !== 'lvlOverride') continue;
          const lvl = Number(attr(o, 'ilvl') ?? 0) || 0;
          const lv = child(o, 'lvl');
          n.overrides.set(lvl, { start: intVal(o, 'startOverride'), level: lv ? readLevel(lv) : undefined });
        }
        this.nums.set(attr(e, 'numId') ?? '', n);
      }
    }
  }

  /** The abstract definition behind a num, following numStyleLink through a numbering style. */
  private abstractOf(numId: string): AbstractNum | undefined {
    const seen = new Set<string>();
    let id: string | undefined = numId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const num = this.nums.get(id);
      const a = num && this.abstracts.get(num.abstractId);
      if (!a) return undefined;
      if (!a.numStyleLink) return a;
      id = this.styles.numberingStyleNumId(a.numStyleLink);
      if (id === undefined) return a;
    }
    return undefined;
  }

  private levelOf(numId: string, a: AbstractNum, ilvl: number): Level | undefined {
    return this.nums.get(numId)?.overrides.get(ilvl)?.level ?? a.levels[ilvl];
  }

  /**
   * Counts a numbered paragraph and returns its number text; undefined for no numbering (numId 0, unknown lists).
   * Called once per paragraph, in document order.
   */
  next(direct: { numId?: string; ilvl?: number } | undefined, styleId: string | undefined): Numbered | undefined {
    let numId = direct?.numId;
    let ilvl = direct?.ilvl;
    const fromStyle = this.styles.numPr(styleId);
    if (numId === undefined) numId = fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const a = this.abstractOf(numId);
    if (!a) return undefined;
    if (ilvl === undefined) ilvl = fromStyle?.ilvl;
    if (ilvl === undefined && styleId !== undefined) {
      const byStyle = a.levels.findIndex((l) => l?.pStyle === styleId);
      if (byStyle >= 0) ilvl = byStyle;
    }
    ilvl = Math.max(0, Math.min(8, ilvl ?? 0));
    const level = this.levelOf(numId, a, ilvl);
    if (!level) return undefined;

    let list = this.lists.get(a.id);
    if (!list) {
      list = { counts: [], starts: a.levels.map((l) => l?.start ?? 1) };
      this.lists.set(a.id, list);
    }
    const num = this.nums.get(numId)!;
    if (!this.usedNums.has(numId)) {
      this.usedNums.add(numId);
      // A w:num with start overrides restarts the list where it is first used ("restart numbering" in Word).
      for (const [l, o] of num.overrides) {
        const start = o.start ?? o.level?.start;
        if (start === undefined) continue;
        list.starts[l] = start;
        list.counts[l] = undefined;
      }
    }
    list.counts[ilvl] = list.counts[ilvl] === undefined ? (list.starts[ilvl] ?? level.start) : list.counts[ilvl]! + 1;
    for (let d = ilvl + 1; d < 9; d++) {
      const dl = this.levelOf(numId, a, d);
      if (!dl || (dl.restartBelow >= 0 && ilvl <= dl.restartBelow)) list.counts[d] = undefined;
    }

    const text = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const li = Number(k) - 1;
      const l = this.levelOf(numId!, a, li);
      const value = list!.counts[li] ?? list!.starts[li] ?? l?.start ?? 1;
      const fmt = li === ilvl ? (level.isLgl && level.fmt !== 'bullet' ? 'decimal' : level.fmt) : level.isLgl ? 'decimal' : (l?.fmt ?? 'decimal');
      if (!KNOWN_FORMATS.has(fmt)) this.unknownFormats.add(fmt);
      return formatNumber(value, fmt);
    });
    return { text, suff: level.suff, bullet: level.fmt === 'bullet', level: ilvl };
  }
}
