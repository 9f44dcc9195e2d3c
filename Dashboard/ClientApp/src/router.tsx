import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

// A small path router: history.pushState and popstate. The backend serves index.html for these paths.

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname + window.location.search);
  useEffect(() => {
    const update = () => setPath(window.location.pathname + window.location.search);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

export function Link({ to, children, className, testId }: { to: string; children: ReactNode; className?: string; testId?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} data-testid={testId}>
      {children}
    </a>
  );
}

export type Route =
  | { page: 'resources' }
  | { page: 'resource'; name: string }
  | { page: 'logs'; name?: string; replica?: string }
  | { page: 'graph' }
  | { page: 'healing' }
  | { page: 'status' }
  | { page: 'notfound' };

export function matchRoute(pathAndQuery: string): Route {
  const [path, query = ''] = pathAndQuery.split('?');
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'resources')) return { page: 'resources' };
  if (parts[0] === 'resources' && parts.length === 2) return { page: 'resource', name: parts[1] };
  if (parts[0] === 'logs' && parts.length <= 2) return { page: 'logs', name: parts[1], replica: params.get('replica') ?? undefined };
  if (parts.length === 1 && (parts[0] === 'graph' || parts[0] === 'healing' || parts[0] === 'status')) return { page: parts[0] };
  return { page: 'notfound' };
}
