import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../lib/api';
import { formatDelay, formatTime } from '../lib/format';
import { Link } from '../router';
import { useStore } from '../stream/store';
import type { HealingRecord } from '../stream/types';

const tone: Record<string, string> = {
  FailureDetected: 'bad', RestartFailed: 'bad', Quarantined: 'bad', CircuitOpened: 'bad',
  RestartSucceeded: 'good', Released: 'good', CircuitClosed: 'good', LadderReset: 'good',
  RestartScheduled: 'busy', RestartStarted: 'busy', ManualRestart: 'busy', DependencyRestart: 'busy',
  WaitingForDependency: 'warn', CircuitHalfOpened: 'warn',
};

export function parseHealing(v: unknown): HealingRecord[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x: Record<string, unknown>) => {
    if (typeof x !== 'object' || x === null || typeof x.kind !== 'string' || typeof x.resource !== 'string') return [];
    return [{
      id: typeof x.id === 'number' || typeof x.id === 'string' ? x.id : `${x.timestamp}-${x.kind}`,
      timestamp: typeof x.timestamp === 'string' ? x.timestamp : '',
      resource: x.resource,
      replica: typeof x.replica === 'string' ? x.replica : undefined,
      kind: x.kind,
      attempt: typeof x.attempt === 'number' ? x.attempt : undefined,
      tier: typeof x.tier === 'number' || typeof x.tier === 'string' ? x.tier : undefined,
      action: typeof x.action === 'string' ? x.action : undefined,
      delayMs: typeof x.delayMs === 'number' ? x.delayMs : undefined,
      message: typeof x.message === 'string' ? x.message : undefined,
    }];
  });
}

/** The healing journal, fetched again whenever the stream reports a change (never on a timer). */
export function useHealingHistory(resource?: string, limit = 200) {
  const { state, notify } = useStore();
  const [records, setRecords] = useState<HealingRecord[] | null>(null);
  const trigger = useMemo(() => {
    const rs = resource ? [state.resources[resource]].filter(Boolean) : Object.values(state.resources);
    return `${state.events.length}|${rs.map((r) => `${r!.restartCount}:${r!.state}`).join(',')}`;
  }, [state.events.length, state.resources, resource]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (resource) query.set('resource', resource);
      getJson(`/api/v1/healing-history?${query}`, controller.signal)
        .then((body) => setRecords(parseHealing(body)))
        .catch((error: unknown) => {
          if (!controller.signal.aborted) notify('error', `Healing history: ${error instanceof Error ? error.message : String(error)}`);
        });
    }, 250);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [trigger, resource, limit, notify]);
  return records;
}

export function HealingTimeline({ records, showResource }: { records: HealingRecord[] | null; showResource: boolean }) {
  if (!records) return <p className="muted">Loading…</p>;
  if (records.length === 0) return <p className="muted" data-testid="healing-empty">Nothing has needed healing.</p>;
  return (
    <ol className="timeline" data-testid="healing-timeline">
      {records.map((r) => (
        <li key={r.id} className={`tone-${tone[r.kind] ?? 'idle'}`} data-testid="healing-entry" data-kind={r.kind} data-resource={r.resource}>
          <span className="dot" />
          <span className="when">{formatTime(r.timestamp)}</span>
          {showResource && <Link to={`/resources/${encodeURIComponent(r.resource)}`}>{r.resource}</Link>}
          {r.replica && <span className="muted">{r.replica}</span>}
          <strong>{r.kind}</strong>
          {r.attempt !== undefined && <span>attempt {r.attempt}</span>}
          {r.tier !== undefined && <span>tier {r.tier}</span>}
          {r.action && <span>{r.action}</span>}
          {r.delayMs !== undefined && <span>in {formatDelay(r.delayMs)}</span>}
          {r.message && <span className="message">{r.message}</span>}
        </li>
      ))}
    </ol>
  );
}
