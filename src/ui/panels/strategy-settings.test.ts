import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../core/strategies/strategy';
import { SEARCH_LIMITS } from '../../state/setup-validate';
import {
  REFINE_EXPLAIN,
  SELECTION_EXPLAIN,
  SETTINGS,
  sliderText,
  sliderValue,
  STOP_EXPLAIN,
  STRATEGY_EXPLAIN,
} from './strategy-settings';

const spec = (field: string) => {
  const found = SETTINGS.find((s) => s.field === field);
  if (!found) throw new Error(`no setting ${field}`);
  return found;
};

describe('strategy settings', () => {
  it('keeps every slider inside what the field accepts', () => {
    for (const s of SETTINGS) {
      expect(s.min, s.field).toBeGreaterThanOrEqual(SEARCH_LIMITS[s.field].min);
      expect(s.max, s.field).toBeLessThanOrEqual(SEARCH_LIMITS[s.field].max);
      expect(s.min, s.field).toBeLessThan(s.max);
    }
  });

  it('places the slider by the typed value, clamped, and at its minimum while unreadable', () => {
    expect(sliderValue('2.5', spec('c'))).toBe(2.5);
    expect(sliderValue('9', spec('c'))).toBe(5);
    expect(sliderValue('abc', spec('k'))).toBe(1);
    expect(sliderValue('', spec('temperature'))).toBe(0);
  });

  it('writes a slider position without float noise, whole numbers for whole fields', () => {
    expect(sliderText(0.30000000000000004, spec('c'))).toBe('0.3');
    expect(sliderText(1.3, spec('temperature'))).toBe('1.3');
    expect(sliderText(16.4, spec('k'))).toBe('16');
  });

  it('explains every setting in one short line for every strategy that uses it', () => {
    const lines = [
      ...Object.values(STRATEGY_EXPLAIN),
      ...Object.values(SELECTION_EXPLAIN),
      ...Object.values(STOP_EXPLAIN),
      REFINE_EXPLAIN,
      ...STRATEGY_NAMES.flatMap((strategy) =>
        SETTINGS.filter((s) => s.label(strategy, true) !== null).flatMap((s) => [
          s.explain(strategy, 'puct'),
          s.explain(strategy, 'uct'),
        ]),
      ),
    ];
    for (const line of lines) {
      expect(line.length, line).toBeGreaterThan(20);
      expect(line.length, line).toBeLessThanOrEqual(100);
      expect(line, line).not.toContain('\n');
    }
  });

  it('states the selection formulas the engine computes (core/strategies/selection.ts)', () => {
    expect(spec('c').explain('mcts', 'puct')).toContain('Q + c·P·√N(parent) / (1 + N)');
    expect(spec('c').explain('mcts', 'uct')).toContain('Q + c·√(ln N(parent) / N)');
  });
});
