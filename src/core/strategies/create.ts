import type { SearchSession } from '../session';
import { BeamStrategy } from './beam';
import { BestOfNStrategy } from './best-of-n';
import { ChainStrategy } from './chain';
import { DfsStrategy } from './dfs';
import { DvtsStrategy } from './dvts';
import { GumbelStrategy } from './gumbel';
import { MctsStrategy } from './mcts';
import type { SearchConfig, Strategy } from './strategy';

export function createStrategy<P>(session: SearchSession<P>, config: SearchConfig): Strategy {
  switch (config.strategy) {
    case 'cot':
      return new ChainStrategy(session, config);
    case 'bon':
      return new BestOfNStrategy(session, config);
    case 'beam':
      return new BeamStrategy(session, config);
    case 'bfs':
      return new BeamStrategy(session, config, config.threshold);
    case 'dfs':
      return new DfsStrategy(session, config);
    case 'dvts':
      return new DvtsStrategy(session, config);
    case 'mcts':
      return new MctsStrategy(session, config);
    case 'gumbel':
      return new GumbelStrategy(session, config);
  }
}
