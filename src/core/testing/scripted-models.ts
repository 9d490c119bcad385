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

  constructor(
    private readonly problem: CountdownProblem,
    private readonly invalidRate = 0,
  ) {}

  async sample(input: PolicyInput): Promise<StepSample[][]> {
    this.calls++;
    const rng = new Rng(input.seed);
    return input.requests.map((request) => {
      const state = verifyTrace(this.problem, request.steps);
      const moves = state.ok ? legalMoves(state.remaining) : [];
      const out: StepSample[] = [];
      for (let i = 0; i < request.k && moves.length > 0; i++) {
        const pick = input.temperature === 0 ? 0 : rng.nextInt(moves.length);
        const invalid = input.temperature > 0 && rng.nextFloat() < this.invalidRate;
        const text = invalid ? '1+1=3 (left: 3)' : (moves[pick]?.text ?? '');
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
