/*
 * Draws the add-in's icons (assets/icon-<size>.png): a white check mark on an Excel-green rounded
 * square. PNG is encoded by hand (zlib from Node, CRC-32 here), so nothing is downloaded and the
 * icons can be regenerated: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const GREEN: readonly [number, number, number] = [0x10, 0x7c, 0x41];
const WHITE: readonly [number, number, number] = [0xff, 0xff, 0xff];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG of width × height from rows of pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", new Uint8Array(0))]);
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Shape test in unit coordinates (0..1): outside, background, or the check mark. */
function shade(x: number, y: number): "none" | "bg" | "mark" {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return "none";
  const stroke = 0.075;
  const d = Math.min(distToSegment(x, y, 0.24, 0.52, 0.42, 0.7), distToSegment(x, y, 0.42, 0.7, 0.77, 0.3));
  return d <= stroke ? "mark" : "bg";
}

/** The icon at one size, antialiased by 4 × 4 supersampling. */
export function drawIcon(size: number): Buffer {
  const n = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const s = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (s === "bg") bg++;
          else if (s === "mark") mark++;
        }
      }
      const covered = bg + mark;
      const i = (y * size + x) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round((GREEN[c]! * bg + WHITE[c]! * mark) / covered);
      px[i + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return encodePng(size, size, px);
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`${file}`);
  }
}
