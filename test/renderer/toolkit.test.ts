import { describe, expect, it } from 'vitest';
import {
  boxFit,
  boxIntersect,
  boxUnion,
  checksumFnv1a,
  frameCount,
  frameTimestampUs,
  videoBitrate,
  vp9Level,
} from '../../renderer/shell/toolkit/frame-math';

describe('frame timing', () => {
  it('counts seconds × fps frames, at least one', () => {
    expect(frameCount(1, 10)).toBe(10);
    expect(frameCount(60, 60)).toBe(3600);
    expect(frameCount(2.5, 24)).toBe(60);
    expect(frameCount(0, 30)).toBe(1);
  });

  it('stamps frame i at i · 10⁶ / fps µs, monotonic and without drift', () => {
    expect(frameTimestampUs(0, 30)).toBe(0);
    expect(frameTimestampUs(1, 30)).toBe(33_333);
    expect(frameTimestampUs(2, 30)).toBe(66_667);
    expect(frameTimestampUs(30, 30)).toBe(1_000_000);
    expect(frameTimestampUs(3600, 60)).toBe(60_000_000);
    for (const fps of [10, 24, 30, 60]) {
      for (let i = 1; i < 500; i++) {
        const d = frameTimestampUs(i, fps) - frameTimestampUs(i - 1, fps);
        expect(Math.abs(d - 1e6 / fps)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('layout', () => {
  it('unions boxes and ignores empty ones', () => {
    expect(
      boxUnion([
        { x: 10, y: 20, width: 100, height: 50 },
        { x: 0, y: 100, width: 30, height: 30 },
        { x: -500, y: -500, width: 0, height: 10 },
      ]),
    ).toEqual({ x: 0, y: 20, width: 110, height: 110 });
    expect(boxUnion([])).toBeNull();
  });

  it('intersects boxes, null when apart', () => {
    const a = { x: 0, y: 0, width: 100, height: 100 };
    expect(boxIntersect(a, { x: 50, y: -10, width: 100, height: 30 })).toEqual({
      x: 50,
      y: 0,
      width: 50,
      height: 20,
    });
    expect(boxIntersect(a, { x: 100, y: 0, width: 10, height: 10 })).toBeNull();
  });

  it('letterboxes: uniform scale, whole content visible, centred', () => {
    // Wide content in a 16:9 frame: bars above and below.
    const wide = boxFit({ x: 0, y: 0, width: 1000, height: 250 }, 1920, 1080);
    expect(wide).toEqual({ scale: 1.92, offsetX: 0, offsetY: (1080 - 480) / 2 });
    // Tall content: bars left and right.
    const tall = boxFit({ x: 5, y: 5, width: 830, height: 790 }, 1280, 720);
    expect(tall.scale).toBeCloseTo(720 / 790, 12);
    expect(tall.offsetY).toBeCloseTo(0, 9);
    expect(tall.offsetX).toBeCloseTo((1280 - 830 * tall.scale) / 2, 9);
    expect(830 * tall.scale).toBeLessThanOrEqual(1280);
  });
});

describe('checksum', () => {
  it('is 32-bit FNV-1a (reference values)', () => {
    const bytes = (s: string) => Array.from(new TextEncoder().encode(s));
    expect(checksumFnv1a([])).toBe('811c9dc5');
    expect(checksumFnv1a(bytes('a'))).toBe('e40c292c');
    expect(checksumFnv1a(bytes('foobar'))).toBe('bf9cf968');
  });

  it('changes with one pixel and not with a copy', () => {
    const a = new Uint8ClampedArray(1280 * 720 * 4).fill(17);
    const b = a.slice();
    expect(checksumFnv1a(b)).toBe(checksumFnv1a(a));
    b[123_457] = 18;
    expect(checksumFnv1a(b)).not.toBe(checksumFnv1a(a));
  });
});

describe('bitrate', () => {
  it('is 0.1 bit per pixel per frame within 2–24 Mbit/s', () => {
    expect(videoBitrate(1920, 1080, 30)).toBe(6_220_800);
    expect(videoBitrate(320, 240, 10)).toBe(2e6);
    expect(videoBitrate(3840, 2160, 60)).toBe(24e6);
  });
});

describe('VP9 level', () => {
  it('is the lowest level whose picture size and sample rate both allow the video', () => {
    expect(vp9Level(1280, 720, 10)).toBe('31');
    expect(vp9Level(1280, 720, 30)).toBe('31');
    expect(vp9Level(1280, 720, 60)).toBe('40');
    // 1080p is too large a picture for 3.1 even at a low rate.
    expect(vp9Level(1920, 1080, 10)).toBe('40');
    expect(vp9Level(1920, 1080, 30)).toBe('40');
    expect(vp9Level(1920, 1080, 60)).toBe('41');
  });
});
