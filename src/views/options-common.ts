import { BASE_TEXT_STYLE, PALETTE } from '../charts/theme';
import { escapeHtml } from '../lib/escape';
import { t } from '../i18n/zh';

/** Options every chart starts from: palette, CJK fonts, aria description, no animation. */
export function baseOption(title: string) {
  return {
    color: PALETTE,
    textStyle: BASE_TEXT_STYLE,
    aria: { enabled: true, label: { description: title } },
    // Analysts click to filter: charts answer at once, with no grow-in or morph animation to wait through.
    animation: false,
  };
}

/** A tooltip body: escaped lines, the first bold, and the "来源" hint when the item has a figure behind it. */
export function tooltipHtml(lines: readonly string[], withSource: boolean): string {
  const [first = '', ...rest] = lines.map(escapeHtml);
  const body = [`<strong>${first}</strong>`, ...rest];
  if (withSource) body.push(`<span style="color:#2f5d8a">${escapeHtml(t.common.source)}：${escapeHtml(t.common.openSource)}</span>`);
  return body.join('<br/>');
}

/** Shortens a label for an axis; the full text stays in the tooltip. */
export function shortLabel(text: string, max = 14): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
