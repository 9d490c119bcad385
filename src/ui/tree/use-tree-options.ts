import { useState } from 'react';
import type { OrientationSetting } from './tree-orientation';

/** How the user asked for the tree to be drawn (the footer's controls); the view's own state. */
export interface TreeOptions {
  readonly orientation: OrientationSetting;
  /** N and Q written under every label. */
  readonly badges: boolean;
  /** Subtrees whose every leaf failed folded into one mark. */
  readonly foldFailed: boolean;
  /** The legend shown over the canvas; null until the user chooses (then it follows the canvas size). */
  readonly legend: boolean | null;
}

export interface TreeOptionsState extends TreeOptions {
  set<K extends keyof TreeOptions>(key: K, value: TreeOptions[K]): void;
}

/** `badges` is where the badges start (on in presenter view); a later change of it turns them on or off. */
export function useTreeOptions(badges: boolean): TreeOptionsState {
  const [options, setOptions] = useState<TreeOptions>({
    orientation: 'auto',
    badges,
    foldFailed: false,
    legend: null,
  });
  // Following the caller's default as it changes (presenter view toggled) without an effect.
  const [lastDefault, setLastDefault] = useState(badges);
  if (lastDefault !== badges) {
    setLastDefault(badges);
    setOptions((o) => ({ ...o, badges }));
  }
  return {
    ...options,
    set: (key, value) => setOptions((o) => ({ ...o, [key]: value })),
  };
}
