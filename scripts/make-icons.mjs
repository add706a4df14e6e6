// Draws the extension icon (a white magnifying lens on UN blue) and writes public/icons/icon-<size>.png.
// The PNGs are committed source assets; run `node scripts/make-icons.mjs` after changing the drawing.
// A tiny PNG encoder (RGBA, filter 0, zlib) keeps this dependency-free.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const SIZES = [16, 32, 48, 128];
const BLUE = [0x00, 0x9e, 0xdb]; // UN blue
const SS = 4; // supersampling per axis, for anti-aliased edges

/** Coverage of the shapes at point (x, y) in the unit square: 0 transparent, 1 blue, 2 white. */
function shade(x, y) {
  // Rounded square background.
  const r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (Math.hypot(qx, qy) > r) return 0;
  // Lens ring.
  const d = Math.hypot(x - 0.43, y - 0.43);
  if (Math.abs(d - 0.22) < 0.055) return 2;
  // Handle: a capsule from the ring towards the lower right.
  const ax = 0.6,
    ay = 0.6,
    bx = 0.8,
    by = 0.8;
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  if (Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) < 0.065) return 2;
  // Two text lines inside the lens: what it reads.
  if (x > 0.33 && x < 0.53 && ((y > 0.37 && y < 0.41) || (y > 0.46 && y < 0.5))) return 2;
  return 1;
}

function pixels(size) {
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let blue = 0;
      let white = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const s = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (s === 1) blue++;
          else if (s === 2) white++;
        }
      }
      const n = SS * SS;
      const a = (blue + white) / n;
      const i = (py * size + px) * 4;
      if (a > 0) {
        const w = white / (blue + white);
        for (let c = 0; c < 3; c++) data[i + c] = Math.round(BLUE[c] * (1 - w) + 255 * w);
      }
      data[i + 3] = Math.round(a * 255);
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(join(OUT, `icon-${size}.png`), encodePng(size, pixels(size)));
}
console.log(`icons written to ${OUT}: ${SIZES.join(', ')}`);
