import type { CheckDef } from '../check';
import type { Section } from '../types';
import { renderMarker } from '../numbering';

/** Groups of siblings that share a numbering scheme, in document order. */
function siblingRuns(siblings: Section[]): Section[][] {
  const byScheme = new Map<string, Section[]>();
  for (const s of siblings) {
    if (!s.numbering) continue;
    const key = s.numbering.scheme;
    let g = byScheme.get(key);
    if (!g) byScheme.set(key, (g = []));
    g.push(s);
  }
  return [...byScheme.values()];
}

export const headingNumbering: CheckDef = {
  id: 'heading-numbering',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  title: { zh: '标题编号不连续', en: 'Heading numbering out of sequence' },
  description: {
    zh: '同级标题的编号（一、二、三 / （一）（二） / 1. 2. / （1）（2））应从一开始连续编排，不跳号、不重号。修复只改动编号本身。',
    en: 'Sibling headings (一、二、三 / （一）（二） / 1. 2. / （1）（2）) must be numbered from one without gaps or repeats. The fix changes only the number.',
  },
  messages: {
    gap: {
      zh: '标题编号不连续：此处应为“{expected}”，文中为“{actual}”（前一个同级标题为“{previous}”）。',
      en: 'Heading numbering out of sequence: expected "{expected}" here, found "{actual}" (previous sibling: "{previous}").',
    },
    first: {
      zh: '标题编号应从“{expected}”开始，文中为“{actual}”。',
      en: 'Heading numbering should start at "{expected}"; found "{actual}".',
    },
    fix: { zh: '改为“{expected}”', en: 'Change to "{expected}"' },
  },
  run(ctx) {
    const { model } = ctx;
    const visit = (siblings: Section[]) => {
      for (const run of siblingRuns(siblings)) {
        run.forEach((s, i) => {
          const n = s.numbering!;
          const want = i + 1;
          if (n.value === want) return;
          const expected = renderMarker(n.raw, n.scheme, want);
          const args = { expected, actual: n.raw, previous: i > 0 ? run[i - 1]!.numbering!.raw : '' };
          ctx.report({
            start: n.start,
            end: n.start + n.raw.length,
            messageId: i === 0 ? 'first' : 'gap',
            args,
            related: i > 0 ? [{ start: run[i - 1]!.numbering!.start, end: run[i - 1]!.numbering!.start + run[i - 1]!.numbering!.raw.length, message: args.previous }] : undefined,
            fixes: [{ title: ctx.msg('fix', { expected }), edits: [{ start: n.start, end: n.start + n.raw.length, newText: expected }], auto: true }],
          });
        });
      }
      for (const s of siblings) visit(s.children);
    };
    visit(model.sections);
  },
};
