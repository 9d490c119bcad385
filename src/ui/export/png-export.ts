/**
 * Rasterizes an SVG document (as made by svg-export.ts) into a PNG. Browser only.
 */

/**
 * Chromium and Firefox refuse canvases past 32,767 px a side; half that stays well clear (Safari's
 * tighter area limit still fails, and is reported by canvasToPng as an error rather than a blank file).
 */
export const MAX_CANVAS_SIDE = 16_384;

/** Why a PNG could not be made: the SVG would not load, the size is unusable, or the canvas failed. */
export class PngExportError extends Error {
  override readonly name = 'PngExportError';
}

/**
 * The pixel size of the canvas for a `width` x `height` drawing at `scale`, shrunk as a whole (the
 * aspect ratio kept) so that neither side passes MAX_CANVAS_SIDE.
 */
export function canvasSize(width: number, height: number, scale: number): { width: number; height: number } {
  const fit = Math.min(scale, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  return {
    width: Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.round(width * fit))),
    height: Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.round(height * fit))),
  };
}

/** Draws `svgText` (whose own size is `width` x `height` CSS px) at `scale` device pixels per px. */
export async function svgToPngBlob(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
    ['scale', scale],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new PngExportError(`Cannot make a PNG with ${name} ${value}: it must be a positive number`);
    }
  }
  const size = canvasSize(width, height, scale);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new PngExportError('This browser gave no 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, size.width, size.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () =>
      reject(new PngExportError('The exported SVG could not be loaded as an image (is it well-formed?)'));
    image.src = url;
  });
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      // A null blob means the browser could not allocate or encode the canvas (too large for it).
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else
          reject(new PngExportError(`The browser could not encode a ${canvas.width}x${canvas.height} PNG`));
      }, 'image/png');
    } catch (cause) {
      // A tainted canvas throws a SecurityError here.
      reject(new PngExportError('The browser refused to read the drawn canvas back', { cause }));
    }
  });
}
