import type { DashboardState, HealingRecord, Replica, Resource, StreamNotice } from './types';

// The event-stream reducer: a pure function from (state, message) to state. The stream is data from the
// network, so every field is checked: a malformed or hostile message becomes a notice, never an exception
// and never markup (React renders text; nothing here builds HTML).

export const MaxEvents = 500;
export const MaxNotices = 50;
export const MaxText = 2000;

export const initialState: DashboardState = { resources: {}, events: [], notices: [], nextId: 1 };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, MaxText) : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean => v === true;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, MaxText)) : []);

// Worst first: a resource shows the worst state of its replicas.
const stateRank: Record<string, number> = {
  Quarantined: 0, FailedToStart: 1, RuntimeUnhealthy: 2, Exited: 3, Blocked: 4, Stopping: 5, Starting: 6,
  Waiting: 7, NotStarted: 8, Finished: 9, Running: 10,
};
const healthRank: Record<string, number> = { Unhealthy: 0, Degraded: 1, Healthy: 2 };

export function worstState(states: string[]): string {
  if (states.length === 0) return 'NotStarted';
  return states.reduce((a, b) => ((stateRank[b] ?? 5) < (stateRank[a] ?? 5) ? b : a));
}

export function worstHealth(healths: (string | undefined)[]): string | undefined {
  const known = healths.filter((h): h is string => typeof h === 'string');
  if (known.length === 0) return undefined;
  return known.reduce((a, b) => ((healthRank[b] ?? 0) < (healthRank[a] ?? 0) ? b : a));
}

export function parseReplica(v: unknown, fallbackIndex = 0): Replica | undefined {
  if (!isObject(v)) return undefined;
  const name = str(v.name) ?? str(v.replica);
  if (!name) return undefined;
  return {
    name,
    index: num(v.index) ?? fallbackIndex,
    state: str(v.state) ?? 'NotStarted',
    stateReason: str(v.stateReason),
    health: str(v.health),
    pid: num(v.pid),
    urls: strings(v.urls),
    startedAt: str(v.startedAt),
    stoppedAt: str(v.stoppedAt),
    uptimeSeconds: num(v.uptimeSeconds),
    exitCode: num(v.exitCode),
    restartCount: num(v.restartCount) ?? 0,
    cpuPercent: num(v.cpuPercent),
    rssBytes: num(v.rssBytes),
    circuitState: str(v.circuitState),
    healthHistory: Array.isArray(v.healthHistory)
      ? v.healthHistory.filter(isObject).map((h) => ({
          timestamp: str(h.timestamp) ?? '',
          kind: str(h.kind) ?? '',
          status: str(h.status) ?? '',
          durationMs: num(h.durationMs) ?? 0,
          error: str(h.error),
        }))
      : undefined,
  };
}

export function parseResource(v: unknown): Resource | undefined {
  if (!isObject(v)) return undefined;
  const name = str(v.name);
  if (!name) return undefined;
  const replicas = Array.isArray(v.replicas)
    ? v.replicas.map((r, i) => parseReplica(r, i)).filter((r): r is Replica => r !== undefined)
    : [];
  const resource: Resource = {
    name,
    type: str(v.type) ?? 'unknown',
    state: str(v.state) ?? worstState(replicas.map((r) => r.state)),
    health: str(v.health),
    replicas,
    restartCount: num(v.restartCount) ?? replicas.reduce((n, r) => n + r.restartCount, 0),
    circuitState: str(v.circuitState),
    quarantined: bool(v.quarantined),
    quarantineReason: str(v.quarantineReason),
    urls: strings(v.urls),
    dependencies: strings(v.dependencies),
    external: bool(v.external),
    phase: num(v.phase),
    environment: Array.isArray(v.environment)
      ? v.environment.filter(isObject).map((e) => ({ name: str(e.name) ?? '', value: str(e.value) ?? '', secret: bool(e.secret) }))
      : undefined,
    healing: isObject(v.healing)
      ? {
          phase: str(v.healing.phase),
          attempt: num(v.healing.attempt),
          nextAttemptAt: str(v.healing.nextAttemptAt),
          circuitState: str(v.healing.circuitState),
        }
      : undefined,
  };
  return resource;
}

/** Recomputes what a resource derives from its replicas, so the row follows every replica change. */
export function summarize(resource: Resource): Resource {
  if (resource.replicas.length === 0) return resource;
  const replicas = [...resource.replicas].sort((a, b) => a.index - b.index);
  const state = resource.quarantined ? 'Quarantined' : worstState(replicas.map((r) => r.state));
  return {
    ...resource,
    replicas,
    state,
    health: worstHealth(replicas.map((r) => r.health)) ?? resource.health,
    restartCount: Math.max(resource.restartCount, replicas.reduce((n, r) => n + r.restartCount, 0)),
    urls: replicas.flatMap((r) => r.urls),
  };
}

function notice(state: DashboardState, level: StreamNotice['level'], message: string, timestamp?: string): DashboardState {
  const n: StreamNotice = { id: state.nextId, level, message: message.slice(0, MaxText), timestamp: timestamp ?? new Date().toISOString() };
  return { ...state, nextId: state.nextId + 1, notices: [n, ...state.notices].slice(0, MaxNotices) };
}

function withReplica(state: DashboardState, resourceName: string, replicaName: string, update: (r: Replica) => Replica): DashboardState {
  const resource = state.resources[resourceName];
  if (!resource) return state;
  let found = false;
  const replicas = resource.replicas.map((r) => {
    if (r.name !== replicaName) return r;
    found = true;
    return update(r);
  });
  if (!found) return state;
  return { ...state, resources: { ...state.resources, [resourceName]: summarize({ ...resource, replicas }) } };
}

function withResource(state: DashboardState, resourceName: string, update: (r: Resource) => Resource): DashboardState {
  const resource = state.resources[resourceName];
  if (!resource) return state;
  return { ...state, resources: { ...state.resources, [resourceName]: summarize(update(resource)) } };
}

const healingKinds: Record<string, string> = {
  'failure.detected': 'FailureDetected',
  'restart.scheduled': 'RestartScheduled',
  'restart.started': 'RestartStarted',
  'restart.succeeded': 'RestartSucceeded',
  'restart.failed': 'RestartFailed',
  'restart.dependency': 'DependencyRestart',
  'circuit.changed': 'CircuitChanged',
  'resource.quarantined': 'Quarantined',
  'resource.released': 'Released',
};

function recordEvent(state: DashboardState, m: Json, type: string): DashboardState {
  const kind = healingKinds[type];
  if (!kind) return state;
  const record: HealingRecord = {
    id: `live-${state.nextId}`,
    timestamp: str(m.timestamp) ?? new Date().toISOString(),
    resource: str(m.resource) ?? '',
    replica: str(m.replica),
    kind,
    attempt: num(m.attempt),
    tier: num(m.tier),
    action: str(m.action),
    message: str(m.reason) ?? str(m.dependency) ?? (type === 'circuit.changed' ? `${str(m.previous) ?? '?'} -> ${str(m.state) ?? '?'}` : undefined),
  };
  return { ...state, nextId: state.nextId + 1, events: [record, ...state.events].slice(0, MaxEvents) };
}

/** Applies one message of the stream (already parsed JSON). Never throws. */
export function reduce(state: DashboardState, message: unknown): DashboardState {
  try {
    return reduceUnsafe(state, message);
  } catch (error) {
    return notice(state, 'error', `A stream message could not be applied: ${String(error)}`);
  }
}

function reduceUnsafe(state: DashboardState, message: unknown): DashboardState {
  if (!isObject(message)) return notice(state, 'error', 'The stream sent a message that is not a JSON object.');
  const type = str(message.type);
  if (!type) return notice(state, 'error', 'The stream sent a message without a type.');
  const resourceName = str(message.resource);
  const replicaName = str(message.replica);
  switch (type) {
    case 'snapshot': {
      if (!Array.isArray(message.resources)) return notice(state, 'error', 'The stream sent a snapshot without resources.');
      const resources: Record<string, Resource> = {};
      for (const r of message.resources) {
        const parsed = parseResource(r);
        if (parsed) resources[parsed.name] = summarize(parsed);
      }
      return { ...state, resources, snapshotAt: str(message.timestamp) };
    }
    case 'replica': {
      const snapshot = isObject(message.snapshot) ? message.snapshot : undefined;
      const owner = snapshot ? str(snapshot.resource) : undefined;
      const replica = parseReplica(snapshot);
      if (!owner || !replica) return notice(state, 'error', 'The stream sent a replica snapshot without a resource or name.');
      const resource = state.resources[owner];
      if (!resource) return state;
      const exists = resource.replicas.some((r) => r.name === replica.name);
      const replicas = exists
        ? resource.replicas.map((r) => (r.name === replica.name ? mergeReplica(r, replica) : r))
        : [...resource.replicas, replica];
      return { ...state, resources: { ...state.resources, [owner]: summarize({ ...resource, replicas }) } };
    }
    case 'usage': {
      if (!Array.isArray(message.replicas)) return state;
      let next = state;
      for (const u of message.replicas) {
        if (!isObject(u)) continue;
        const res = str(u.resource);
        const rep = str(u.replica);
        if (!res || !rep) continue;
        next = withReplica(next, res, rep, (r) => ({ ...r, cpuPercent: num(u.cpuPercent) ?? r.cpuPercent, rssBytes: num(u.rssBytes) ?? r.rssBytes }));
      }
      return next;
    }
    case 'resource.state': {
      const s = str(message.state);
      if (!resourceName || !replicaName || !s) return state;
      const next = withReplica(state, resourceName, replicaName, (r) => ({ ...r, state: s, stateReason: str(message.reason) }));
      return next;
    }
    case 'resource.health': {
      if (!resourceName || !replicaName) return state;
      return withReplica(state, resourceName, replicaName, (r) => ({ ...r, health: str(message.health) }));
    }
    case 'circuit.changed': {
      const next = resourceName
        ? withResource(state, resourceName, (r) => ({ ...r, circuitState: str(message.state) ?? r.circuitState }))
        : state;
      return recordEvent(next, message, type);
    }
    case 'resource.quarantined': {
      const next = resourceName
        ? withResource(state, resourceName, (r) => ({ ...r, quarantined: true, quarantineReason: str(message.reason) }))
        : state;
      return recordEvent(next, message, type);
    }
    case 'resource.released': {
      const next = resourceName
        ? withResource(state, resourceName, (r) => ({ ...r, quarantined: false, quarantineReason: undefined }))
        : state;
      return recordEvent(next, message, type);
    }
    case 'alert.raised': {
      const severity = str(message.severity);
      const level = severity === 'Critical' || severity === 'Error' ? 'error' : severity === 'Info' ? 'info' : 'warning';
      const text = str(message.message) ?? 'alert';
      return notice(state, level, resourceName ? `${resourceName}: ${text}` : text, str(message.timestamp));
    }
    case 'error':
      return notice(state, 'error', `The orchestrator says: ${str(message.message) ?? 'unknown error'}`);
    case 'log':
      return state;
    default:
      if (type in healingKinds) return recordEvent(state, message, type);
      // Newer servers may send types this client does not know: ignore them quietly.
      return state;
  }
}

// A replica message is the whole snapshot: a field it leaves out is now empty (the server omits nulls), except
// usage, which comes on its own schedule, and the health history, which only the REST detail carries.
function mergeReplica(previous: Replica, next: Replica): Replica {
  return {
    ...next,
    cpuPercent: next.cpuPercent ?? previous.cpuPercent,
    rssBytes: next.rssBytes ?? previous.rssBytes,
    healthHistory: next.healthHistory ?? previous.healthHistory,
  };
}

/** Parses one text frame; a frame that is not JSON becomes a notice instead of an exception. */
export function reduceFrame(state: DashboardState, frame: string): DashboardState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return notice(state, 'error', `The stream sent a malformed message (${frame.length} characters, not JSON).`);
  }
  return reduce(state, parsed);
}

export function addNotice(state: DashboardState, level: StreamNotice['level'], message: string): DashboardState {
  return notice(state, level, message);
}

export function dismissNotice(state: DashboardState, id: number): DashboardState {
  return { ...state, notices: state.notices.filter((n) => n.id !== id) };
}
