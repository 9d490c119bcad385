import { describe, expect, it } from 'vitest';
import { parseEvalArgs, UsageError } from './eval-args';
import { parsePuzzleLines, PuzzleFileError, readPuzzleFile } from './puzzle-file';

describe('puzzle files', () => {
  it('reads one puzzle a line, ignoring other keys and blank lines', () => {
    const text = '{"rank": 1, "numbers": [4, 5, 6, 10], "target": 24}\n\n{"numbers":[1,2,3],"target":6}\n';
    expect(parsePuzzleLines(text, 'p.jsonl')).toEqual([
      { numbers: [4, 5, 6, 10], target: 24 },
      { numbers: [1, 2, 3], target: 6 },
    ]);
  });

  it('names every malformed line with its number and the reason', () => {
    const text = [
      '{"numbers":[4,5,6,10],"target":24}',
      '{"numbers":[4,5,6,10],"target":24',
      '{"numbers":[4,5],"target":24}',
      '{"numbers":[4,5,6,99],"target":24}',
      '{"numbers":[4,5,6,10],"target":-1}',
      '[1,2,3]',
    ].join('\n');
    let message = '';
    try {
      parsePuzzleLines(text, 'bad.jsonl');
    } catch (e) {
      expect(e).toBeInstanceOf(PuzzleFileError);
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^bad\.jsonl:2: not valid JSON/);
    expect(lines[1]).toMatch(/^bad\.jsonl:3: .*3 to 5 numbers, got 2/);
    expect(lines[2]).toMatch(/^bad\.jsonl:4: .*got 99/);
    expect(lines[3]).toMatch(/^bad\.jsonl:5: "target" must be an integer/);
    expect(lines[4]).toMatch(/^bad\.jsonl:6: "numbers" must be an array/);
  });

  it('refuses an empty file and a missing file', () => {
    expect(() => parsePuzzleLines('\n\n', 'empty.jsonl')).toThrow('empty.jsonl: no puzzles in the file');
    expect(() => readPuzzleFile('/nonexistent/p.jsonl')).toThrow(
      'cannot read puzzle file /nonexistent/p.jsonl',
    );
  });
});

describe('eval arguments', () => {
  it('builds the search config', () => {
    const args = parseEvalArgs([
      '--task',
      'countdown',
      '--puzzles',
      'p.jsonl',
      '--strategy',
      'beam',
      '--simulations',
      '8',
      '--seed',
      '3',
      '--json',
      'o.json',
    ]);
    expect(args.config).toMatchObject({ strategy: 'beam', simulations: 8, seed: 3 });
    expect(args.json).toBe('o.json');
    expect(args.dtype).toBe('q8');
  });

  it.each([
    [['--strategy', 'mcts'], '--puzzles FILE is required'],
    [
      ['--puzzles', 'p', '--strategy', 'astar'],
      '--strategy must be one of cot, bon, beam, mcts, bfs, dfs, dvts, gumbel, got "astar"',
    ],
    [
      ['--puzzles', 'p', '--variant', 'muzero'],
      '--variant must be one of children, alphazero, x1, got "muzero"',
    ],
    [['--puzzles', 'p', '--solver', 'yes'], '--solver must be one of on, off, got "yes"'],
    [['--puzzles', 'p', '--value', 'outcome'], '--value must be one of prm, orm, none, got "outcome"'],
    [['--puzzles', 'p', '--simulations', '0'], '--simulations must be an integer >= 1'],
    [['--puzzles', 'p', '--simulations', 'many'], 'got "many"'],
    [['--puzzles', 'p', '--task', 'chess'], '--task must be one of countdown'],
    [['--puzzles', 'p', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseEvalArgs(argv)).toThrow(UsageError);
    expect(() => parseEvalArgs(argv)).toThrow(message);
  });
});
