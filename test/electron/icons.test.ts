// The generated icons in build/ (scripts/make-icons.mjs) are well-formed PNG and ICO files,
// checked with an independent decoder: node:zlib's CRC-32 and inflate, the PNG filters undone here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  chunks: string[];
  rgba: Uint8Array;
}

function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    expect(type).toBeLessThanOrEqual(4);
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? out[y * stride + i - 4] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= 4 && y > 0 ? out[(y - 1) * stride + i - 4] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][type];
      out[y * stride + i] = (raw[y * (stride + 1) + 1 + i] + predictor) & 0xff;
    }
  }
  return out;
}

function decodePng(file: Buffer): Decoded {
  expect(file.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let colourType = -1;
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    expect(file.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(
      crc32(file.subarray(at + 4, at + 8 + length)),
    );
    chunks.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8]).toBe(8);
      colourType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const rgba = unfilter(inflateSync(Buffer.concat(idat)), width, height);
  return { width, height, colourType, chunks, rgba };
}

const alphaAt = (d: Decoded, x: number, y: number) => d.rgba[4 * (y * d.width + x) + 3];

describe('build/icons', () => {
  it.each(SIZES)('%i×%i.png decodes to an RGBA rounded square of that size', (size) => {
    const png = decodePng(readFileSync(path.join(root, 'build', 'icons', `${size}x${size}.png`)));
    expect([png.width, png.height, png.colourType]).toEqual([size, size, 6]);
    expect(png.chunks[0]).toBe('IHDR');
    expect(png.chunks.at(-1)).toBe('IEND');
    const mid = Math.floor(size / 2);
    expect(alphaAt(png, mid, mid)).toBe(255);
    expect(alphaAt(png, 0, 0)).toBeLessThan(64); // the rounded corner
  });

  it('build/icon.png is the 1024 px icon', () => {
    const icon = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(icon.equals(readFileSync(path.join(root, 'build', 'icons', '1024x1024.png')))).toBe(
      true,
    );
  });

  it('build/icon.ico holds PNG entries from 16 to 256 px whose directory matches them', () => {
    const ico = readFileSync(path.join(root, 'build', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry] === 0 ? 256 : ico[entry];
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const png = decodePng(ico.subarray(offset, offset + length));
      expect([png.width, png.height]).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
