/**
 * What one round does, in the Blueprint's words, and where this engine's MCTS differs from
 * AlphaZero's in a way that changes what the policy learns (src/learn/examples.ts).
 */
export function LearnIntro() {
  return (
    <details className="learn-intro" open data-testid="learn-intro">
      <summary>What happens in a round</summary>
      <ol className="learn-intro__steps">
        <li>
          <strong>Self-play.</strong> The current policy and value model search generated Countdown puzzles
          with MCTS.
        </li>
        <li>
          <strong>Examples.</strong> Every state a search passed through becomes a training example: its visit
          distribution over the next steps, sharpened as AlphaZero&apos;s π ∝ N<sup>1/τ</sup> (τ = 0.5) and
          kept where a solution was found below, is the policy&apos;s target; the outcome (a verified solution
          below it) or its backed-up Q is the value model&apos;s target.
        </li>
        <li>
          <strong>Training.</strong> Gradient descent on both models, here in this tab, on a replay buffer of
          the latest rounds; a held-out tenth shows whether they generalise.
        </li>
        <li>
          <strong>Measure.</strong> The new pair searches the same held-out puzzles: a new generation on the
          chart.
        </li>
      </ol>
      <p className="learn-note">
        Unlike AlphaZero, the policy target is counted from the simulations that passed through each step, not
        from the visit count N: this engine&apos;s N also counts a child&apos;s evaluation when it is created,
        which would teach the policy to write every sampled step, invalid ones included.
      </p>
    </details>
  );
}
