import { useEffect, useState } from 'react';
import { getJson } from '../lib/api';
import { formatBytes, formatDuration, formatPercent } from '../lib/format';
import { useStore } from '../stream/store';

type J = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): J => (typeof v === 'object' && v !== null ? (v as J) : {});
const list = (v: unknown): J[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) as J[] : []);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

function Gauge({ label, percent, threshold, detail }: { label: string; percent?: number; threshold?: number; detail?: string }) {
  const over = percent !== undefined && threshold !== undefined && percent >= threshold;
  return (
    <div className={`gauge ${over ? 'over' : ''}`} data-testid={`gauge-${label.toLowerCase()}`}>
      <div className="gauge-label">{label}<span>{formatPercent(percent)}</span></div>
      <div className="gauge-bar">
        <div className="gauge-fill" style={{ width: `${Math.min(100, percent ?? 0)}%` }} />
        {threshold !== undefined && <div className="gauge-threshold" style={{ left: `${Math.min(100, threshold)}%` }} title={`threshold ${threshold} %`} />}
      </div>
      <div className="muted">{detail}{threshold !== undefined ? ` · threshold ${threshold} %` : ''}</div>
    </div>
  );
}

export function StatusPage() {
  const { state, notify } = useStore();
  const [status, setStatus] = useState<J | null>(null);
  const [refresh, setRefresh] = useState(0);
  const changes = Object.values(state.resources).map((r) => `${r.state}:${r.health}:${r.restartCount}`).join(',');

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<J>('/api/v1/status', controller.signal).then(setStatus).catch((error: unknown) => {
        if (!controller.signal.aborted) notify('error', `Status: ${error instanceof Error ? error.message : String(error)}`);
      });
    }, 250);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [changes, refresh, notify]);

  if (!status) return <section><h1>Status</h1><p className="muted">Loading…</p></section>;
  const overall = text(status.status);
  const perf = obj(status.performance);
  const host = obj(status.host);
  const thresholds = obj(host.thresholds);
  return (
    <section>
      <div className="toolbar">
        <h1>Status</h1>
        <span className={`badge big tone-${overall === 'Healthy' ? 'good' : overall === 'Degraded' ? 'warn' : 'bad'}`} data-testid="overall-status">{overall || 'unknown'}</span>
        <span className="muted">up {formatDuration(num(status.uptimeSeconds))}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setRefresh((r) => r + 1)}>Refresh</button>
      </div>
      <div className="cards">
        <div className="card">
          <h2>Errors</h2>
          {list(status.errors).length === 0 ? <p className="muted">None.</p> : (
            <ul className="problems">{list(status.errors).map((e, i) => <li key={i} className="tone-bad"><strong>{text(e.resource)}</strong> {text(e.message)}</li>)}</ul>
          )}
          <h2>Warnings</h2>
          {list(status.warnings).length === 0 ? <p className="muted">None.</p> : (
            <ul className="problems">{list(status.warnings).map((w, i) => <li key={i} className="tone-warn"><strong>{text(w.resource)}</strong> {text(w.message)}</li>)}</ul>
          )}
        </div>
        <div className="card">
          <h2>Performance</h2>
          <dl className="facts">
            <dt>Health checks</dt><dd>{num(perf.healthChecks) ?? '–'} ({num(perf.failedHealthChecks) ?? 0} failed)</dd>
            <dt>Error rate</dt><dd>{formatPercent(num(perf.errorRate) === undefined ? undefined : (num(perf.errorRate) as number) * 100, 2)}</dd>
            <dt>Check p50 / p99</dt><dd>{num(perf.healthCheckP50Ms)?.toFixed(1) ?? '–'} ms / {num(perf.healthCheckP99Ms)?.toFixed(1) ?? '–'} ms</dd>
            <dt>Restarts</dt><dd>{num(perf.restarts) ?? '–'}</dd>
          </dl>
        </div>
        <div className="card">
          <h2>Host</h2>
          <Gauge label="CPU" percent={num(host.cpuPercent)} threshold={num(thresholds.cpuPercent)} />
          <Gauge label="Memory" percent={num(host.memoryPercent)} threshold={num(thresholds.memoryPercent)}
            detail={`${formatBytes(num(host.memoryUsedBytes))} of ${formatBytes(num(host.memoryTotalBytes))}`} />
          <Gauge label="Disk" percent={num(host.diskPercent)} threshold={num(thresholds.diskPercent)}
            detail={`${formatBytes(num(host.diskUsedBytes))} of ${formatBytes(num(host.diskTotalBytes))}`} />
        </div>
      </div>
    </section>
  );
}
