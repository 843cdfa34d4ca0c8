// The message formatter: {name} placeholders filled from named arguments.

/** Fills each {name} of `template` with args[name]; a placeholder without an argument stays as written. */
export function fillTemplate(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(args, k) ? String(args[k]) : m));
}
