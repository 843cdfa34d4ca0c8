// What the two name checks (outdated-name, miscited-title) share: the arguments of their messages and their quick fix.
import type { CheckContext } from '../../check';
import type { Fix } from '../../types';
import { formatDate, formatEffective, type NameVerdict } from '../../names';

/** Message arguments shared by both name checks. */
export function nameArgs(ctx: CheckContext, v: NameVerdict): Record<string, string | number> {
  const { model } = ctx;
  const e = v.hit.entry;
  const year = model.reportYear?.value;
  const old = model.text.slice(v.hit.start, v.hit.end);
  const target = v.fix?.display ?? v.target ?? e.new;
  return {
    old,
    new: target,
    date: formatEffective(e, ctx.locale),
    settled: e.settled ? formatDate(e.settled, 'month', ctx.locale) : '',
    effYear: Number(e.effective.slice(0, 4)),
    year: year ?? '',
    end: e.period ? e.period[1] : '',
    source: e.source,
    note: e.note ? (ctx.locale === 'en' ? ` Note: ${e.note}.` : `（说明：${e.note}）`) : '',
    variants: (v.targetEntry.localVariants ?? e.localVariants ?? []).join(ctx.locale === 'en' ? ', ' : '、'),
  };
}

/** The quick fix of a verdict, if any. */
export function nameFix(ctx: CheckContext, v: NameVerdict, args: Record<string, string | number>, auto: boolean): Fix[] | undefined {
  if (!v.fix) return undefined;
  const title = args.variants ? ctx.msg('fixReplaceVaries', { text: v.fix.display, variants: args.variants }) : ctx.msg('fixReplace', { text: v.fix.display });
  const fix: Fix = { title, edits: [v.fix.edit] };
  if (auto) fix.auto = true;
  return [fix];
}
