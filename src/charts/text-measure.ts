import { FONT_FAMILY } from './theme';

/**
 * How chart text is measured for layout.
 *
 * ECharts lays out labels from canvas `measureText` widths. Part of its layout (the grid's `containLabel`
 * estimate of the axis labels) measures in the label's own font only, which for our labels is ECharts'
 * default, a bare `sans-serif`, while the same labels are drawn in the theme's CJK-first family (set once for
 * the whole chart). On Linux a bare `sans-serif` has no Chinese glyphs, so every new character goes through
 * font fallback: ~0.5 ms a character against ~0.02 ms in the theme's family, which on a 2-core machine made
 * 10–30 ms of a filter click that redraws three charts with new labels. Measured in the family they are
 * drawn in, the widths are also the right ones.
 */

/** `font` with a bare `sans-serif` family replaced by the theme's family (size, weight and style kept). */
export function themedFont(font: string | undefined): string {
  const value = font ?? '12px sans-serif';
  return /(^|\s)sans-serif$/.test(value) && !value.includes(',') ? `${value.slice(0, -'sans-serif'.length)}${FONT_FAMILY}` : value;
}

interface MeasureContext {
  font: string;
  measureText(text: string): TextMetrics;
}

/** A width without a canvas: a full em for a CJK (non-ASCII) character, 0.6 em otherwise, at the font's size. */
export function estimateWidth(text: string, font: string | undefined): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) > 0x7f ? size : size * 0.6;
  return width;
}

/**
 * A `measureText` for ECharts' platform API, drawing on one canvas context created when first needed (an
 * estimate where no context can be had).
 */
export function createMeasureText(context: () => MeasureContext | null) {
  let canvas: MeasureContext | null = null;
  let current = '';
  return (text: string, font?: string): { width: number } => {
    canvas ??= context();
    if (!canvas) return { width: estimateWidth(text, font) };
    const wanted = themedFont(font);
    if (wanted !== current) canvas.font = current = wanted;
    return canvas.measureText(text);
  };
}
