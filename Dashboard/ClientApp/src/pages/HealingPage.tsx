import { useState } from 'react';
import { HealingTimeline, useHealingHistory } from '../components/HealingTimeline';

export function HealingPage() {
  const records = useHealingHistory(undefined, 500);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = records && needle
    ? records.filter((r) => `${r.resource} ${r.replica ?? ''} ${r.kind} ${r.message ?? ''}`.toLowerCase().includes(needle))
    : records;
  return (
    <section>
      <div className="toolbar">
        <h1>Healing history</h1>
        <input type="search" placeholder="Filter…" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter healing history" />
      </div>
      <HealingTimeline records={shown} showResource />
    </section>
  );
}
