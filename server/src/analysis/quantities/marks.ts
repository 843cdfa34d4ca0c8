// Text marks: the positions of the characters the number relations look for (sentence ends, 其 of 其中, colons, 分 of
// 分别), recorded by the quantity scan as it passes them. The kinds are declared here once, for the scanner that
// records them and for the relations that read them (and read the characters between lines themselves).
import { FULL_STOPS } from '../text/sentences';

/** A sentence end (FULL_STOPS: 。 ! ?). */
export const MARK_SENTENCE_END = 1;
/** 其 (其中 when 中 follows). */
export const MARK_QI = 2;
/** : (the colon of a list). */
export const MARK_COLON = 3;
/** 分 (分别 when 别 follows). */
export const MARK_FEN = 4;

/** The mark kind of each code unit (0 = not a marked character). */
export const MARK_OF = new Uint8Array(0x10000);
for (const ch of FULL_STOPS) MARK_OF[ch.charCodeAt(0)] = MARK_SENTENCE_END;
MARK_OF[0x5176 /* 其 */] = MARK_QI;
MARK_OF[58 /* : */] = MARK_COLON;
MARK_OF[0x5206 /* 分 */] = MARK_FEN;

/**
 * Marks of the running text, recorded while getQuantities scans the lines (the scan skips only digits, numerals,
 * units and signs, none of which is a marked character).
 */
export interface TextMarks {
  /** Positions, in the order of model.lines. */
  pos: Int32Array;
  /** The kind of each mark (MARK_SENTENCE_END, MARK_QI, MARK_COLON, MARK_FEN). */
  kind: Uint8Array;
  /** The marks of model.lines[i] are [lineStart[i], lineStart[i + 1]). */
  lineStart: Int32Array;
}

/** A growing record of marks (one per scan of a model). */
export class MarkRecorder {
  private pos = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  /** Marks recorded so far. */
  count = 0;

  add(pos: number, kind: number) {
    const n = this.count;
    if (n === this.pos.length) {
      const p = new Int32Array(2 * n);
      p.set(this.pos);
      this.pos = p;
      const k = new Uint8Array(2 * n);
      k.set(this.kind);
      this.kind = k;
    }
    this.pos[n] = pos;
    this.kind[n] = kind;
    this.count = n + 1;
  }

  /** The marks recorded, trimmed to their count, with the per-line index. */
  finish(lineStart: Int32Array): TextMarks {
    return { pos: this.pos.slice(0, this.count), kind: this.kind.slice(0, this.count), lineStart };
  }
}
