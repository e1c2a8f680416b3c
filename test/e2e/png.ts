/** PNG checks shared by the export and deck tests: header size, and pixels decoded in the page. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Size from the IHDR chunk, after checking the PNG signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a PNG in the page: its size, the RGBA of its top-left pixel, and dark pixels in a band and overall. */
export async function pngPixels(page: Page, bytes: Buffer, band: [number, number]) {
  return page.evaluate(async ({ base64, band: [y0, y1] }) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const dark = (from: number, to: number) => {
      const { data } = context.getImageData(0, from, image.width, to - from);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) n++;
      return n;
    };
    return {
      width: image.width, height: image.height, corner: Array.from(context.getImageData(0, 0, 1, 1).data),
      band: dark(y0, y1), all: dark(0, image.height),
    };
  }, { base64: bytes.toString('base64'), band });
}

