import { useShallow } from 'zustand/react/shallow';
import { LearnChoice } from './LearnChoice';
import { useLearn } from './learn-context';
import { FIELDS, STARTS, VALUE_TARGETS } from './learn-fields';
import { LearnNumberField } from './LearnNumberField';
import { isRunning } from './run-view';

/** The run's settings; they are fixed while a run is going or paused. */
export function LearnSetup() {
  const { settings, setSettings, phase, newest } = useLearn(
    useShallow((s) => ({
      settings: s.settings,
      setSettings: s.setSettings,
      phase: s.phase,
      newest: s.generations.at(-1)?.round ?? null,
    })),
  );
  const locked = isRunning(phase) || phase === 'paused';
  return (
    <section
      className="learn-panel learn-setup"
      aria-labelledby="learn-setup-title"
      data-testid="learn-setup"
    >
      <h2 id="learn-setup-title">Setup</h2>
      {locked && <p className="learn-note">Fixed while the run goes on: cancel it to change them.</p>}
      <LearnChoice
        legend="Start from"
        name="learn-from"
        options={STARTS}
        value={settings.from}
        disabled={locked || newest !== null}
        onChange={(from) => setSettings({ from })}
      />
      {newest !== null && (
        <p className="learn-note" data-testid="learn-continues">
          Start continues from generation {newest}, with the whole buffer. To begin again from generation 0,
          forget the generations (under Generations).
        </p>
      )}
      <LearnChoice
        legend="Value target"
        name="learn-target"
        options={VALUE_TARGETS}
        value={settings.valueTarget}
        disabled={locked}
        onChange={(valueTarget) => setSettings({ valueTarget })}
      />
      {FIELDS.map((spec) => (
        <LearnNumberField
          key={spec.key}
          spec={spec}
          value={settings[spec.key]}
          disabled={locked}
          onChange={(value) => setSettings({ [spec.key]: value })}
        />
      ))}
      <p className="learn-note">
        Measured at {settings.measureSimulations.join(', ')} simulations and as a greedy chain.
      </p>
    </section>
  );
}
