import type { Replica } from '../stream/types';

// Health-check history -> the aligned columns uPlot draws: x (seconds), then per replica its response
// times, then one series of failures (the duration where a check failed, null elsewhere).

export type Column = (number | null)[];

export function healthSeries(replicas: Replica[]): { names: string[]; data: [number[], ...Column[]] } {
  const checks = replicas.flatMap((r, series) =>
    (r.healthHistory ?? []).flatMap((h) => {
      const t = Date.parse(h.timestamp);
      return Number.isNaN(t) ? [] : [{ t: t / 1000, series, ms: h.durationMs, failed: h.status !== 'Healthy' }];
    }));
  const xs = [...new Set(checks.map((c) => c.t))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const columns: Column[] = replicas.map(() => xs.map(() => null));
  const failures: Column = xs.map(() => null);
  for (const c of checks) {
    const i = index.get(c.t)!;
    columns[c.series][i] = c.ms;
    if (c.failed) failures[i] = c.ms;
  }
  return { names: replicas.map((r) => r.name), data: [xs, ...columns, failures] };
}
