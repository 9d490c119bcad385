import type { Policy, PolicyInput, StepSample, Value, ValueInput } from '../models';
import { Rng } from '../rng';
import { verifyTrace, type CountdownProblem } from '../tasks/countdown';
import { CountdownSolver, legalMoves } from '../tasks/countdown-solver';

/**
 * FAKE models for unit tests of the engine, whose point is the tree and the strategies, not the
 * models: a scripted policy that samples legal Countdown moves (and, at a set rate, an invalid
 * step), and a value that asks the exhaustive solver. The real models are tested elsewhere.
 */
export class ScriptedCountdownPolicy implements Policy {
  calls = 0;

  private readonly solver = new CountdownSolver();

  /**
   * `invalidRate`: share of samples replaced by an invalid step. `goodShare`: share of samples
   * drawn among the moves that keep the target reachable (the rest uniform over legal moves),
   * which is roughly what a trained policy does.
   */
  constructor(
    private readonly problem: CountdownProblem,
    private readonly invalidRate = 0,
    private readonly goodShare = 0.5,
  ) {}

  async sample(input: PolicyInput): Promise<StepSample[][]> {
    this.calls++;
    const rng = new Rng(input.seed);
    return input.requests.map((request) => {
      const state = verifyTrace(this.problem, request.steps);
      const moves = state.ok ? legalMoves(state.remaining) : [];
      const good = moves.filter((m) => this.solver.reachable(m.remaining, this.problem.target));
      const out: StepSample[] = [];
      for (let i = 0; i < request.k && moves.length > 0; i++) {
        const pool = good.length > 0 && rng.nextFloat() < this.goodShare ? good : moves;
        const pick = input.temperature === 0 ? 0 : rng.nextInt(pool.length);
        const invalid = input.temperature > 0 && rng.nextFloat() < this.invalidRate;
        const text = invalid ? '1+1=3 (left: 3)' : (pool[pick]?.text ?? '');
        out.push({ text, logProb: Math.log(1 / moves.length), tokens: text.length + 1 });
      }
      return out;
    });
  }
}

export class SolverValue implements Value {
  private readonly solver = new CountdownSolver();

  constructor(private readonly problem: CountdownProblem) {}

  async score(input: ValueInput): Promise<number[]> {
    return input.traces.map((steps) => {
      const state = verifyTrace(this.problem, steps);
      if (!state.ok) return 0;
      return this.solver.reachable(state.remaining, this.problem.target) ? 0.9 : 0.1;
    });
  }
}
