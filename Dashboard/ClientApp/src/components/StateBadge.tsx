import { stateTone } from '../lib/format';

export function StateBadge({ state, health, testId }: { state: string; health?: string; testId?: string }) {
  return (
    <span className={`badge tone-${stateTone(state, health)}`} data-testid={testId} data-state={state} data-health={health ?? ''}>
      {state}
    </span>
  );
}

export function HealthBadge({ health }: { health?: string }) {
  if (!health) return <span className="muted">–</span>;
  const tone = health === 'Healthy' ? 'good' : health === 'Degraded' ? 'warn' : 'bad';
  return <span className={`badge tone-${tone}`}>{health}</span>;
}

/** An endpoint as a link; only http(s) URLs become links, anything else stays text. */
export function Endpoint({ url }: { url: string }) {
  let safe = false;
  try {
    const u = new URL(url);
    safe = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    safe = false;
  }
  return safe ? <a href={url} target="_blank" rel="noopener noreferrer">{url}</a> : <span>{url}</span>;
}
