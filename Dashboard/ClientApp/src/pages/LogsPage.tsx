import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { parseAnsi } from '../lib/ansi';
import { getJson } from '../lib/api';
import { formatTime } from '../lib/format';
import { LogBuffer, parseLogLine, type BufferedLine } from '../lib/logBuffer';
import { navigate } from '../router';
import { useStore } from '../stream/store';

const RowHeight = 18;
const Overscan = 20;

function AnsiText({ text }: { text: string }) {
  const segments = useMemo(() => parseAnsi(text), [text]);
  return (
    <>
      {segments.map((s, i) => {
        const classes = [s.bold && 'ansi-bold', s.italic && 'ansi-italic', s.underline && 'ansi-underline'];
        const style: React.CSSProperties = {};
        if (s.fg?.startsWith('ansi-')) classes.push(`fg-${s.fg}`);
        else if (s.fg) style.color = s.fg;
        if (s.bg?.startsWith('ansi-')) classes.push(`bg-${s.bg}`);
        else if (s.bg) style.backgroundColor = s.bg;
        return <span key={i} className={classes.filter(Boolean).join(' ') || undefined} style={style}>{s.text}</span>;
      })}
    </>
  );
}

export function LogsPage({ name, replica }: { name?: string; replica?: string }) {
  const { state, connection, notify } = useStore();
  const names = Object.keys(state.resources).sort();
  const resource = name ?? names[0];
  const buffer = useRef(new LogBuffer());
  const [version, setVersion] = useState(0);
  const [paused, setPaused] = useState(false);
  const [search, setSearch] = useState('');
  const [frozen, setFrozen] = useState<BufferedLine[] | null>(null);
  const [follow, setFollow] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const scroller = useRef<HTMLDivElement>(null);
  const pending = useRef(false);

  // Renders at most once per frame however fast lines arrive.
  const schedule = useCallback(() => {
    if (pending.current) return;
    pending.current = true;
    requestAnimationFrame(() => {
      pending.current = false;
      setVersion((v) => v + 1);
    });
  }, []);

  useEffect(() => {
    if (!resource) return;
    buffer.current.clear();
    setVersion((v) => v + 1);
    let lastTailTimestamp = '';
    let tailLoaded = false;
    const early: Omit<BufferedLine, 'id' | 'plain'>[] = [];
    const controller = new AbortController();
    const subscribe = () => connection.send({ action: 'subscribe-logs', resource, replica: replica ?? null });
    const offOpen = connection.onOpen(subscribe);
    const offFrame = connection.onFrame((frame) => {
      if (!frame.includes('"log"')) return;
      let message: unknown;
      try { message = JSON.parse(frame); } catch { return; }
      if ((message as { type?: unknown }).type !== 'log') return;
      const line = parseLogLine(message);
      if (!line || line.resource !== resource || (replica && line.replica !== replica)) return;
      if (!tailLoaded) { early.push(line); return; }
      buffer.current.push(line);
      schedule();
    });
    subscribe();
    const query = new URLSearchParams({ tail: '1000' });
    if (replica) query.set('replica', replica);
    getJson<{ lines?: unknown }>(`/api/v1/resources/${encodeURIComponent(resource)}/logs?${query}`, controller.signal)
      .then((body) => {
        const lines = Array.isArray(body.lines) ? body.lines : [];
        for (const l of lines) {
          const parsed = parseLogLine(l, resource);
          if (parsed) { buffer.current.push(parsed); lastTailTimestamp = parsed.timestamp; }
        }
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) notify('error', `Logs of ${resource}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        tailLoaded = true;
        // Lines that came on the stream while the tail loaded: keep those newer than the tail.
        for (const l of early) if (!lastTailTimestamp || l.timestamp > lastTailTimestamp) buffer.current.push(l);
        early.length = 0;
        schedule();
      });
    return () => {
      controller.abort();
      offOpen();
      offFrame();
      connection.send({ action: 'unsubscribe-logs', resource });
    };
  }, [resource, replica, connection, notify, schedule]);

  const lines = useMemo(() => frozen ?? buffer.current.view(search),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, search, frozen]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && follow && !paused) el.scrollTop = el.scrollHeight;
  }, [lines, follow, paused]);

  const togglePause = () => {
    if (paused) { setFrozen(null); setPaused(false); }
    else { setFrozen(buffer.current.view(search)); setPaused(true); }
  };

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    setFollow(el.scrollTop + el.clientHeight >= el.scrollHeight - RowHeight * 2);
  };

  const first = Math.max(0, Math.floor(scrollTop / RowHeight) - Overscan);
  const last = Math.min(lines.length, Math.ceil((scrollTop + height) / RowHeight) + Overscan);
  const selected = resource ? state.resources[resource] : undefined;

  return (
    <section className="logs-page">
      <div className="toolbar">
        <h1>Console logs</h1>
        <select
          value={resource ?? ''}
          aria-label="Resource"
          data-testid="logs-resource"
          onChange={(e) => navigate(`/logs/${encodeURIComponent(e.target.value)}`)}
        >
          {names.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        {selected && selected.replicas.length > 1 && (
          <select
            value={replica ?? ''}
            aria-label="Replica"
            data-testid="logs-replica"
            onChange={(e) => navigate(`/logs/${encodeURIComponent(resource ?? '')}${e.target.value ? `?replica=${encodeURIComponent(e.target.value)}` : ''}`)}
          >
            <option value="">all replicas</option>
            {selected.replicas.map((r) => <option key={r.name} value={r.name}>{r.name}</option>)}
          </select>
        )}
        <input type="search" placeholder="Search…" value={search} onChange={(e) => { setSearch(e.target.value); if (paused) setFrozen(null); setPaused(false); }} aria-label="Search logs" data-testid="logs-search" />
        <button type="button" onClick={togglePause} data-testid="logs-pause" aria-pressed={paused}>{paused ? 'Resume' : 'Pause'}</button>
        <span className="muted" data-testid="logs-count">{lines.length} lines{paused ? ' (paused)' : ''}</span>
      </div>
      <div className="log-view" ref={scroller} onScroll={onScroll} data-testid="log-view">
        <div style={{ height: lines.length * RowHeight, position: 'relative' }}>
          {lines.slice(first, last).map((l, i) => (
            <div key={l.id} className={`log-line ${l.stream === 'stderr' ? 'stderr' : ''}`} style={{ top: (first + i) * RowHeight, height: RowHeight }} data-testid="log-line">
              <span className="log-time">{formatTime(l.timestamp)}</span>
              <span className="log-replica">{l.replica}</span>
              <span className="log-text"><AnsiText text={l.text} /></span>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
