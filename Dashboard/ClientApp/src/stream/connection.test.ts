import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamConnection, streamUrl, type ConnectionStatus } from './connection';

// A stand-in for the browser's WebSocket: the test opens, closes and feeds it.
class FakeSocket {
  static readonly OPEN = 1;
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) { this.sent.push(data); }
  close() { this.readyState = 3; this.onclose?.(); }
  open() { this.readyState = 1; this.onopen?.(); }
}

describe('the stream connection', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('says reconnecting when the orchestrator goes away and reconnects with growing delays', () => {
    const statuses: ConnectionStatus[] = [];
    const c = new StreamConnection('ws://x/api/v1/stream', { initialMs: 100, maxMs: 1000 });
    c.onStatus((s) => statuses.push(s));
    c.start();
    FakeSocket.instances[0].open();
    expect(c.status).toBe('open');

    FakeSocket.instances[0].close();
    expect(c.status).toBe('reconnecting');
    vi.advanceTimersByTime(99);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);

    FakeSocket.instances[1].close(); // still down: the next wait doubles
    vi.advanceTimersByTime(199);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);

    FakeSocket.instances[2].open();
    expect(statuses).toEqual(['open', 'reconnecting', 'reconnecting', 'open']);
    c.stop();
  });

  it('sends subscriptions again on every reconnect and passes frames on', () => {
    const c = new StreamConnection('ws://x', { initialMs: 10, maxMs: 10 });
    const frames: string[] = [];
    c.onFrame((f) => frames.push(f));
    c.onOpen(() => c.send({ action: 'subscribe-logs', resource: 'catalog', replica: null }));
    c.start();
    FakeSocket.instances[0].open();
    FakeSocket.instances[0].onmessage?.({ data: '{"type":"usage"}' });
    FakeSocket.instances[0].onmessage?.({ data: new ArrayBuffer(2) });
    FakeSocket.instances[0].close();
    vi.advanceTimersByTime(10);
    FakeSocket.instances[1].open();
    expect(frames).toEqual(['{"type":"usage"}']);
    expect(FakeSocket.instances.map((s) => s.sent.length)).toEqual([1, 1]);
    c.stop();
  });

  it('stops for good when stopped', () => {
    const c = new StreamConnection('ws://x', { initialMs: 10, maxMs: 10 });
    c.start();
    c.stop();
    vi.advanceTimersByTime(1000);
    expect(FakeSocket.instances).toHaveLength(1);
  });

  it('uses wss behind https', () => {
    expect(streamUrl({ protocol: 'https:', host: 'h:1' })).toBe('wss://h:1/api/v1/stream');
    expect(streamUrl({ protocol: 'http:', host: 'h:1' })).toBe('ws://h:1/api/v1/stream');
  });
});
