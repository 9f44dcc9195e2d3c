import { describe, expect, it } from 'vitest';
import { initialState, MaxNotices, reduce, reduceFrame, worstState } from './reducer';

const snapshot = {
  type: 'snapshot',
  timestamp: '2026-12-06T06:00:00Z',
  resources: [
    {
      name: 'catalog', type: 'project', state: 'Running', health: 'Healthy', restartCount: 0, quarantined: false,
      urls: [], dependencies: ['catalogdb'], external: false, phase: 1,
      replicas: [
        { name: 'catalog-0', index: 0, state: 'Running', health: 'Healthy', urls: ['http://127.0.0.1:5001'], restartCount: 0, pid: 10 },
        { name: 'catalog-1', index: 1, state: 'Running', health: 'Healthy', urls: ['http://127.0.0.1:5002'], restartCount: 0, pid: 11 },
      ],
    },
    { name: 'cache', type: 'redis', state: 'Running', health: 'Healthy', restartCount: 0, quarantined: false, urls: [], dependencies: [], external: false,
      replicas: [{ name: 'cache-0', index: 0, state: 'Running', health: 'Healthy', urls: [], restartCount: 0 }] },
  ],
};

const loaded = () => reduce(initialState, snapshot);

describe('the event-stream reducer', () => {
  it('takes every resource and replica from the snapshot', () => {
    const s = loaded();
    expect(Object.keys(s.resources).sort()).toEqual(['cache', 'catalog']);
    expect(s.resources.catalog.replicas.map((r) => r.name)).toEqual(['catalog-0', 'catalog-1']);
    expect(s.resources.catalog.urls).toEqual(['http://127.0.0.1:5001', 'http://127.0.0.1:5002']);
  });

  it('shows the worst replica state on the resource when one replica falls', () => {
    const s = reduce(loaded(), { type: 'resource.state', resource: 'catalog', replica: 'catalog-1', state: 'Exited', reason: 'killed' });
    expect(s.resources.catalog.state).toBe('Exited');
    expect(s.resources.catalog.replicas[1].stateReason).toBe('killed');
    const recovered = reduce(s, { type: 'resource.state', resource: 'catalog', replica: 'catalog-1', state: 'Running' });
    expect(recovered.resources.catalog.state).toBe('Running');
  });

  it('replaces a replica from a replica snapshot, keeping fields the snapshot leaves out', () => {
    const s = reduce(loaded(), { type: 'replica', snapshot: { resource: 'catalog', name: 'catalog-0', index: 0, state: 'Running', health: 'Unhealthy', restartCount: 2, urls: ['http://127.0.0.1:6001'], pid: 99 } });
    const r = s.resources.catalog.replicas[0];
    expect(r.pid).toBe(99);
    expect(r.restartCount).toBe(2);
    expect(s.resources.catalog.health).toBe('Unhealthy');
    expect(s.resources.catalog.restartCount).toBe(2);
  });

  it('clears what a replica snapshot leaves out, such as the reason of a state it left', () => {
    let s = reduce(loaded(), { type: 'replica', snapshot: { resource: 'catalog', name: 'catalog-1', index: 1, state: 'Exited', stateReason: 'exited with code 137', exitCode: 137, restartCount: 0, urls: [], cpuPercent: 3 } });
    expect(s.resources.catalog.replicas[1].stateReason).toBe('exited with code 137');
    s = reduce(s, { type: 'replica', snapshot: { resource: 'catalog', name: 'catalog-1', index: 1, state: 'Running', health: 'Healthy', restartCount: 1, urls: ['http://127.0.0.1:5002'] } });
    const r = s.resources.catalog.replicas[1];
    expect(r.stateReason).toBeUndefined();
    expect(r.exitCode).toBeUndefined();
    expect(r.cpuPercent).toBe(3);
  });

  it('applies usage samples to their replicas', () => {
    const s = reduce(loaded(), { type: 'usage', timestamp: 'x', replicas: [{ resource: 'catalog', replica: 'catalog-1', cpuPercent: 12.5, rssBytes: 1024 }] });
    expect(s.resources.catalog.replicas[1].cpuPercent).toBe(12.5);
    expect(s.resources.catalog.replicas[1].rssBytes).toBe(1024);
  });

  it('marks quarantine with its reason and clears it on release', () => {
    const q = reduce(loaded(), { type: 'resource.quarantined', resource: 'cache', replica: 'cache-0', attempts: 8, reason: 'ladder exhausted', timestamp: 't' });
    expect(q.resources.cache.quarantined).toBe(true);
    expect(q.resources.cache.state).toBe('Quarantined');
    expect(q.resources.cache.quarantineReason).toBe('ladder exhausted');
    expect(q.events[0].kind).toBe('Quarantined');
    const r = reduce(q, { type: 'resource.released', resource: 'cache', timestamp: 't' });
    expect(r.resources.cache.quarantined).toBe(false);
    expect(r.resources.cache.state).toBe('Running');
  });

  it('records healing events newest first', () => {
    let s = reduce(loaded(), { type: 'failure.detected', resource: 'catalog', replica: 'catalog-0', reason: 'exit 137', timestamp: '1' });
    s = reduce(s, { type: 'restart.started', resource: 'catalog', replica: 'catalog-0', attempt: 1, action: 'Immediate', timestamp: '2' });
    expect(s.events.map((e) => e.kind)).toEqual(['RestartStarted', 'FailureDetected']);
    expect(s.events[1].message).toBe('exit 137');
  });

  it('tracks the circuit state of a resource', () => {
    const s = reduce(loaded(), { type: 'circuit.changed', resource: 'catalog', state: 'Open', previous: 'Closed', timestamp: 't' });
    expect(s.resources.catalog.circuitState).toBe('Open');
  });

  it('turns a frame that is not JSON into an error notice, keeping the state', () => {
    const before = loaded();
    const s = reduceFrame(before, '{"type": "snapshot", oops');
    expect(s.resources).toBe(before.resources);
    expect(s.notices[0].level).toBe('error');
  });

  it('turns a message of the wrong shape into a notice instead of throwing', () => {
    const hostile = [null, 42, [], { type: 7 }, { type: 'snapshot', resources: 'nope' }, { type: 'replica', snapshot: { name: {} } }];
    let s = loaded();
    for (const m of hostile) s = reduce(s, m);
    expect(Object.keys(s.resources)).toHaveLength(2);
    expect(s.notices.length).toBe(hostile.length);
  });

  it('keeps hostile text as text, never as markup', () => {
    const s = reduce(loaded(), { type: 'resource.state', resource: 'catalog', replica: 'catalog-0', state: 'Exited', reason: '<img src=x onerror=alert(1)>' });
    expect(s.resources.catalog.replicas[0].stateReason).toBe('<img src=x onerror=alert(1)>');
  });

  it('ignores events about resources it does not know and types it does not know', () => {
    const before = loaded();
    expect(reduce(before, { type: 'resource.state', resource: 'ghost', replica: 'ghost-0', state: 'Running' })).toBe(before);
    expect(reduce(before, { type: 'something.new', resource: 'catalog' })).toBe(before);
  });

  it('bounds the notices it keeps', () => {
    let s = loaded();
    for (let i = 0; i < MaxNotices + 10; i++) s = reduceFrame(s, 'not json');
    expect(s.notices).toHaveLength(MaxNotices);
  });

  it('shows an error the server sent', () => {
    const s = reduce(loaded(), { type: 'error', message: 'unknown action' });
    expect(s.notices[0].message).toContain('unknown action');
  });

  it('orders states worst first', () => {
    expect(worstState(['Running', 'Starting'])).toBe('Starting');
    expect(worstState(['Running', 'FailedToStart', 'Exited'])).toBe('FailedToStart');
    expect(worstState([])).toBe('NotStarted');
  });
});
