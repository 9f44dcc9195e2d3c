// REST calls to the dashboard's backend, which adds the orchestrator's key and relays them.

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

async function problem(response: Response): Promise<ApiError> {
  let detail = response.statusText || `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { title?: unknown; detail?: unknown };
    const parts = [body.title, body.detail].filter((x): x is string => typeof x === 'string' && x.length > 0);
    if (parts.length > 0) detail = parts.join(': ');
  } catch {
    // Not JSON: the status line says enough.
  }
  return new ApiError(`${response.status} ${detail}`, response.status);
}

export async function getJson<T = unknown>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw await problem(response);
  return (await response.json()) as T;
}

export async function postCommand(path: string): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Dashboard-Request': '1' },
  });
  if (!response.ok) throw await problem(response);
  return response.status === 204 ? null : response.json().catch(() => null);
}

export type CommandName = 'start' | 'stop' | 'restart' | 'release';

export const commandPath = (resource: string | null, command: CommandName): string =>
  resource === null ? `/api/v1/resources/${command}` : `/api/v1/resources/${encodeURIComponent(resource)}/${command}`;
