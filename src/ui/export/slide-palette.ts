/**
 * The tree's light-theme colours (tree-view.css) as values: a standalone slide carries no
 * stylesheet, and a slide is projected on white whatever theme the page was in.
 */
export const SLIDE_PALETTE = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  edge: '#8c959f',
  ring: '#424a53',
  unscored: '#d8dee4',
  path: '#0969da',
  solved: '#1a7f37',
  failed: '#cf222e',
  /** Outside the red-yellow-green value scale, so an unchecked answer never reads as a value. */
  answered: '#0fb5d6',
  mark: '#ffffff',
  prunedOpacity: 0.28,
} as const;
