import { useState } from 'react';
import { commandPath, postCommand, type CommandName } from '../lib/api';
import { useStore } from '../stream/store';

// Every command asks first: a dialog names the command and its target, and the result or error is shown.

interface Pending {
  resource: string | null;
  command: CommandName;
}

export function useCommands() {
  const { notify } = useStore();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = (resource: string | null, command: CommandName) => setPending({ resource, command });
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    const target = pending.resource ?? 'all resources';
    try {
      await postCommand(commandPath(pending.resource, pending.command));
      notify('info', `${pending.command} ${target}: accepted`);
    } catch (error) {
      notify('error', `${pending.command} ${target} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };
  const dialog = pending ? (
    <div className="modal-backdrop" role="presentation" onClick={() => !busy && setPending(null)}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="confirm-title">
          {pending.command[0].toUpperCase() + pending.command.slice(1)} {pending.resource ? <code>{pending.resource}</code> : 'all resources'}?
        </h2>
        <p>
          {pending.command === 'stop' && 'Its processes are stopped and not restarted until started again.'}
          {pending.command === 'restart' && 'Its processes are stopped gracefully and started again.'}
          {pending.command === 'start' && 'Its processes are started.'}
          {pending.command === 'release' && 'It leaves quarantine and its restart ladder starts over.'}
        </p>
        <div className="modal-buttons">
          <button type="button" onClick={() => setPending(null)} disabled={busy}>Cancel</button>
          <button type="button" className="primary" data-testid="confirm-button" onClick={() => void confirm()} disabled={busy} autoFocus>
            {busy ? 'Sending…' : `Yes, ${pending.command}`}
          </button>
        </div>
      </div>
    </div>
  ) : null;
  return { ask, dialog };
}

export function ResourceActions({ name, state, quarantined, external, ask }: {
  name: string; state: string; quarantined: boolean; external: boolean; ask: (resource: string, command: CommandName) => void;
}) {
  const stopped = ['NotStarted', 'Exited', 'Finished', 'FailedToStart'].includes(state);
  return (
    <span className="actions">
      {!external && stopped && <button type="button" data-testid={`start-${name}`} onClick={() => ask(name, 'start')}>Start</button>}
      {!external && !stopped && <button type="button" data-testid={`stop-${name}`} onClick={() => ask(name, 'stop')}>Stop</button>}
      {!external && <button type="button" data-testid={`restart-${name}`} onClick={() => ask(name, 'restart')}>Restart</button>}
      {quarantined && <button type="button" data-testid={`release-${name}`} onClick={() => ask(name, 'release')}>Release</button>}
    </span>
  );
}
