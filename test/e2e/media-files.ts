// Readers for the files the toolkit writes, so the tests check bytes, not the app's word:
// a small EBML walker for WebM (tracks and the blocks in each cluster) and a PNG decoder
// (IHDR, inflated IDAT, scanline filters).
import { inflateSync } from 'node:zlib';

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
  clusterTimecode: 0xe7,
  simpleBlock: 0xa3,
  blockGroup: 0xa0,
  block: 0xa1,
};
const MASTERS = new Set([
  ID.segment,
  ID.info,
  ID.tracks,
  ID.trackEntry,
  ID.video,
  ID.cluster,
  ID.blockGroup,
]);

/** An EBML variable-length integer at `pos`: its value (marker bit removed or kept) and length. */
function vint(
  buf: Uint8Array,
  pos: number,
  keepMarker: boolean,
): { value: number; length: number } {
  const first = buf[pos];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw new Error(`bad EBML vint at ${pos}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[pos + i];
    if (buf[pos + i] !== 0xff) allOnes = false;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

function uint(buf: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) v = v * 256 + buf[i];
  return v;
}

export interface WebmTrack {
  number: number;
  type: number;
  codec: string;
  width?: number;
  height?: number;
}

export interface WebmBlock {
  track: number;
  /** Presentation time in ms (cluster timecode + block offset, times the timecode scale). */
  timeMs: number;
  key: boolean;
  data: Uint8Array;
}

export interface WebmFile {
  timecodeScale: number;
  tracks: WebmTrack[];
  blocks: WebmBlock[];
}

/** Walks a WebM file: every track entry and every SimpleBlock / Block inside Clusters. */
export function webmParse(buf: Uint8Array): WebmFile {
  const out: WebmFile = { timecodeScale: 1_000_000, tracks: [], blocks: [] };
  let track: WebmTrack | null = null;
  let clusterTime = 0;
  const walk = (start: number, end: number) => {
    let pos = start;
    while (pos < end) {
      const id = vint(buf, pos, true);
      const size = vint(buf, pos + id.length, false);
      const body = pos + id.length + size.length;
      const stop = size.value < 0 ? end : Math.min(end, body + size.value);
      if (id.value === ID.trackEntry) {
        track = { number: 0, type: 0, codec: '' };
        out.tracks.push(track);
      }
      if (id.value === ID.cluster) clusterTime = 0;
      if (MASTERS.has(id.value)) walk(body, stop);
      else if (id.value === ID.timecodeScale) out.timecodeScale = uint(buf, body, stop);
      else if (id.value === ID.clusterTimecode) clusterTime = uint(buf, body, stop);
      else if (track && id.value === ID.trackNumber) track.number = uint(buf, body, stop);
      else if (track && id.value === ID.trackType) track.type = uint(buf, body, stop);
      else if (track && id.value === ID.pixelWidth) track.width = uint(buf, body, stop);
      else if (track && id.value === ID.pixelHeight) track.height = uint(buf, body, stop);
      else if (track && id.value === ID.codecId)
        track.codec = new TextDecoder().decode(buf.subarray(body, stop));
      else if (id.value === ID.simpleBlock || id.value === ID.block) {
        const tn = vint(buf, body, false);
        const rel = (buf[body + tn.length] << 8) | buf[body + tn.length + 1];
        const offset = rel >= 0x8000 ? rel - 0x10000 : rel;
        const flags = buf[body + tn.length + 2];
        out.blocks.push({
          track: tn.value,
          timeMs: ((clusterTime + offset) * out.timecodeScale) / 1e6,
          key: id.value === ID.simpleBlock && (flags & 0x80) !== 0,
          data: buf.subarray(body + tn.length + 3, stop),
        });
      }
      pos = stop;
    }
  };
  walk(0, buf.length);
  return out;
}

export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what canvas.toBlob writes). */
export function pngDecode(buf: Uint8Array): DecodedPng {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => buf[i] === b)) throw new Error('not a PNG');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (pos < buf.length) {
    const len = view.getUint32(pos);
    const type = String.fromCharCode(...buf.subarray(pos + 4, pos + 8));
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(pos + 8);
      height = view.getUint32(pos + 12);
      const [depth, color, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6))
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${color}`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const o = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[o + x - channels] : 0;
      const b = y > 0 ? pixels[o - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[o - stride + x - channels] : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[o + x] = (line[x] + pred) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** Distinct colours (5 bits per channel) and the share of pixels far from the top-left colour. */
export function pixelVariety(png: DecodedPng): { distinct: number; nonBackground: number } {
  const { pixels, channels } = png;
  const bg = [pixels[0], pixels[1], pixels[2]];
  const colours = new Set<number>();
  let far = 0;
  let n = 0;
  for (let i = 0; i < pixels.length; i += channels * 3) {
    const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 24) far++;
    n++;
  }
  return { distinct: colours.size, nonBackground: far / n };
}

/** The pixels of `png` inside a box (pixels; clipped to the picture), as a picture of its own. */
export function pngCrop(
  png: DecodedPng,
  box: { x: number; y: number; width: number; height: number },
): DecodedPng {
  const x0 = Math.max(0, Math.round(box.x));
  const y0 = Math.max(0, Math.round(box.y));
  const x1 = Math.min(png.width, Math.round(box.x + box.width));
  const y1 = Math.min(png.height, Math.round(box.y + box.height));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const { channels } = png;
  const pixels = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * png.width + x0) * channels;
    pixels.set(png.pixels.subarray(from, from + width * channels), y * width * channels);
  }
  return { width, height, channels, pixels };
}
