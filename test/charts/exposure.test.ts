import { describe, expect, it } from 'vitest';
import { exposureOf, NEAR_PX } from '../../src/charts/exposure';

const box = (top: number, height = 200) => ({ top, bottom: top + height, height });

describe('exposureOf', () => {
  it('is visible when any part of the box is on screen', () => {
    expect(exposureOf(box(0), 1000)).toBe('visible');
    expect(exposureOf(box(999), 1000)).toBe('visible');
    expect(exposureOf(box(-199), 1000)).toBe('visible');
  });

  it('is near just below or above the viewport, within the margin', () => {
    expect(exposureOf(box(1000), 1000)).toBe('near');
    expect(exposureOf(box(1000 + NEAR_PX), 1000)).toBe('near');
    expect(exposureOf(box(-200 - NEAR_PX), 1000)).toBe('near');
  });

  it('is far beyond the margin, and an empty box is never visible', () => {
    expect(exposureOf(box(1001 + NEAR_PX), 1000)).toBe('far');
    expect(exposureOf(box(-201 - NEAR_PX), 1000)).toBe('far');
    expect(exposureOf(box(10, 0), 1000)).toBe('near');
  });
});
