import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The eval CLI as a user runs it (a child process), on the real shipped models.
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'eval-cli-'));
const cli = (args: string[]) => run('npx', ['tsx', 'scripts/eval.ts', ...args], { cwd: process.cwd() });

async function failure(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await cli(args);
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { code: err.code, stderr: err.stderr };
  }
  throw new Error('the CLI was expected to fail');
}

describe('eval CLI', () => {
  it('solves, reports an unsolvable puzzle, and writes the JSON report', async () => {
    const puzzles = join(dir, 'p.jsonl');
    writeFileSync(
      puzzles,
      '{"numbers":[2,3,5,12],"target":24,"rank":0}\n{"numbers":[1,1,1,1],"target":24}\n',
    );
    const out = join(dir, 'r.json');
    const { stdout } = await cli([
      '--task',
      'countdown',
      '--puzzles',
      puzzles,
      '--strategy',
      'mcts',
      '--simulations',
      '32',
      '--seed',
      '1',
      '--json',
      out,
    ]);
    expect(stdout).toMatch(/mcts\s+32 sims/);
    expect(stdout).toContain('no solution under Countdown rules');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown> & {
      results: Record<string, unknown>[];
    };
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['solved', 'total', 'rate', 'tokens', 'results']),
    );
    expect(report.total).toBe(2);
    expect(report.results[1]).toMatchObject({
      numbers: [1, 1, 1, 1],
      target: 24,
      solved: false,
      solvable: false,
    });
    expect(report.results[0]).toEqual(
      expect.objectContaining({
        numbers: [2, 3, 5, 12],
        target: 24,
        steps: expect.any(Array),
        tokens: expect.any(Number),
      }),
    );
  });

  it('rejects a malformed puzzle line with its line number and the reason', async () => {
    const puzzles = join(dir, 'bad.jsonl');
    writeFileSync(puzzles, '{"numbers":[4,5,6,10],"target":24}\n{"numbers":[4,5,6,10]}\n');
    const { code, stderr } = await failure(['--puzzles', puzzles]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${puzzles}:2: "target" must be an integer from 1 to 100, got undefined`);
  });

  it('names the missing model folder', async () => {
    const puzzles = join(dir, 'ok.jsonl');
    writeFileSync(puzzles, '{"numbers":[4,5,6,10],"target":24}\n');
    const { code, stderr } = await failure(['--puzzles', puzzles, '--models', join(dir, 'nowhere')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`model folder not found: ${join(dir, 'nowhere', 'countdown-policy')}`);
  });
});
