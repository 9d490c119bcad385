import type { Ref } from 'react';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';

const selectSetupErrors = (s: PlaygroundState) => Object.keys(s.setupErrors).length;

export interface SetupToggleProps {
  readonly open: boolean;
  readonly toggle: () => void;
  readonly ref: Ref<HTMLButtonElement>;
}

/**
 * Where the settings are, on screens that fold them into a drawer: a labelled button at the
 * header's start. It is marked when the setup has an error, since the drawer that says so is shut.
 */
export function SetupToggle({ open, toggle, ref }: SetupToggleProps) {
  const errors = usePlayground(selectSetupErrors);
  return (
    <button
      type="button"
      className="setup-toggle"
      data-testid="btn-setup"
      data-errors={errors > 0 || undefined}
      ref={ref}
      aria-expanded={open}
      title={
        errors > 0
          ? 'Problem, strategy and models: the setup has an error to fix'
          : 'Problem, strategy and models'
      }
      onClick={toggle}
    >
      ☰ Setup{errors > 0 && <span className="setup-toggle__mark"> !</span>}
    </button>
  );
}
