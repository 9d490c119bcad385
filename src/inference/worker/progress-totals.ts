import type { ProgressInfo } from '@huggingface/transformers';

export interface LoadProgressReport {
  readonly file: string;
  readonly fileProgress: number;
  readonly totalProgress: number;
  readonly loadedBytes: number;
  readonly totalBytes: number;
}

/** Byte progress over every file of every model being loaded, as one total. */
export class ProgressTotals {
  private readonly files = new Map<string, { loaded: number; total: number }>();

  update(info: ProgressInfo): LoadProgressReport | undefined {
    if (info.status !== 'progress' && info.status !== 'done') return undefined;
    const key = `${info.name}/${info.file}`;
    const seen = this.files.get(key) ?? { loaded: 0, total: 0 };
    const next =
      info.status === 'progress'
        ? { loaded: info.loaded, total: info.total }
        : { loaded: Math.max(seen.total, seen.loaded), total: Math.max(seen.total, seen.loaded) };
    this.files.set(key, next);
    let loaded = 0;
    let total = 0;
    for (const f of this.files.values()) {
      loaded += f.loaded;
      total += f.total;
    }
    return {
      file: key,
      fileProgress: next.total > 0 ? next.loaded / next.total : 1,
      totalProgress: total > 0 ? loaded / total : 0,
      loadedBytes: loaded,
      totalBytes: total,
    };
  }
}
