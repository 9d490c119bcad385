import type { EvalReport } from '../../src/core/evaluate';

/** A plain-text table, one row per report: what a reader compares across strategies. */
export function formatReportTable(reports: readonly EvalReport[]): string {
  const header = [
    'strategy',
    'budget',
    'solved',
    'rate',
    'own choice',
    'tokens/puzzle',
    'wasted sims',
    's/puzzle',
  ];
  const rows = reports.map((r) => [
    r.strategy,
    budgetLabel(r),
    `${r.solved}/${r.total}`,
    `${(100 * r.rate).toFixed(1)}%`,
    // MCTS and Gumbel only: how often the search's own answer (most-visited line) is right.
    r.results.some((x) => x.chosenSolved !== null) ? `${r.chosenSolved}/${r.total}` : '–',
    (r.total > 0 ? r.tokens / r.total : 0).toFixed(0),
    String(r.wastedSimulations),
    r.secondsPerPuzzle.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const unsolvable = reports.some((r) => r.unsolvable > 0)
    ? `\n(${reports[0]?.unsolvable ?? 0} puzzle(s) have no solution under Countdown rules: reported as unsolvable)`
    : '';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + unsolvable;
}

function budgetLabel(r: EvalReport): string {
  const c = r.config;
  switch (c.strategy) {
    case 'cot':
      return 'greedy chain';
    case 'bon':
      return `N=${c.simulations}, T=${c.temperature}`;
    case 'beam':
      return `width=${c.simulations}, k=${c.k}`;
    case 'bfs':
      return `b=${c.simulations}, k=${c.k}, threshold=${c.threshold}`;
    case 'dfs':
      return `${c.simulations} expansions, k=${c.k}, threshold=${c.threshold}`;
    case 'dvts':
      return `N=${c.simulations}, M=${c.k}`;
    case 'mcts':
    case 'gumbel':
      return `${c.simulations} sims, k=${c.k}, ${c.variant}${c.solver ? ', solver' : ''}${c.graph ? ', graph' : ''}`;
  }
}
