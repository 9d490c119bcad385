import { describe, expect, it } from 'vitest';
import { learnedModelId, learnedModelLabel, parseLearnedModelId } from '../../inference/learned-models';
import { DEFAULT_SETUP } from '../setup';
import { validateSetup } from '../setup-validate';

describe('learned model ids', () => {
  it('name a generation and a kind, with the round read back', () => {
    const id = learnedModelId('rmabc12g3', 'policy');
    expect(id).toBe('learned-rmabc12g3-policy');
    expect(parseLearnedModelId(id)).toEqual({ generationId: 'rmabc12g3', kind: 'policy', round: 3 });
    expect(learnedModelLabel('learned-rmabc12g3-value')).toBe('Learned, generation 3');
    expect(parseLearnedModelId('countdown-policy')).toBeUndefined();
    expect(parseLearnedModelId('owner/learned-x-policy')).toBeUndefined();
  });

  it('are a Countdown setup\u2019s models, never a math one\u2019s', () => {
    const learned = { policy: 'learned-rmabc12g1-policy', value: 'learned-rmabc12g1-value' };
    const countdown = validateSetup({ ...DEFAULT_SETUP, ...learned });
    expect(countdown.errors).toEqual({});
    expect(countdown.valid?.models.value).toEqual({ kind: 'model', id: learned.value });
    const math = validateSetup({ ...DEFAULT_SETUP, task: 'math', ...learned });
    expect(math.errors.policy).toMatch(/Countdown/);
    expect(math.errors.value).toMatch(/Countdown/);
  });
});
