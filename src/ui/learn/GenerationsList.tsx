import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { downloadBlob } from '../export/download';
import { generationLines, percent } from './generation-series';
import { useLearn } from './learn-context';
import { isRunning } from './run-view';

/** Every generation kept: open it in the playground, or take its model folders away as a .tar. */
export function GenerationsList() {
  const { generations, playgroundUrl, exportGeneration, clearGenerations, active } = useLearn(
    useShallow((s) => ({
      generations: s.generations,
      playgroundUrl: s.playgroundUrl,
      exportGeneration: s.exportGeneration,
      clearGenerations: s.clearGenerations,
      active: isRunning(s.phase) || s.phase === 'paused',
    })),
  );
  const [failed, setFailed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const lines = generationLines(generations);
  const save = async (id: string, label: string) => {
    setFailed(null);
    try {
      const blob = await exportGeneration(id);
      downloadBlob(`${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.tar`, blob);
    } catch (e) {
      setFailed(`Could not export ${label}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section className="learn-panel" aria-labelledby="learn-gens-title" data-testid="generations-list">
      <h2 id="learn-gens-title">Generations</h2>
      {generations.length === 0 && <p className="learn-note">None yet: Start measures generation 0.</p>}
      <ul className="learn-gens">
        {generations.map((g, i) => {
          const label = lines[i]?.label ?? `Gen ${g.round}`;
          return (
            <li key={g.id} className="learn-gens__item" data-testid="generation-item">
              <span
                className="learn-legend__swatch"
                style={{ background: lines[i]?.colour }}
                aria-hidden="true"
              />
              <span className="learn-gens__name">{label}</span>
              <span className="learn-gens__figures">
                MCTS {percent(g.mcts.rate)} · chain {percent(g.chain.rate)}
              </span>
              <span className="learn-gens__actions">
                <a className="learn-button" data-testid="btn-use-generation" href={playgroundUrl(g.id)}>
                  Use in playground
                </a>
                <button
                  type="button"
                  className="learn-button"
                  data-testid="btn-export-generation"
                  onClick={() => void save(g.id, label)}
                >
                  Export model folder (.tar)
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {generations.length > 0 &&
        (confirming ? (
          <span className="learn-confirm" role="group" aria-label="Forget every generation?">
            Forget {generations.length} generations and their weights (the buffer stays)?
            <button
              type="button"
              className="learn-button learn-button--danger"
              data-testid="btn-forget-generations-yes"
              onClick={() => {
                setConfirming(false);
                void clearGenerations();
              }}
            >
              Forget
            </button>
            <button type="button" className="learn-button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <div className="learn-actions">
            <button
              type="button"
              className="learn-button"
              data-testid="btn-forget-generations"
              disabled={active}
              title="The next Start then begins again from generation 0"
              onClick={() => setConfirming(true)}
            >
              Forget generations…
            </button>
          </div>
        ))}
      {failed && (
        <p className="learn-error" role="alert">
          {failed}
        </p>
      )}
    </section>
  );
}
