/** One cold load of a page, times in milliseconds after its navigation started. */
export interface StartupRun {
  /** "app", or "floor (plain)" and the like. */
  readonly label: string;
  /** When the header first said "models ready". */
  readonly readyMs: number;
  /** Scripts, runtime and weights fetched: when each was asked for and when its last byte came. */
  readonly requests: readonly { readonly name: string; readonly startMs: number; readonly endMs: number }[];
  /** performance.mark()s of the page and its workers, on the page's clock. */
  readonly marks: readonly { readonly name: string; readonly atMs: number }[];
}

/** A file's short name: a hashed asset's without its hash (/assets/main-Dvedn5Ii.js -> main.js), a model file's under /models/. */
export function assetName(url: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/models/')) return path.slice('/models/'.length);
  const file = path.split('/').pop() ?? path;
  return file.replace(/-[A-Za-z0-9_-]{8}(\.[a-z]+)$/, '$1');
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');

/** The events of one kind of page, each at its median time over the runs that had it. */
function breakdown(runs: readonly StartupRun[]): string {
  const events = new Map<string, { from: number[]; to: number[] }>();
  const add = (name: string, from: number, to: number) => {
    const e = events.get(name) ?? { from: [], to: [] };
    e.from.push(from);
    e.to.push(to);
    events.set(name, e);
  };
  for (const run of runs) {
    for (const r of run.requests) add(`fetch ${r.name}`, r.startMs, r.endMs);
    for (const m of run.marks) add(`mark ${m.name}`, m.atMs, m.atMs);
    add('models ready (page)', run.readyMs, run.readyMs);
  }
  const rows = [...events.entries()]
    .map(([name, e]) => ({ name, from: median(e.from), to: median(e.to), n: e.from.length }))
    .sort((a, b) => a.to - b.to || a.from - b.from);
  return table(
    ['event (medians, ms after navigation start)', 'from', 'to', 'took', 'runs'],
    rows.map((r) =>
      r.name.startsWith('fetch ')
        ? [r.name, ms(r.from), ms(r.to), ms(r.to - r.from), String(r.n)]
        : [r.name, '', ms(r.to), '', String(r.n)],
    ),
  );
}

/** The summary (median, min, max to "models ready") and, per page, where the time went. */
export function formatStartup(runs: readonly StartupRun[]): string {
  const labels = [...new Set(runs.map((r) => r.label))];
  const summary = table(
    ['page', 'runs', 'median ms', 'min ms', 'max ms', 'each run'],
    labels.map((label) => {
      const ready = runs.filter((r) => r.label === label).map((r) => r.readyMs);
      return [
        label,
        String(ready.length),
        ms(median(ready)),
        ms(Math.min(...ready)),
        ms(Math.max(...ready)),
        ready.map(ms).join(' '),
      ];
    }),
  );
  const details = labels.map((label) => `\n${label}:\n${breakdown(runs.filter((r) => r.label === label))}`);
  return [summary, ...details].join('\n');
}
