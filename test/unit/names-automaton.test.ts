// The automaton of the names scan on its own: every occurrence of every key, in order of end position, exactly as a
// naive search finds them; `reaches` agrees with a naive search for flagged keys; adding keys after a build and
// keys that share prefixes, suffixes or whole text behave.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AhoCorasick } from '../../server/src/analysis/names';

type Hit = [id: number, end: number];

function build(keys: string[]): AhoCorasick {
  const ac = new AhoCorasick();
  keys.forEach((k, i) => ac.add(k, i));
  ac.build();
  return ac;
}

function found(ac: AhoCorasick, s: string): Hit[] {
  const out: Hit[] = [];
  ac.search(s, (id, end) => out.push([id, end]));
  return out;
}

/** Every occurrence of every key by indexOf, sorted as the automaton reports them (by end, then by id). */
function naive(keys: string[], s: string): Hit[] {
  const out: Hit[] = [];
  keys.forEach((k, id) => {
    for (let i = s.indexOf(k); i >= 0; i = s.indexOf(k, i + 1)) out.push([id, i + k.length]);
  });
  return out.sort((x, y) => x[1] - y[1] || x[0] - y[0]);
}

const byEndThenId = (hits: Hit[]) => [...hits].sort((x, y) => x[1] - y[1] || x[0] - y[0]);

describe('Aho-Corasick automaton', () => {
  test('the textbook example: overlapping keys and keys inside keys', () => {
    const keys = ['he', 'she', 'his', 'hers'];
    const hits = found(build(keys), 'ushers');
    assert.deepEqual(byEndThenId(hits), [
      [0, 4],
      [1, 4],
      [3, 6],
    ]);
    assert.deepEqual(byEndThenId(hits), naive(keys, 'ushers'));
  });

  test('hits come in order of end position', () => {
    const keys = ['工商局', '商局', '工商', '市工商局', '局'];
    const hits = found(build(keys), '某市工商局和县工商局');
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]![1] <= hits[i]![1]);
    assert.deepEqual(byEndThenId(hits), naive(keys, '某市工商局和县工商局'));
  });

  test('the same key under two ids reports both', () => {
    const ac = new AhoCorasick();
    ac.add('纲要', 7);
    ac.add('纲要', 9);
    assert.deepEqual(byEndThenId(found(ac, '《纲要》')), [
      [7, 3],
      [9, 3],
    ]);
  });

  test('characters in no key send the search back to the root', () => {
    const keys = ['abc'];
    assert.deepEqual(found(build(keys), 'abxabc'), [[0, 6]]);
    assert.deepEqual(found(build(keys), 'ab。c'), []);
  });

  test('keys added after a build are found once the automaton rebuilds, without duplicated outputs', () => {
    const ac = build(['he', 'she']);
    assert.deepEqual(byEndThenId(found(ac, 'she')), [
      [0, 3],
      [1, 3],
    ]);
    ac.add('e', 2);
    assert.deepEqual(byEndThenId(found(ac, 'she')), [
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    ac.build();
    assert.deepEqual(byEndThenId(found(ac, 'she')), naive(['he', 'she', 'e'], 'she'));
  });

  test('a state with many transitions (the sorted-edge search) finds every branch', () => {
    const letters = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯'];
    const keys = letters.map((c) => '法' + c);
    const text = letters.map((c) => '法' + c).join('') + '法法甲';
    assert.deepEqual(byEndThenId(found(build(keys), text)), naive(keys, text));
  });

  const ALPHABET = [...'ab法治制政府《》-'];
  const word = (max: number) => fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: max }).map((xs) => xs.join(''));

  test('property: search finds exactly what a naive search finds', () => {
    fc.assert(
      fc.property(fc.array(word(5), { minLength: 1, maxLength: 12 }), word(60), (keys, text) => {
        assert.deepEqual(byEndThenId(found(build(keys), text)), naive(keys, text));
      }),
      { numRuns: 1500 },
    );
  });

  test('property: reaches tells whether a flagged key occurs inside a range', () => {
    fc.assert(
      fc.property(
        fc.array(word(4), { minLength: 1, maxLength: 10 }),
        fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
        word(40),
        fc.nat(),
        fc.nat(),
        (keys, wanted, text, x, y) => {
          const ac = build(keys);
          const flags = ac.flagStates((id) => wanted[id]!);
          const codes = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
          const from = Math.min(x, y) % (text.length + 1);
          const to = Math.min(text.length, from + (Math.max(x, y) % (text.length + 1)));
          const slice = text.slice(from, to);
          const expected = keys.some((k, id) => wanted[id] && slice.includes(k));
          assert.equal(ac.reaches(codes, from, to, flags), expected);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
