// Draws the add-in icons (assets/icon-16 … icon-80.png, every ribbon size) with nothing but zlib: a blue rounded square with
// three rising white bars and a target dot — "targets and progress". Run once, commit the PNGs:
//   node scripts/make-icons.js
const { deflateSync } = require("node:zlib");
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80]; // the ribbon sizes Office asks for (16–80 px)
const BLUE = [15, 108, 189]; // Fluent brand blue #0F6CBD
const WHITE = [255, 255, 255];
const GOLD = [255, 185, 0];
const SAMPLES = 4; // 4×4 supersampling for smooth edges

/** Colour at a point of the unit square (0..1), or null where the icon is transparent. */
function shade(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const bars = [
    [0.2, 0.62],
    [0.42, 0.45],
    [0.64, 0.28],
  ];
  for (const [left, top] of bars) if (x >= left && x <= left + 0.15 && y >= top && y <= 0.82) return WHITE;
  if ((x - 0.79) ** 2 + (y - 0.2) ** 2 <= 0.085 ** 2) return GOLD;
  return BLUE;
}

function pixels(size) {
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 1;
        }
      const o = (py * size + px) * 4;
      const n = acc[3];
      out[o] = n ? Math.round(acc[0] / n) : 0;
      out[o + 1] = n ? Math.round(acc[1] / n) : 0;
      out[o + 2] = n ? Math.round(acc[2] / n) : 0;
      out[o + 3] = Math.round((255 * n) / (SAMPLES * SAMPLES));
    }
  return out;
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

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const rgba = pixels(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const dir = join(__dirname, "..", "assets");
mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  const file = join(dir, `icon-${size}.png`);
  const data = png(size);
  writeFileSync(file, data);
  process.stdout.write(`${file} ${data.length} B\n`);
}
