import { Fragment, useMemo, useState } from 'react';
import { ResourceActions, useCommands } from '../components/Actions';
import { Endpoint, HealthBadge, StateBadge } from '../components/StateBadge';
import { filterAndSort, formatBytes, formatDuration, formatPercent, uptimeSeconds, type SortKey } from '../lib/format';
import { Link } from '../router';
import { useNow, useStore } from '../stream/store';

const columns: { key: SortKey | null; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'type', label: 'Type' },
  { key: 'state', label: 'State' },
  { key: null, label: 'Health' },
  { key: null, label: 'Endpoints' },
  { key: 'restarts', label: 'Restarts' },
  { key: null, label: 'Uptime' },
  { key: 'cpu', label: 'CPU' },
  { key: 'memory', label: 'RSS' },
  { key: null, label: 'Actions' },
];

export function ResourcesPage() {
  const { state } = useStore();
  const now = useNow();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const { ask, dialog } = useCommands();

  const rows = useMemo(() => {
    const all = Object.values(state.resources).map((r) => ({
      ...r,
      cpu: r.replicas.reduce<number | undefined>((s, x) => (x.cpuPercent === undefined ? s : (s ?? 0) + x.cpuPercent), undefined),
      rss: r.replicas.reduce<number | undefined>((s, x) => (x.rssBytes === undefined ? s : (s ?? 0) + x.rssBytes), undefined),
    }));
    return filterAndSort(all, filter, sort.key, sort.descending);
  }, [state.resources, filter, sort]);

  const toggleSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: false }));

  return (
    <section>
      <div className="toolbar">
        <h1>Resources</h1>
        <input
          type="search"
          placeholder="Filter by name, type, state…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter resources"
          data-testid="resource-filter"
        />
        <span className="spacer" />
        <button type="button" onClick={() => ask(null, 'start')} data-testid="start-all">Start all</button>
        <button type="button" onClick={() => ask(null, 'stop')} data-testid="stop-all">Stop all</button>
        <button type="button" onClick={() => ask(null, 'restart')} data-testid="restart-all">Restart all</button>
      </div>
      {rows.length === 0 && <p className="muted" data-testid="no-resources">{state.snapshotAt ? 'No resources match.' : 'Waiting for the first snapshot…'}</p>}
      <div className="table-wrap">
        <table className="resources" data-testid="resources-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} aria-sort={c.key && sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  {c.key ? (
                    <button type="button" className="link" onClick={() => toggleSort(c.key as SortKey)}>
                      {c.label}{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                    </button>
                  ) : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.name}>
                <tr className="resource-row" data-testid={`resource-${r.name}`} data-state={r.state} data-health={r.health ?? ''}>
                  <td><Link to={`/resources/${encodeURIComponent(r.name)}`}><strong>{r.name}</strong></Link></td>
                  <td>{r.type}</td>
                  <td>
                    <StateBadge state={r.state} health={r.health} />
                    {r.circuitState && r.circuitState !== 'Closed' && <span className="badge tone-bad">circuit {r.circuitState}</span>}
                    {r.quarantined && <span className="reason" title={r.quarantineReason}>{r.quarantineReason}</span>}
                  </td>
                  <td><HealthBadge health={r.health} /></td>
                  <td className="urls">{r.replicas.length > 1 ? <span className="muted">{r.replicas.length} replicas</span> : r.urls.map((u) => <Endpoint key={u} url={u} />)}</td>
                  <td className="num">{r.restartCount}</td>
                  <td className="num">{r.replicas.length === 1 ? formatDuration(uptimeSeconds(r.replicas[0].startedAt, r.replicas[0].state, now)) : ''}</td>
                  <td className="num">{formatPercent(r.cpu)}</td>
                  <td className="num">{formatBytes(r.rss)}</td>
                  <td>
                    <ResourceActions name={r.name} state={r.state} quarantined={r.quarantined} external={r.external} ask={ask} />
                    <Link to={`/logs/${encodeURIComponent(r.name)}`} className="small-link">logs</Link>
                  </td>
                </tr>
                {r.replicas.length > 1 && r.replicas.map((x) => (
                  <tr key={x.name} className="replica-row" data-testid={`replica-${x.name}`} data-state={x.state} data-health={x.health ?? ''}>
                    <td className="indent">{x.name}</td>
                    <td className="muted">replica</td>
                    <td><StateBadge state={x.state} health={x.health} />{x.stateReason && <span className="reason">{x.stateReason}</span>}</td>
                    <td><HealthBadge health={x.health} /></td>
                    <td className="urls">{x.urls.map((u) => <Endpoint key={u} url={u} />)}</td>
                    <td className="num">{x.restartCount}</td>
                    <td className="num">{formatDuration(uptimeSeconds(x.startedAt, x.state, now))}</td>
                    <td className="num">{formatPercent(x.cpuPercent)}</td>
                    <td className="num">{formatBytes(x.rssBytes)}</td>
                    <td><Link to={`/logs/${encodeURIComponent(r.name)}?replica=${encodeURIComponent(x.name)}`} className="small-link">logs</Link></td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {dialog}
    </section>
  );
}
