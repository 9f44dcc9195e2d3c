import { Component, useEffect, useState, type ReactNode } from 'react';
import { GraphPage } from './pages/GraphPage';
import { HealingPage } from './pages/HealingPage';
import { LogsPage } from './pages/LogsPage';
import { ResourceDetailPage } from './pages/ResourceDetailPage';
import { ResourcesPage } from './pages/ResourcesPage';
import { StatusPage } from './pages/StatusPage';
import { Link, matchRoute, usePath, type Route } from './router';
import { StoreProvider, useStore } from './stream/store';

type Theme = 'dark' | 'light';

function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = localStorage.getItem('theme');
    if (saved === 'dark' || saved === 'light') return saved;
    return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
  });
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('theme', theme);
  }, [theme]);
  return [theme, () => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))];
}

// A page that throws (a bug, or data nobody expected) shows an error instead of a blank screen.
class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: string | null; key: string }> {
  state = { error: null as string | null, key: '' };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: string | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  render() {
    if (this.state.error !== null) {
      return (
        <div className="notice error" role="alert" data-testid="page-error">
          This page failed: {this.state.error}. <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
        </div>
      );
    }
    return this.props.children;
  }
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'resources': return <ResourcesPage />;
    case 'resource': return <ResourceDetailPage name={route.name} />;
    case 'logs': return <LogsPage name={route.name} replica={route.replica} />;
    case 'graph': return <GraphPage />;
    case 'healing': return <HealingPage />;
    case 'status': return <StatusPage />;
    default: return <section><h1>Not found</h1><p><Link to="/">All resources</Link></p></section>;
  }
}

const nav = [
  { to: '/', label: 'Resources', page: ['resources', 'resource'] },
  { to: '/logs', label: 'Console', page: ['logs'] },
  { to: '/graph', label: 'Graph', page: ['graph'] },
  { to: '/healing', label: 'Healing', page: ['healing'] },
  { to: '/status', label: 'Status', page: ['status'] },
];

function Shell() {
  const path = usePath();
  const route = matchRoute(path);
  const [theme, toggleTheme] = useTheme();
  const { status, state, dismiss } = useStore();
  return (
    <div className="shell">
      <header>
        <span className="brand">Orchestrator</span>
        <nav>
          {nav.map((n) => (
            <Link key={n.to} to={n.to} className={n.page.includes(route.page) ? 'active' : undefined} testId={`nav-${n.label.toLowerCase()}`}>{n.label}</Link>
          ))}
        </nav>
        <span className="spacer" />
        <span className={`connection ${status}`} data-testid="connection-status" data-status={status}>
          {status === 'open' ? 'live' : status === 'connecting' ? 'connecting…' : 'reconnecting…'}
        </span>
        <button type="button" className="theme-toggle" onClick={toggleTheme} data-testid="theme-toggle" aria-label="Switch theme">
          {theme === 'dark' ? '☀ light' : '☾ dark'}
        </button>
      </header>
      {status === 'reconnecting' && (
        <div className="notice warning" role="status" data-testid="reconnecting">The orchestrator is unreachable: reconnecting… The data shown may be stale.</div>
      )}
      <div className="notices" aria-live="polite">
        {state.notices.slice(0, 5).map((n) => (
          <div key={n.id} className={`notice ${n.level}`} data-testid={`notice-${n.level}`}>
            <span>{n.message}</span>
            <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label="Dismiss">✕</button>
          </div>
        ))}
      </div>
      <main>
        <ErrorBoundary resetKey={path}>
          <Page route={route} />
        </ErrorBoundary>
      </main>
    </div>
  );
}

export function App() {
  return (
    <StoreProvider>
      <Shell />
    </StoreProvider>
  );
}
