import { getNode, pathTo, type NodeId, type ReasoningTree } from '../../core/tree';

export interface ReasoningPathProps {
  /** The published tree: the caller re-renders this whenever a new one is published. */
  readonly tree: ReasoningTree;
  readonly nodeId: NodeId;
  /** The problem as the models read it (the task's prompt). */
  readonly prompt: string;
  /** What a solved answer must equal, when it is known. */
  readonly expected: string | undefined;
}

/**
 * The reasoning from the root to a node as the models read it: the prompt line, then one step
 * per line. Only the last step can be terminal (terminals are never expanded), so the verdict —
 * the failing step's reason or the final answer — goes right under it.
 */
export function ReasoningPath({ tree, nodeId, prompt, expected }: ReasoningPathProps) {
  const steps = pathTo(tree, nodeId)
    .slice(1)
    .map((id) => getNode(tree, id));
  const last = steps[steps.length - 1];

  return (
    <div className="inspector__path" data-testid="reasoning-path">
      <div className="inspector__path-line inspector__path-line--prompt">{prompt.trimEnd()}</div>
      {steps.map((step, i) => (
        <div
          key={step.id}
          className={`inspector__path-line${step === last ? ` inspector__path-line--${step.status}` : ''}`}
          title={step.id}
        >
          <span className="inspector__path-index">{i + 1}.</span> {step.text || '(empty step)'}
        </div>
      ))}
      {last?.status === 'failed' && (
        <div className="inspector__verdict inspector__verdict--failed" data-testid="path-verdict">
          ✗ step {steps.length} fails: {last.reason ?? 'rejected by the verifier'}
          {last.answer !== undefined && expected !== undefined && ` (expected ${expected})`}
        </div>
      )}
      {last?.status === 'solved' && (
        <div className="inspector__verdict inspector__verdict--solved" data-testid="path-verdict">
          ✓ answer {last.answer ?? expected} = expected {expected}
        </div>
      )}
      {last?.status === 'answered' && (
        <div className="inspector__verdict" data-testid="path-verdict">
          answer {last.answer}: not checked (the problem has no known answer)
        </div>
      )}
    </div>
  );
}
