import { ModelPanel } from './ModelPanel';
import { ProblemPanel } from './ProblemPanel';
import { StrategyPanel } from './StrategyPanel';

/** Everything that sets a search up: the problem, the strategy and its settings, the models. */
export function SetupPanel() {
  return (
    <>
      <ProblemPanel />
      <StrategyPanel />
      <ModelPanel />
    </>
  );
}
