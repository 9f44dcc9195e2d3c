import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';
import { filterAndSort, formatBytes, formatDelay, formatDuration, formatPercent, stateTone, uptimeSeconds } from './format';
import { layoutByPhase } from './graphLayout';
import { healthSeries } from './healthSeries';
import { LogBuffer, parseLogLine } from './logBuffer';
import { backoffDelay } from '../stream/connection';

describe('formatting', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MiB');
    expect(formatBytes(undefined)).toBe('–');
    expect(formatBytes(-1)).toBe('–');
  });

  it('formats durations with their two largest units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(75)).toBe('1m 15s');
    expect(formatDuration(3700)).toBe('1h 1m');
    expect(formatDuration(90000)).toBe('1d 1h');
    expect(formatDuration(undefined)).toBe('–');
  });

  it('formats percentages and delays', () => {
    expect(formatPercent(12.345)).toBe('12.3 %');
    expect(formatPercent(Number.NaN)).toBe('–');
    expect(formatDelay(5000)).toBe('5 s');
    expect(formatDelay(1500)).toBe('1.5 s');
    expect(formatDelay(200)).toBe('200 ms');
  });

  it('counts uptime only while a replica runs', () => {
    const now = Date.parse('2026-12-06T06:01:00Z');
    expect(uptimeSeconds('2026-12-06T06:00:00Z', 'Running', now)).toBe(60);
    expect(uptimeSeconds('2026-12-06T06:00:00Z', 'Exited', now)).toBeUndefined();
    expect(uptimeSeconds('garbage', 'Running', now)).toBeUndefined();
  });

  it('colours states by what they mean', () => {
    expect(stateTone('Running', 'Healthy')).toBe('good');
    expect(stateTone('Running', 'Unhealthy')).toBe('bad');
    expect(stateTone('Quarantined')).toBe('bad');
    expect(stateTone('Starting')).toBe('busy');
  });

  it('filters and sorts resource rows', () => {
    const rows = [
      { name: 'catalog', type: 'project', state: 'Running', restartCount: 2, cpu: 5 },
      { name: 'cache', type: 'redis', state: 'Running', restartCount: 0, cpu: 1 },
      { name: 'worker', type: 'project', state: 'Exited', restartCount: 1 },
    ];
    expect(filterAndSort(rows, 'PROJ', 'name', false).map((r) => r.name)).toEqual(['catalog', 'worker']);
    expect(filterAndSort(rows, '', 'restarts', true).map((r) => r.name)).toEqual(['catalog', 'worker', 'cache']);
    expect(filterAndSort(rows, 'exited', 'name', false).map((r) => r.name)).toEqual(['worker']);
    expect(filterAndSort(rows, '', 'cpu', false).map((r) => r.name)).toEqual(['worker', 'cache', 'catalog']);
  });
});

describe('ANSI colours', () => {
  it('splits a line into styled segments', () => {
    const s = parseAnsi('\u001b[32minfo\u001b[0m: \u001b[1;31mboom\u001b[0m done');
    expect(s).toEqual([
      { text: 'info', fg: 'ansi-green' },
      { text: ': ' },
      { text: 'boom', fg: 'ansi-red', bold: true },
      { text: ' done' },
    ]);
  });

  it('reads 256-colour and true-colour escapes', () => {
    expect(parseAnsi('\u001b[38;5;196mx')[0].fg).toBe('rgb(255,0,0)');
    expect(parseAnsi('\u001b[48;2;1;2;3mx')[0].bg).toBe('rgb(1,2,3)');
  });

  it('drops other control sequences and keeps markup as text', () => {
    expect(stripAnsi('\u001b[2K\u001b[1G<b>hi</b>\u0007')).toBe('<b>hi</b>');
  });
});

describe('the console buffer', () => {
  it('keeps at most its capacity, newest last, and searches plain text', () => {
    const b = new LogBuffer(1000);
    for (let i = 0; i < 10_500; i++) b.push({ resource: 'r', replica: 'r-0', timestamp: '', stream: 'stdout', text: `line ${i}` });
    const view = b.view('');
    expect(view).toHaveLength(1000);
    expect(view[view.length - 1].text).toBe('line 10499');
    b.push({ resource: 'r', replica: 'r-0', timestamp: '', stream: 'stdout', text: '\u001b[31mneedle\u001b[0m here' });
    expect(b.view('NEEDLE here').map((l) => l.plain)).toEqual(['needle here']);
  });

  it('rejects log lines without text', () => {
    expect(parseLogLine({ resource: 'r' })).toBeUndefined();
    expect(parseLogLine({ text: 'x' }, 'r')?.resource).toBe('r');
  });
});

describe('reconnect backoff', () => {
  it('doubles from the initial delay up to the cap', () => {
    const o = { initialMs: 500, maxMs: 10_000 };
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((a) => backoffDelay(a, o))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
});

describe('graph layout', () => {
  it('puts each launch phase in its own column and draws edges from dependency to dependent', () => {
    const l = layoutByPhase(
      [{ name: 'db', type: 'postgres', phase: 0, state: 'Running' }, { name: 'api', type: 'project', phase: 1, state: 'Running' }],
      [{ from: 'api', to: 'db', kind: 'waitFor' }, { from: 'api', to: 'missing', kind: 'waitFor' }],
    );
    const db = l.nodes.find((n) => n.name === 'db')!;
    const api = l.nodes.find((n) => n.name === 'api')!;
    expect(api.x).toBeGreaterThan(db.x);
    expect(l.edges).toHaveLength(1);
    expect(l.edges[0].x1).toBeLessThan(l.edges[0].x2);
  });
});

describe('health chart series', () => {
  it('aligns replicas on one time axis and marks failures', () => {
    const { data } = healthSeries([
      { name: 'a-0', index: 0, state: 'Running', urls: [], restartCount: 0, healthHistory: [
        { timestamp: '2026-12-06T06:00:00Z', kind: 'Readiness', status: 'Healthy', durationMs: 3 },
        { timestamp: '2026-12-06T06:00:05Z', kind: 'Readiness', status: 'Unhealthy', durationMs: 2000, error: 'timeout' },
      ] },
      { name: 'a-1', index: 1, state: 'Running', urls: [], restartCount: 0, healthHistory: [
        { timestamp: '2026-12-06T06:00:05Z', kind: 'Readiness', status: 'Healthy', durationMs: 4 },
      ] },
    ]);
    expect(data[0]).toHaveLength(2);
    expect(data[1]).toEqual([3, 2000]);
    expect(data[2]).toEqual([null, 4]);
    expect(data[3]).toEqual([null, 2000]);
  });
});
