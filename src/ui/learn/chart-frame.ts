/**
 * Sizes shared by the Learn view's charts, from the label size: 14 px on a screen; in the presenter
 * view 20 px, growing with the chart up to the page's 26 px. Margins grow with the labels so that a
 * larger type never clips.
 */
export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly font: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export function chartFrame(width: number, large: boolean, aspect: number): ChartFrame {
  const font = large ? Math.round(Math.min(26, Math.max(20, width / 36))) : 14;
  const height = Math.round(Math.min(large ? 560 : 400, Math.max(large ? 300 : 220, width * aspect)));
  return {
    width,
    height,
    font,
    left: Math.round(font * 4),
    right: Math.round(width - font * 1.2),
    top: Math.round(font * 1.6),
    bottom: Math.round(height - font * 3.4),
  };
}
