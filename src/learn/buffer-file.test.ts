import { describe, expect, it } from 'vitest';
import {
  BUFFER_LIMITS,
  BufferFileError,
  bufferFileText,
  checkBufferFileSize,
  parseBufferFile,
  type BufferRecord,
} from './buffer-file';

const record: BufferRecord = {
  round: 1,
  puzzle: { numbers: [2, 6, 9, 9], target: 84 },
  solved: true,
  source: 'self-play',
  examples: [
    {
      prompt: '2 6 9 9 -> 84\n',
      steps: ['9-2=7 (left: 6 7 9)', '6+7=13 (left: 9 13)'],
      policy: [0.75, 1],
      outcome: [1, 1, null],
      q: [0.5, 0.625, null],
    },
  ],
};

const file = (records: unknown[], head: object = {}) =>
  JSON.stringify({ format: 'rlm-replay-buffer', version: 1, records, ...head });

function refusal(text: string): string {
  try {
    parseBufferFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(BufferFileError);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('replay-buffer files', () => {
  it('round-trips the records it writes', () => {
    const other: BufferRecord = { ...record, round: 0, source: 'session', solved: false };
    expect(parseBufferFile(bufferFileText([record, other]))).toEqual([record, other]);
  });

  it('refuses text that is not JSON, and other formats and versions as foreign', () => {
    expect(refusal('{"format": "rlm-replay-buffer", ')).toMatch(/^not JSON/);
    expect(refusal(JSON.stringify({ format: 'rlm-playground/session', version: 1 }))).toMatch(
      /^foreign: .*rlm-playground\/session/,
    );
    expect(refusal(file([], { version: 2 }))).toMatch(/^foreign: .*version 2; this app reads version 1/);
    expect(refusal('[1, 2]')).toMatch(/^foreign/);
  });

  it('refuses a file over its limits and says them', () => {
    expect(() => checkBufferFileSize(BUFFER_LIMITS.bytes + 1)).toThrow(/too large: .*up to 64\.0 MB/);
    expect(refusal(file(new Array(BUFFER_LIMITS.records + 1).fill(record)))).toMatch(
      /too large: 20,001 records; .* up to 20,000/,
    );
    const long = { ...record.examples[0], steps: ['1'.repeat(129), 'x'] };
    expect(refusal(file([{ ...record, examples: [long] }]))).toMatch(/record 1, example 1\.steps\[0\]/);
  });

  it.each([
    ['policy weights for a different number of steps', { policy: [1] }, /policy has 1 weights for 2 steps/],
    ['outcome targets not one per state', { outcome: [1, 1] }, /outcome has 2 targets for 2 steps/],
    ['a q target above 1', { q: [0.5, 2, null] }, /example 1\.q\[1\]/],
    ['a negative weight', { policy: [-0.1, 1] }, /example 1\.policy\[0\]/],
    ['a step that is not a string', { steps: [3, 'x'] }, /example 1\.steps\[0\]/],
    ['a prompt of another puzzle', { prompt: '1 2 3 4 -> 10\n' }, /prompt is not the puzzle's/],
  ])('refuses a record with %s, naming where', (_, patch, message) => {
    const bad = { ...record, examples: [{ ...record.examples[0], ...patch }] };
    const text = refusal(file([record, bad]));
    expect(text).toMatch(/^malformed: record 2/);
    expect(text).toMatch(message);
  });

  it('refuses an invalid puzzle and an unknown source', () => {
    expect(refusal(file([{ ...record, puzzle: { numbers: [1, 99], target: 5 } }]))).toMatch(
      /record 1\.puzzle: "numbers" must hold 3 to 5/,
    );
    expect(refusal(file([{ ...record, source: 'web' }]))).toMatch(/record 1\.source/);
  });
});
