import { describe, expect, it } from 'vitest';
import { createStrategy } from '../../core/strategies/create';
import { runToEnd } from '../../core/strategies/strategy';
import type { PolicyInput, ScoreStepsInput } from '../../core/models';
import { SearchSession } from '../../core/session';
import { countdownTask } from '../../core/tasks/countdown';
import { FAKE_PROBLEM, fakeConfig, fakeSession } from '../../core/testing/fake-session';
import { ScriptedCountdownPolicy, SolverValue } from '../../core/testing/scripted-models';
import { isTerminal, pathTo, type ReasoningTree } from '../../core/tree';
import { ImportError } from './import-error';
import { parseImportText } from './import-file';
import { journeyFromLog, journeyLineText, journeyToChain, type JourneyLine } from './journey';

// The searches run on the scripted FAKE policy and value: the point is the trace, not the models.

/** Replays the journey's moves as a stack of steps; returns the stack before each try. */
function walk(lines: readonly JourneyLine[]): string[][] {
  const stack: string[] = [];
  const atTries: string[][] = [];
  for (const line of lines) {
    if (line.kind === 'step') stack.push(line.text);
    if (line.kind === 'backtrack') {
      const to = line.text === 'the start' ? 0 : stack.lastIndexOf(line.text) + 1;
      expect(to).toBeGreaterThanOrEqual(line.text === 'the start' ? 0 : 1);
      stack.length = to;
    }
    if (line.kind === 'try') atTries.push([...stack]);
  }
  return atTries;
}

function expandedPaths(tree: ReasoningTree): Set<string> {
  const out = new Set<string>();
  for (const n of Object.values(tree.nodes)) {
    if (n.childIds.length === 0) continue;
    out.add(
      pathTo(tree, n.id)
        .slice(1)
        .map((id) => tree.nodes[id]?.text)
        .join(' | '),
    );
  }
  return out;
}

describe('journey export', () => {
  it.each(['dfs', 'mcts'] as const)(
    '%s: tells every try from where it was made, moving by steps and backtracks',
    async (name) => {
      const session = fakeSession(5, 0.3, { numbers: [2, 3, 5, 7, 11], target: 24 });
      await runToEnd(
        createStrategy(session, fakeConfig(name, { threshold: 0.05, stopOnSolved: false, simulations: 20 })),
      );
      const journey = journeyFromLog(session.events, session.tree, 'test');
      const terminals = Object.values(session.tree.nodes).filter(isTerminal).length;
      expect(journey.lines.filter((l) => l.kind === 'try')).toHaveLength(terminals);
      expect(journey.lines.filter((l) => l.kind === 'backtrack').length).toBeGreaterThanOrEqual(
        session.events.filter((e) => e.type === 'backtrack').length,
      );
      // Each try is made at a node the search expanded: the stack of steps names that node's path.
      const expanded = expandedPaths(session.tree);
      for (const stack of walk(journey.lines)) expect(expanded.has(stack.join(' | '))).toBe(true);
      expect(journey.lines.at(-1)?.kind).toBe('answer');
      expect(journey.text.split('\n')).toEqual(journey.lines.map(journeyLineText));
    },
  );

  it('reads back as one chain, a node per line, through the import', async () => {
    const session = fakeSession(5, 0.3);
    await runToEnd(createStrategy(session, fakeConfig('dfs', { stopOnSolved: false, simulations: 8 })));
    const journey = journeyFromLog(session.events, session.tree, '4 5 6 10 -> 24');
    const parsed = parseImportText(JSON.stringify(journey), 'j.json');
    if (parsed.kind !== 'journey') throw new Error(`read as ${parsed.kind}`);
    const { tree } = parsed;
    expect(tree.nextId).toBe(journey.lines.length + 1);
    for (const n of Object.values(tree.nodes)) expect(n.childIds.length).toBeLessThanOrEqual(1);
    const texts = pathTo(tree, `n${journey.lines.length}`)
      .slice(1)
      .map((id) => tree.nodes[id]?.text);
    expect(texts).toEqual(journey.lines.map(journeyLineText));
    expect(parsed.title).toBe('4 5 6 10 -> 24');
  });

  it('refuses a broken journey with a message, whole', () => {
    const bad = {
      format: 'rlm-playground/journey',
      version: 1,
      title: 't',
      lines: [{ kind: 'leap', text: 'x' }],
    };
    expect(() => journeyToChain(bad)).toThrow(ImportError);
    expect(() => parseImportText(JSON.stringify(bad))).toThrow(/not a valid journey: lines\[0\]\.kind/);
    expect(() => parseImportText(JSON.stringify({ ...bad, lines: 'x' }))).toThrow(/not a valid journey/);
  });

  it('a step written by hand is a try where it was written, and the ids after it still line up', async () => {
    const scripted = new ScriptedCountdownPolicy(FAKE_PROBLEM, 0);
    const policy = {
      sample: (input: PolicyInput) => scripted.sample(input),
      // A FAKE score: the point is the trace.
      scoreSteps: async (input: ScoreStepsInput) => input.items.map(() => ({ logProb: -5, tokens: 10 })),
    };
    const session = new SearchSession(
      countdownTask,
      FAKE_PROBLEM,
      { policy, value: new SolverValue(FAKE_PROBLEM) },
      1,
    );
    const [kids = []] = await session.expand([{ nodeId: session.tree.rootId, k: 3 }], 1, 16);
    await session.write(session.tree.rootId, '10-4=7');
    const open = kids.find((id) => session.tree.nodes[id]?.status === 'open') ?? '';
    const [below = []] = await session.expand([{ nodeId: open, k: 3 }], 1, 16);
    const journey = journeyFromLog(session.events, session.tree, 'test');
    expect(journey.lines).toContainEqual({ kind: 'try', text: '10-4=7 (left: 5 6 7)', outcome: 'failed' });
    // The expansion after the written node names its own children, not ones shifted by one.
    const tries = journey.lines.filter((l) => l.kind === 'try').map((l) => l.text);
    const terminalsBelow = below.map((id) => session.tree.nodes[id]).filter((n) => n && isTerminal(n));
    for (const n of terminalsBelow) expect(tries).toContain(n?.text);
    expect(journey.lines).toContainEqual({ kind: 'step', text: session.tree.nodes[open]?.text ?? '' });
  });
});
