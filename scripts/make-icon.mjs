// Draws images/icon.png (128x128 RGBA): a red seal-like square with a white border, three lines of "text" and a
// check mark. Shapes are signed-distance functions sampled 4x4 per pixel for anti-aliasing; the PNG is written with
// node:zlib alone, so the icon can be rebuilt anywhere: `node scripts/make-icon.mjs`.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SAMPLES = 4;
const RED = [178, 24, 36];
const WHITE = [255, 255, 255];

/** Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hw, hh) and corner radius r. */
function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a segment (ax, ay)-(bx, by) drawn with round caps of radius r. */
function capsule(x, y, ax, ay, bx, by, r) {
  const px = x - ax, py = y - ay, vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - r;
}

const c = SIZE / 2;
const seal = (x, y) => roundRect(x, y, c, c, 58, 58, 14);
const white = (x, y) =>
  Math.min(
    Math.abs(roundRect(x, y, c, c, 47, 47, 8)) - 2.5, // the inner border of the seal
    capsule(x, y, 36, 38, 92, 38, 3.5), // three lines of text
    capsule(x, y, 36, 52, 92, 52, 3.5),
    capsule(x, y, 36, 66, 72, 66, 3.5),
    Math.min(capsule(x, y, 48, 86, 61, 99, 4.5), capsule(x, y, 61, 99, 91, 71, 4.5)), // the check mark
  );

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let sealCover = 0;
    let whiteCover = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        if (seal(x, y) <= 0) {
          sealCover++;
          if (white(x, y) <= 0) whiteCover++;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = sealCover / n;
    const w = sealCover ? whiteCover / sealCover : 0;
    const o = row + 1 + px * 4;
    for (let k = 0; k < 3; k++) raw[o + k] = Math.round(RED[k] * (1 - w) + WHITE[k] * w);
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let v = n;
  for (let k = 0; k < 8; k++) v = v & 1 ? 0xedb88320 ^ (v >>> 1) : v >>> 1;
  return v >>> 0;
});
function crc32(buf) {
  let v = 0xffffffff;
  for (const b of buf) v = CRC_TABLE[(v ^ b) & 0xff] ^ (v >>> 8);
  return (v ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
