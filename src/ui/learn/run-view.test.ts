import { describe, expect, it } from 'vitest';
import type { LearnPhase } from '../../state/learn/learn-types';
import { runView, type RunFacts } from './run-view';

const facts = (phase: LearnPhase, extra: Partial<RunFacts> = {}): RunFacts => ({
  phase,
  lastRunning: phase,
  round: 2,
  progress: { done: 12, total: 40, text: 'Self-play, round 2: puzzle 12 of 40' },
  lastLoss: null,
  epochs: 3,
  pauseAsked: false,
  ...extra,
});

describe('runView', () => {
  it('offers Start and no Cancel when nothing runs', () => {
    for (const phase of ['idle', 'done', 'cancelled', 'error'] as LearnPhase[]) {
      const v = runView(facts(phase));
      expect(v).toMatchObject({ main: 'start', canCancel: false, active: false });
      expect(v.line).not.toContain('Round');
    }
  });

  it('offers Pause and Cancel while a phase runs, and says the round and the puzzle', () => {
    const v = runView(facts('self-play'));
    expect(v).toMatchObject({ main: 'pause', canCancel: true, active: true });
    expect(v.line).toBe('Round 2 · self-play · puzzle 12 of 40');
  });

  it('says a pause was asked for until it takes hold, and takes no second press', () => {
    const v = runView(facts('evaluate', { pauseAsked: true }));
    expect(v).toMatchObject({ main: 'pause', mainEnabled: false, canCancel: true });
    expect(v.line).toContain('pausing at the next puzzle or batch');
    expect(runView(facts('paused', { pauseAsked: true, lastRunning: 'self-play' })).mainEnabled).toBe(true);
  });

  it('offers Resume (not Pause, not Start) while paused, and keeps where it stopped', () => {
    const v = runView(facts('paused', { lastRunning: 'self-play' }));
    expect(v).toMatchObject({ main: 'resume', canCancel: true, active: true });
    expect(v.line).toBe('Round 2 · paused · self-play · puzzle 12 of 40');
  });

  it("says the epoch and batch of this round's newest loss point while a model trains", () => {
    const lastLoss = { model: 'value' as const, round: 2, step: 16, epoch: 2, train: 0.5 };
    expect(runView(facts('train-value', { lastLoss })).line).toBe(
      'Round 2 · training the value model · epoch 2 of 3 · batch 16',
    );
    // A point of the other model, or of another round, says nothing about this one.
    expect(runView(facts('train-policy', { lastLoss })).line).toBe('Round 2 · training the policy');
  });

  it('names generation 0 as before training', () => {
    expect(runView(facts('evaluate', { round: 0, progress: { done: 0, total: 20, text: '' } })).line).toBe(
      'Before training · measuring generation 0 on 20 held-out puzzles',
    );
  });
});
