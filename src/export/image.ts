import type { ECharts } from '../charts/echarts';
import type { ChartImageMeta } from './chart-meta';
import { composeChartSvg, type ComposedSvg } from './chart-svg';

/** PNG scales offered: 1× screen, 2× and 3× for slides and print. */
export const PNG_SCALES = [1, 2, 3] as const;
export type PngScale = (typeof PNG_SCALES)[number];

export interface ChartImageOptions {
  meta: ChartImageMeta;
  showMeta?: boolean;
  transparent?: boolean;
}

/** The export SVG of a live chart: what the instance has drawn, framed by the metadata lines. */
export function chartSvg(instance: ECharts, options: ChartImageOptions): ComposedSvg {
  const own = (instance as unknown as { renderToSVGString?: () => string }).renderToSVGString;
  if (!own) throw new Error('This chart is not drawn with the SVG renderer, so it cannot export itself');
  return composeChartSvg(own.call(instance), { width: instance.getWidth(), height: instance.getHeight() }, {
    meta: options.meta,
    showMeta: options.showMeta ?? true,
    transparent: options.transparent ?? false,
  });
}

/** Rasterises an SVG document at `scale` × its size (vector drawn afresh, so 3× stays sharp). */
export async function svgToPng({ svg, width, height }: ComposedSvg, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('The browser gave no 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas produced no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under a file name through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Puts a PNG on the clipboard. The promise is handed over at once so the click still counts as the gesture. */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') {
    throw new Error('This browser does not allow copying images to the clipboard');
  }
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
}
