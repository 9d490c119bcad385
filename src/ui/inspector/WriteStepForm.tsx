import { useState, type FormEvent } from 'react';
import type { TreeNode } from '../../core/tree';
import type { PlaygroundState } from '../../state/store-types';
import { usePlayground } from '../store-context';
import './write-step.css';

const selectBusy = (s: PlaygroundState) => s.busy || s.running;
const selectEditBlock = (s: PlaygroundState) => s.search?.blocked.edit;
const selectTask = (s: PlaygroundState) => s.search?.setup.task;
const selectWrite = (s: PlaygroundState) => s.writeStep;
const selectSelect = (s: PlaygroundState) => s.select;

/** What the field suggests, in the form the task's models write. */
const PLACEHOLDER = {
  countdown: 'e.g. 10-4=6',
  math: 'e.g. First, 12 + 7 = 19 apples.',
} as const;

/**
 * "What does the model make of my step?": a person types the next step at the selected node; the
 * policy scores that text (it samples nothing), the verifier judges it and the value model rates
 * it, and it joins the tree marked ✎, beside the policy's own steps. Only at a live node a step
 * can follow, and only between whole iterations, like the other hand edits.
 */
export function WriteStepForm({ node }: { readonly node: TreeNode }) {
  const busy = usePlayground(selectBusy);
  const block = usePlayground(selectEditBlock);
  const task = usePlayground(selectTask);
  const writeStep = usePlayground(selectWrite);
  const select = usePlayground(selectSelect);
  const [text, setText] = useState('');

  const live = (node.status === 'open' || node.status === 'expanded') && !node.pruned;
  if (!live || node.transpositionOf !== undefined || task === undefined) return null;
  const why = block === undefined ? 'no search' : block;
  const disabled = busy || why !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const id = await writeStep(text, node.id);
    if (id === null) return;
    setText('');
    select(id);
  };

  return (
    <form className="write-step" data-testid="write-step" onSubmit={(e) => void submit(e)}>
      <label className="write-step__label" htmlFor="write-step-input">
        Write the next step yourself
      </label>
      <div className="write-step__row">
        <input
          id="write-step-input"
          className="write-step__input"
          data-testid="input-write-step"
          value={text}
          placeholder={PLACEHOLDER[task]}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
        <button
          type="submit"
          className="write-step__button"
          data-testid="btn-write-step"
          disabled={disabled || text.trim() === ''}
          title={why ?? 'The policy scores your text, the verifier and the value model judge it'}
        >
          Score it
        </button>
      </div>
      <p className="write-step__note">
        The policy scores your text instead of sampling one: its probability, the verifier&rsquo;s verdict and
        the value show beside the policy&rsquo;s own steps.
        {task === 'countdown' && ' The numbers left, “(left: …)”, are added for you.'}
      </p>
    </form>
  );
}
