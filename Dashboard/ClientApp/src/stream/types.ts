// The shapes of the orchestrator's API (API-CONTRACT.md), as the dashboard reads them.
// Everything arriving from the network is checked before it is trusted: see reducer.ts.

export type HealthStatus = 'Healthy' | 'Degraded' | 'Unhealthy';

export interface HealthCheck {
  timestamp: string;
  kind: string;
  status: string;
  durationMs: number;
  error?: string;
}

export interface Replica {
  name: string;
  index: number;
  state: string;
  stateReason?: string;
  health?: string;
  pid?: number;
  urls: string[];
  startedAt?: string;
  stoppedAt?: string;
  uptimeSeconds?: number;
  exitCode?: number;
  restartCount: number;
  cpuPercent?: number;
  rssBytes?: number;
  circuitState?: string;
  healthHistory?: HealthCheck[];
}

export interface EnvironmentVariable {
  name: string;
  value: string;
  secret: boolean;
}

export interface Resource {
  name: string;
  type: string;
  state: string;
  health?: string;
  replicas: Replica[];
  restartCount: number;
  circuitState?: string;
  quarantined: boolean;
  quarantineReason?: string;
  urls: string[];
  dependencies: string[];
  external: boolean;
  phase?: number;
  environment?: EnvironmentVariable[];
  healing?: { phase?: string; attempt?: number; nextAttemptAt?: string; circuitState?: string };
}

export interface LogLine {
  id: number;
  resource: string;
  replica: string;
  timestamp: string;
  stream: string;
  text: string;
}

export interface HealingRecord {
  id: number | string;
  timestamp: string;
  resource: string;
  replica?: string;
  kind: string;
  attempt?: number;
  tier?: string | number;
  action?: string;
  delayMs?: number;
  message?: string;
}

export interface StreamNotice {
  id: number;
  timestamp: string;
  level: 'error' | 'warning' | 'info';
  message: string;
}

export interface DashboardState {
  resources: Record<string, Resource>;
  /** Newest first, capped: the events seen since the page opened, for the healing timeline and notices. */
  events: HealingRecord[];
  notices: StreamNotice[];
  snapshotAt?: string;
  nextId: number;
}
