// Formatting of numbers, durations and states for display. Pure functions, unit-tested.

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

export function formatPercent(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return `${value.toFixed(digits)} %`;
}

/** 0 -> "0s", 75 -> "1m 15s", 3700 -> "1h 1m", 90000 -> "1d 1h". */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${r}s`;
  return `${r}s`;
}

/** The uptime of a replica now: from its start time when it runs, else nothing. */
export function uptimeSeconds(startedAt: string | undefined, state: string, nowMs: number): number | undefined {
  if (!startedAt || (state !== 'Running' && state !== 'RuntimeUnhealthy')) return undefined;
  const started = Date.parse(startedAt);
  if (Number.isNaN(started)) return undefined;
  return Math.max(0, (nowMs - started) / 1000);
}

export function formatTime(iso: string | undefined): string {
  if (!iso) return '–';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '–';
  const d = new Date(t);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatDelay(delay: number | string | undefined): string {
  if (delay === undefined) return '';
  if (typeof delay === 'number') return delay >= 1000 ? `${(delay / 1000).toFixed(delay % 1000 === 0 ? 0 : 1)} s` : `${delay} ms`;
  return delay;
}

/** The colour class of a state: good, busy, bad or idle. */
export function stateTone(state: string | undefined, health?: string): 'good' | 'warn' | 'bad' | 'idle' | 'busy' {
  switch (state) {
    case 'Running':
      return health === 'Unhealthy' ? 'bad' : health === 'Degraded' ? 'warn' : 'good';
    case 'Finished':
      return 'idle';
    case 'Starting':
    case 'Stopping':
    case 'Waiting':
      return 'busy';
    case 'NotStarted':
    case 'Exited':
      return 'idle';
    case 'RuntimeUnhealthy':
    case 'FailedToStart':
    case 'Quarantined':
    case 'Blocked':
      return 'bad';
    default:
      return 'warn';
  }
}

export type SortKey = 'name' | 'state' | 'type' | 'restarts' | 'cpu' | 'memory';

export interface ResourceRow {
  name: string;
  type: string;
  state: string;
  health?: string;
  restartCount: number;
  cpu?: number;
  rss?: number;
}

/** Filters by a case-insensitive text over name, type and state; sorts by key (ties by name). */
export function filterAndSort<T extends ResourceRow>(rows: T[], filter: string, key: SortKey, descending: boolean): T[] {
  const needle = filter.trim().toLowerCase();
  const kept = needle
    ? rows.filter((r) => [r.name, r.type, r.state, r.health ?? ''].some((f) => f.toLowerCase().includes(needle)))
    : rows.slice();
  const value = (r: T): string | number => {
    switch (key) {
      case 'name': return r.name;
      case 'state': return r.state;
      case 'type': return r.type;
      case 'restarts': return r.restartCount;
      case 'cpu': return r.cpu ?? -1;
      case 'memory': return r.rss ?? -1;
    }
  };
  kept.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return (descending ? -c : c) || a.name.localeCompare(b.name);
  });
  return kept;
}
