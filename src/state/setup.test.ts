import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, setupFromQuery, setupToQuery } from './setup';
import { validateSetup } from './setup-validate';

describe('the setup in the URL', () => {
  it('opens exactly the setup a URL names, and writes it back the same', () => {
    const { setup, urlErrors } = setupFromQuery(
      '?task=countdown&numbers=3,4,4,13&target=24&strategy=beam&sims=8&c=1.5&k=6&temp=0.9&seed=7&selection=uct',
    );
    expect(urlErrors).toEqual({});
    expect(setup).toMatchObject({ numbers: '3,4,4,13', target: '24', strategy: 'beam', sims: '8', c: '1.5' });
    expect(setup).toMatchObject({ k: '6', temperature: '0.9', seed: '7', selection: 'uct' });
    expect(setupFromQuery(setupToQuery(setup)).setup).toEqual(setup);
    expect(setupToQuery(setup)).toContain('numbers=3,4,4,13');
  });

  it('keeps the defaults for what the URL leaves out, and names unusable values', () => {
    const { setup, urlErrors } = setupFromQuery('?strategy=astar&numbers=1,2,3,4');
    expect(setup.strategy).toBe(DEFAULT_SETUP.strategy);
    expect(setup.numbers).toBe('1,2,3,4');
    expect(urlErrors.strategy).toMatch(/unknown strategy "astar"/);
  });

  it('turns a valid setup into a problem and a search configuration', () => {
    const { valid, errors } = validateSetup({ ...DEFAULT_SETUP, numbers: '4 5 6 10', sims: '32', c: '2' });
    expect(errors).toEqual({});
    expect(valid?.problem).toEqual({ numbers: [4, 5, 6, 10], target: 24 });
    expect(valid?.config).toMatchObject({ strategy: 'mcts', simulations: 32, c: 2 });
  });

  it('puts a message on each bad field and gives no configuration', () => {
    const { valid, errors } = validateSetup({
      ...DEFAULT_SETUP,
      numbers: '4,5,x',
      target: '0',
      sims: '-3',
      temperature: 'hot',
    });
    expect(valid).toBeUndefined();
    expect(errors.numbers).toMatch(/"x" is not a whole number/);
    expect(errors.target).toMatch(/from 1 to 100/);
    expect(errors.sims).toBeDefined();
    expect(errors.temperature).toBeDefined();
    expect(validateSetup({ ...DEFAULT_SETUP, numbers: '4,5' }).errors.numbers).toMatch(/3 to 5 numbers/);
    expect(validateSetup({ ...DEFAULT_SETUP, numbers: '4,5,6,14' }).errors.numbers).toMatch(/"14"/);
  });

  it('says an unsolvable puzzle is unsolvable before any search', () => {
    const { valid, errors } = validateSetup({ ...DEFAULT_SETUP, numbers: '1,1,1,1', target: '24' });
    expect(valid).toBeUndefined();
    expect(errors.target).toMatch(/unsolvable/);
  });

  it('opens a math problem with its own models and budgets, and writes only what the task uses', () => {
    const { setup, urlErrors } = setupFromQuery('?task=math&problem=m07&value=rollout');
    expect(urlErrors).toEqual({});
    expect(setup).toMatchObject({ task: 'math', problem: 'm07', value: 'rollout', sims: '16', k: '4' });
    expect(setup.policy).toBe('onnx-community/Qwen2.5-0.5B-Instruct');
    const query = setupToQuery(setup);
    expect(query).toContain('task=math');
    expect(query).toContain('value=rollout');
    expect(query).not.toContain('numbers=');
    expect(setupFromQuery(query).setup).toEqual(setup);
    const { valid } = validateSetup(setup);
    expect(valid?.task).toBe('math');
    expect(valid?.models.value).toEqual({ kind: 'rollout' });
    expect(valid?.config.maxStepTokens).toBeGreaterThan(100);
  });

  it('keeps a custom question and answer in the URL, and names bad ones', () => {
    const setup = {
      ...DEFAULT_SETUP,
      task: 'math' as const,
      problem: 'custom',
      question: 'A box holds 6 pencils. How many in 7 boxes?',
      answer: '42',
    };
    expect(setupFromQuery(setupToQuery(setup)).setup.question).toBe(setup.question);
    expect(validateSetup({ ...setup, answer: 'many' }).errors.answer).toMatch(/must be a number/);
    expect(validateSetup({ ...setup, question: 'hi' }).errors.question).toMatch(/at least 10/);
    expect(validateSetup({ ...setup, problem: 'm99' }).errors.problem).toMatch(/no built-in problem/);
  });

  it('refuses model ids, value options and hub addresses that cannot work, with a reason', () => {
    const math = {
      ...DEFAULT_SETUP,
      task: 'math' as const,
      policy: 'onnx-community/Qwen2.5-0.5B-Instruct',
      value: 'self-eval',
    };
    expect(validateSetup({ ...math, policy: 'countdown-policy' }).errors.policy).toMatch(/instruct model/);
    expect(validateSetup({ ...math, policy: 'not a model' }).errors.policy).toMatch(/not a model id/);
    expect(validateSetup({ ...math, value: 'countdown-value' }).errors.value).toMatch(/self-eval or rollout/);
    expect(validateSetup({ ...math, hub: 'ftp://example.org' }).errors.hub).toMatch(/not an http/);
    expect(
      validateSetup({ ...DEFAULT_SETUP, policy: 'onnx-community/Qwen2.5-0.5B-Instruct' }).errors.policy,
    ).toMatch(/embedded/);
  });

  it('keeps the default for a search setting the URL gets wrong, and says so', () => {
    const { setup, urlErrors } = setupFromQuery(
      '?sims=100000000&k=abc&temp=NaN&seed=-1&c=1e999&strategy=beam',
    );
    expect(setup).toMatchObject({
      sims: '64',
      k: '16',
      temperature: '1.3',
      seed: DEFAULT_SETUP.seed,
      c: DEFAULT_SETUP.c,
    });
    expect(setup.strategy).toBe('beam');
    expect(urlErrors.sims).toBe(
      'sims=100000000 in the URL is not usable (a whole number from 1 to 512): the default 64 is kept',
    );
    expect(urlErrors.temperature).toMatch(/^temp=NaN in the URL is not usable/);
    expect(Object.keys(urlErrors).sort()).toEqual(['c', 'k', 'seed', 'sims', 'temperature']);
    expect(validateSetup(setup).errors).toEqual({});
    // The math task's own defaults are the ones kept there.
    expect(setupFromQuery('?task=math&sims=0').setup.sims).toBe('16');
  });

  it('refuses overlong URL values, quoting only their start', () => {
    const { setup, urlErrors } = setupFromQuery(`?numbers=${'1,'.repeat(5000)}&strategy=${'x'.repeat(5000)}`);
    expect(setup.numbers).toBe(DEFAULT_SETUP.numbers);
    expect(urlErrors.numbers).toBe(
      'numbers in the URL is 10,000 characters long (at most 2,000): the default is kept',
    );
    // The message names the eight strategies and the value's first 40 characters, not its 5,000.
    expect(urlErrors.strategy?.length).toBeLessThan(140);
  });
});
