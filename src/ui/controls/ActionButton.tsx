import type { ReactNode } from 'react';
import { usePlayground, usePlaygroundStore } from '../store-context';
import { actionById, actionTitle, type ActionId } from './actions';

interface ActionButtonProps {
  readonly id: ActionId;
  readonly testId: string;
  readonly className?: string;
  /** Replaces the registered label (a button that shows more, e.g. the next phase). */
  readonly children?: ReactNode;
}

/**
 * A button for a registered action: its label, its tooltip (what it does and its keys, or why it
 * cannot act) and whether it is enabled all come from the registry.
 */
export function ActionButton({ id, testId, className = 'controls__button', children }: ActionButtonProps) {
  const action = actionById(id);
  const title = usePlayground((s) => actionTitle(action, s));
  const disabled = usePlayground((s) => action.reason(s) !== null);
  const store = usePlaygroundStore();
  const perform = () => {
    const s = store.getState();
    if (action.reason(s) === null) action.perform(s);
  };
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      disabled={disabled}
      title={title}
      onClick={perform}
    >
      {children ?? action.label}
    </button>
  );
}
