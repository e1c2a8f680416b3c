import { FONT_FAMILY } from '../charts/theme';
import { metaSubtitle, type ChartImageMeta } from './chart-meta';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export interface ComposeOptions {
  meta: ChartImageMeta;
  /** Draw the title, unit·period and source lines (on by default). */
  showMeta: boolean;
  /** Leave the background transparent instead of white. */
  transparent: boolean;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
}

const PAD = 16;
const TITLE_SIZE = 18;
const SUB_SIZE = 13;
const SOURCE_SIZE = 12;

/** The chart's root element, without XML declaration or doctype, so it can be nested in the framing SVG. */
function rootElement(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '').replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '');
}

/**
 * One SVG document: a header (title; unit · period), the chart's own SVG as drawn on screen, and a footer
 * (来源). All text stays text, so Chinese stays selectable and searchable in the vector file.
 */
export function composeChartSvg(chartSvg: string, size: { width: number; height: number }, options: ComposeOptions): ComposedSvg {
  const { meta, showMeta, transparent } = options;
  const width = Math.round(size.width);
  const subtitle = metaSubtitle(meta);
  const header = showMeta ? PAD + TITLE_SIZE + (subtitle ? SUB_SIZE + 10 : 0) + 12 : 0;
  const footer = showMeta && meta.source ? SOURCE_SIZE + 20 : 0;
  const height = Math.round(header + size.height + footer);
  const font = `font-family="${escapeXml(FONT_FAMILY)}"`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  ];
  if (!transparent) parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (showMeta) {
    parts.push(
      `<text class="export-title" x="${PAD}" y="${PAD + TITLE_SIZE}" ${font} font-size="${TITLE_SIZE}" font-weight="700" fill="#1f2933">${escapeXml(meta.title)}</text>`,
    );
    if (subtitle) {
      parts.push(
        `<text class="export-subtitle" x="${PAD}" y="${PAD + TITLE_SIZE + SUB_SIZE + 8}" ${font} font-size="${SUB_SIZE}" fill="#66727f">${escapeXml(subtitle)}</text>`,
      );
    }
  }
  parts.push(`<g transform="translate(0 ${header})">${rootElement(chartSvg)}</g>`);
  if (footer > 0) {
    parts.push(
      `<text class="export-source" x="${PAD}" y="${height - 10}" ${font} font-size="${SOURCE_SIZE}" fill="#66727f">${escapeXml(meta.source)}</text>`,
    );
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}
