import { useEffect, useState } from 'react';
import { ResourceActions, useCommands } from '../components/Actions';
import { HealthChart } from '../components/HealthChart';
import { HealingTimeline, useHealingHistory } from '../components/HealingTimeline';
import { Endpoint, HealthBadge, StateBadge } from '../components/StateBadge';
import { getJson } from '../lib/api';
import { formatBytes, formatDuration, formatPercent, formatTime, uptimeSeconds } from '../lib/format';
import { Link } from '../router';
import { parseResource } from '../stream/reducer';
import { useNow, useStore } from '../stream/store';
import type { Resource } from '../stream/types';

export function ResourceDetailPage({ name }: { name: string }) {
  const { state, notify } = useStore();
  const now = useNow();
  const live = state.resources[name];
  const [detail, setDetail] = useState<Resource | null>(null);
  const [missing, setMissing] = useState(false);
  const history = useHealingHistory(name, 200);
  const { ask, dialog } = useCommands();
  const liveKey = live ? live.replicas.map((r) => `${r.state}:${r.health}:${r.restartCount}`).join(',') : '';

  // The detail (health history, environment) is fetched again when the stream says the resource changed.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson(`/api/v1/resources/${encodeURIComponent(name)}`, controller.signal)
        .then((body) => { setDetail(parseResource(body) ?? null); setMissing(false); })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          if ((error as { status?: number }).status === 404) setMissing(true);
          else notify('error', `Resource ${name}: ${error instanceof Error ? error.message : String(error)}`);
        });
    }, 200);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [name, liveKey, notify]);

  if (missing && !live) return <section><h1>{name}</h1><p>There is no resource named <code>{name}</code>. <Link to="/">All resources</Link></p></section>;
  const resource = live ?? detail;
  if (!resource) return <section><h1>{name}</h1><p className="muted">Loading…</p></section>;
  const circuit = resource.circuitState ?? detail?.healing?.circuitState ?? 'Closed';

  return (
    <section className="detail" data-testid={`detail-${name}`}>
      <div className="toolbar">
        <h1>{resource.name}</h1>
        <StateBadge state={resource.state} health={resource.health} testId="detail-state" />
        <span className="muted">{resource.type}{resource.phase !== undefined ? ` · phase ${resource.phase}` : ''}</span>
        <span className="spacer" />
        <ResourceActions name={resource.name} state={resource.state} quarantined={resource.quarantined} external={resource.external} ask={ask} />
        <Link to={`/logs/${encodeURIComponent(resource.name)}`} className="small-link">console logs</Link>
      </div>
      <div className="cards">
        <div className="card">
          <h2>Supervision</h2>
          <dl className="facts">
            <dt>Circuit</dt><dd><span className={`badge tone-${circuit === 'Closed' ? 'good' : 'bad'}`} data-testid="circuit-state">{circuit}</span></dd>
            <dt>Quarantine</dt><dd data-testid="quarantine">{resource.quarantined ? <span className="tone-bad">quarantined: {resource.quarantineReason ?? 'no reason given'}</span> : 'no'}</dd>
            <dt>Healing</dt><dd>{detail?.healing?.phase ?? 'idle'}{detail?.healing?.attempt ? `, attempt ${detail.healing.attempt}` : ''}{detail?.healing?.nextAttemptAt ? `, next at ${formatTime(detail.healing.nextAttemptAt)}` : ''}</dd>
            <dt>Restarts</dt><dd>{resource.restartCount}</dd>
            <dt>Depends on</dt><dd>{resource.dependencies.length === 0 ? '–' : resource.dependencies.map((d) => <Link key={d} to={`/resources/${encodeURIComponent(d)}`} className="dep">{d}</Link>)}</dd>
          </dl>
        </div>
        <div className="card wide">
          <h2>Health checks</h2>
          <HealthChart replicas={detail?.replicas ?? []} />
        </div>
      </div>
      <h2>Replicas</h2>
      <div className="table-wrap">
        <table>
          <thead><tr><th>Replica</th><th>State</th><th>Health</th><th>PID</th><th>Endpoints</th><th>Restarts</th><th>Uptime</th><th>CPU</th><th>RSS</th><th>Exit</th></tr></thead>
          <tbody>
            {resource.replicas.map((r) => (
              <tr key={r.name} data-testid={`detail-replica-${r.name}`} data-state={r.state}>
                <td>{r.name}</td>
                <td><StateBadge state={r.state} health={r.health} />{r.stateReason && <span className="reason">{r.stateReason}</span>}</td>
                <td><HealthBadge health={r.health} /></td>
                <td className="num">{r.pid ?? '–'}</td>
                <td className="urls">{r.urls.map((u) => <Endpoint key={u} url={u} />)}</td>
                <td className="num">{r.restartCount}</td>
                <td className="num">{formatDuration(uptimeSeconds(r.startedAt, r.state, now))}</td>
                <td className="num">{formatPercent(r.cpuPercent)}</td>
                <td className="num">{formatBytes(r.rssBytes)}</td>
                <td className="num">{r.exitCode ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Healing history</h2>
      <HealingTimeline records={history} showResource={false} />
      <h2>Environment</h2>
      {!detail?.environment || detail.environment.length === 0 ? <p className="muted">None reported.</p> : (
        <div className="table-wrap">
          <table className="env" data-testid="environment">
            <tbody>
              {detail.environment.map((e) => (
                <tr key={e.name}><td><code>{e.name}</code></td><td className={e.secret ? 'secret' : ''}>{e.secret ? '••••••••' : e.value}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog}
    </section>
  );
}
