import { formatPrompt, type CountdownProblem } from '../../core/tasks/countdown';
import { getNode, pathTo, type NodeId, type ReasoningTree } from '../../core/tree';

export interface ReasoningPathProps {
  /** Mutated in place: the caller re-renders this on every tree version. */
  readonly tree: ReasoningTree;
  readonly nodeId: NodeId;
  readonly problem: CountdownProblem;
}

/**
 * The reasoning from the root to a node as the models read it: the prompt line, then one step
 * per line. Only the last step can be terminal (terminals are never expanded), so the verdict —
 * the failing step's reason or the final answer — goes right under it.
 */
export function ReasoningPath({ tree, nodeId, problem }: ReasoningPathProps) {
  const steps = pathTo(tree, nodeId)
    .slice(1)
    .map((id) => getNode(tree, id));
  const last = steps[steps.length - 1];

  return (
    <div className="inspector__path" data-testid="reasoning-path">
      <div className="inspector__path-line inspector__path-line--prompt">
        {formatPrompt(problem).trimEnd()}
      </div>
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
          {last.answer !== undefined && ` (target ${problem.target})`}
        </div>
      )}
      {last?.status === 'solved' && (
        <div className="inspector__verdict inspector__verdict--solved" data-testid="path-verdict">
          ✓ answer {last.answer ?? problem.target} = target {problem.target}
        </div>
      )}
    </div>
  );
}
