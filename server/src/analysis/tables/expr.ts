// Identity expressions over a table schema's row and column ids (the syntax is documented in the profiles):
//   expr := sum '=' sum ; sum := ref ('+' ref)* ; ref := id | id ':' id
// Ids are kebab-case, so '-' belongs to the id and there is no subtraction.

export type Ref = { kind: 'id'; id: string } | { kind: 'cell'; row: string; col: string };

export interface Identity {
  left: Ref[];
  right: Ref[];
}

export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** Limit on the length of an expression (a workspace file must not make parsing or checking slow). */
export const MAX_EXPR = 4000;

/** Parses one side (a sum of refs); a readable problem string when it is malformed. */
export function parseSum(side: string, whole = side): Ref[] | string {
  const refs: Ref[] = [];
  for (const raw of side.split('+')) {
    const term = raw.trim();
    const parts = term.split(':');
    if (parts.length === 1 && ID_RE.test(term)) refs.push({ kind: 'id', id: term });
    else if (parts.length === 2 && ID_RE.test(parts[0]!.trim()) && ID_RE.test(parts[1]!.trim())) refs.push({ kind: 'cell', row: parts[0]!.trim(), col: parts[1]!.trim() });
    else return `无法识别的项 "${term}"（于 "${whole}"） (bad term "${term}" in "${whole}")`;
  }
  return refs;
}

/** Parses `left = right`; a readable problem string when it is malformed. */
export function parseIdentity(expr: string): Identity | string {
  if (typeof expr !== 'string' || !expr.trim()) return '表达式为空 (empty expression)';
  if (expr.length > MAX_EXPR) return `表达式过长（上限 ${MAX_EXPR} 个字符） (expression too long)`;
  const sides = expr.split('=');
  if (sides.length !== 2) return `应恰好包含一个 "="：“${expr}” (expected exactly one "=" in "${expr}")`;
  const left = parseSum(sides[0]!, expr);
  if (typeof left === 'string') return left;
  const right = parseSum(sides[1]!, expr);
  if (typeof right === 'string') return right;
  return { left, right };
}

const cache = new Map<string, Identity | string>();

/** parseIdentity, memoised by text (profiles are parsed once, checked on every keystroke). */
export function identityOf(expr: string): Identity | string {
  let hit = cache.get(expr);
  if (hit === undefined) {
    hit = parseIdentity(expr);
    if (cache.size > 5000) cache.clear();
    cache.set(expr, hit);
  }
  return hit;
}

export const refKey = (r: Ref) => (r.kind === 'id' ? r.id : `${r.row}:${r.col}`);
