import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, setupFromQuery, setupToQuery } from './setup';
import { validateSetup } from './setup-validate';

describe('the toolbox settings in the URL (variant, solver, threshold)', () => {
  it('round-trips them and turns them into the search configuration', () => {
    const { setup, urlErrors } = setupFromQuery('?strategy=gumbel&variant=alphazero&solver=on&sims=32');
    expect(urlErrors).toEqual({});
    expect(setup).toMatchObject({ strategy: 'gumbel', variant: 'alphazero', solver: 'on' });
    expect(setupFromQuery(setupToQuery(setup)).setup).toEqual(setup);
    expect(validateSetup(setup).valid?.config).toMatchObject({
      strategy: 'gumbel',
      variant: 'alphazero',
      solver: true,
      simulations: 32,
    });
    const dfs = setupFromQuery('?strategy=dfs&threshold=0.3').setup;
    expect(validateSetup(dfs).valid?.config).toMatchObject({ strategy: 'dfs', threshold: 0.3 });
    expect(setupToQuery(dfs)).toContain('threshold=0.3');
  });

  it('writes them only for the strategies that read them, and only away from their defaults', () => {
    expect(setupToQuery(DEFAULT_SETUP)).not.toMatch(/variant|solver|threshold/);
    const beam = { ...DEFAULT_SETUP, strategy: 'beam' as const, variant: 'x1' as const, threshold: '0.5' };
    expect(setupToQuery(beam)).not.toMatch(/variant|threshold/);
  });

  it('keeps the defaults for unusable values and says why', () => {
    const { setup, urlErrors } = setupFromQuery('?variant=muzero&solver=yes&threshold=2');
    expect(setup).toMatchObject({ variant: 'children', solver: 'off', threshold: DEFAULT_SETUP.threshold });
    expect(urlErrors.variant).toMatch(/unknown variant "muzero".*children, alphazero, x1/);
    expect(urlErrors.solver).toMatch(/unknown solver "yes"/);
    expect(urlErrors.threshold).toMatch(/threshold=2 in the URL is not usable \(a number from 0 to 1\)/);
  });
});
