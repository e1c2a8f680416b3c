import type { ComposedSvg } from './chart-svg';
import { svgToPng } from './image';

/** One slide ready for a file: its title, the chart image (without baked-in title) and its notes. */
export interface DeckFileSlide {
  title: string;
  /** The chart drawn without header/footer, for PPTX; */
  chart: ComposedSvg;
  /** The chart framed with title, unit·period and 来源, for the PNG set. */
  framed: ComposedSvg;
  /** The source line and the filters the slide was pinned with. */
  notes: string[];
}

const SLIDE_W = 10;
const SLIDE_H = 5.625;
const MARGIN = 0.4;
const FONT = 'Noto Sans CJK SC';

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'image/png'};base64,${btoa(binary)}`;
}

/** The largest box of the image's aspect ratio inside `box`, centred. */
function fit(width: number, height: number, box: { x: number; y: number; w: number; h: number }) {
  const scale = Math.min(box.w / width, box.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** An editable 16:9 PPTX: per slide a title text box, the chart as a 2× PNG, and its source note (also as notes). */
export async function deckToPptx(slides: readonly DeckFileSlide[], title: string): Promise<Blob> {
  // Loaded on first export only.
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = title;
  for (const slide of slides) {
    const page = pptx.addSlide();
    page.addText(slide.title, { x: MARGIN, y: 0.2, w: SLIDE_W - 2 * MARGIN, h: 0.6, fontSize: 24, bold: true, fontFace: FONT, color: '1F2933' });
    const png = await dataUrl(await svgToPng(slide.chart, 2));
    const box = fit(slide.chart.width, slide.chart.height, { x: MARGIN, y: 0.9, w: SLIDE_W - 2 * MARGIN, h: SLIDE_H - 1.6 });
    page.addImage({ data: png.replace(/^data:/, ''), ...box });
    page.addText(slide.notes.join('\n'), { x: MARGIN, y: SLIDE_H - 0.65, w: SLIDE_W - 2 * MARGIN, h: 0.5, fontSize: 11, fontFace: FONT, color: '66727F' });
    page.addNotes(slide.notes.join('\n'));
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}

/** The slides as numbered PNGs in one ZIP (01-title.png, …). */
export async function deckToPngZip(slides: readonly DeckFileSlide[], names: readonly string[], scale: number): Promise<Blob> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [i, slide] of slides.entries()) zip.file(names[i] ?? `${i + 1}.png`, await svgToPng(slide.framed, scale));
  return zip.generateAsync({ type: 'blob' });
}
