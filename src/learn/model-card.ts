import type { Generation, LearnConfig } from './learn-loop';

/** A MODEL_CARD.md for a pair made by the learning loop: how it was made and what it measured. */
export function modelCard(
  config: LearnConfig,
  generations: readonly Generation[],
): (kind: 'policy' | 'value') => string {
  const rows = generations.map(
    (g) =>
      `| ${g.round} | ${(g.mcts.rate * 100).toFixed(1)}% (${g.mcts.solved}/${g.mcts.total}) | ${(g.chain.rate * 100).toFixed(1)}% | ${g.policyLoss?.toFixed(4) ?? '—'} | ${g.valueLoss?.toFixed(4) ?? '—'} | ${g.examples} |`,
  );
  return (kind) =>
    [
      `# countdown-${kind} (learned from search)`,
      '',
      `Made by \`npm run learn\` (src/learn/): expert iteration from ${config.from === 'none' ? 'the shipped policy with no value model' : 'the shipped policy and value model'}.`,
      `${config.rounds} rounds of ${config.puzzlesPerRound} self-play puzzles (${config.sizes.join('/')} numbers, MCTS with ${config.simulations} simulations, seed ${config.seed}).`,
      'The policy learns the search\u2019s visit distribution over next steps; the value model learns',
      config.valueTarget === 'outcome'
        ? 'whether a verified solution was reached below each searched state (outcome target).'
        : 'each searched state\u2019s backed-up Q (process target).',
      'Trained with TensorFlow.js (WASM backend), weights written back into the ONNX graph; fp32 only.',
      '',
      '| generation | MCTS | greedy chain | policy held-out loss | value held-out loss | examples |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
}
