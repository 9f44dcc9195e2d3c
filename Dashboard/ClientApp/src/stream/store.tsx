import { createContext, useContext, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react';
import { StreamConnection, streamUrl, type ConnectionStatus } from './connection';
import { addNotice, dismissNotice, initialState, reduceFrame } from './reducer';
import type { DashboardState } from './types';

type Action = { kind: 'frame'; frame: string } | { kind: 'notice'; level: 'error' | 'info' | 'warning'; message: string } | { kind: 'dismiss'; id: number };

function storeReducer(state: DashboardState, action: Action): DashboardState {
  switch (action.kind) {
    case 'frame': return reduceFrame(state, action.frame);
    case 'notice': return addNotice(state, action.level, action.message);
    case 'dismiss': return dismissNotice(state, action.id);
  }
}

interface Store {
  state: DashboardState;
  status: ConnectionStatus;
  connection: StreamConnection;
  notify: (level: 'error' | 'info' | 'warning', message: string) => void;
  dismiss: (id: number) => void;
}

const StoreContext = createContext<Store | null>(null);

export function StoreProvider({ children }: { children: ReactNode }) {
  const connection = useMemo(() => new StreamConnection(streamUrl(window.location)), []);
  const [state, dispatch] = useReducer(storeReducer, initialState);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  useEffect(() => {
    // Log lines go to the logs page only; they would churn the whole state for nothing.
    const offFrame = connection.onFrame((frame) => {
      if (frame.startsWith('{"type":"log"')) return;
      dispatch({ kind: 'frame', frame });
    });
    const offStatus = connection.onStatus(setStatus);
    connection.start();
    return () => {
      offFrame();
      offStatus();
      connection.stop();
    };
  }, [connection]);
  const store = useMemo<Store>(() => ({
    state,
    status,
    connection,
    notify: (level, message) => dispatch({ kind: 'notice', level, message }),
    dismiss: (id) => dispatch({ kind: 'dismiss', id }),
  }), [state, status, connection]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside StoreProvider');
  return store;
}

/** The current time, ticking every second, for uptimes: a local clock, not a poll of the server. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
