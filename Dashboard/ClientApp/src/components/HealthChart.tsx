import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { healthSeries } from '../lib/healthSeries';
import type { Replica } from '../stream/types';

const palette = ['#3b82f6', '#10b981', '#a855f7', '#f59e0b', '#06b6d4', '#ec4899'];

export function HealthChart({ replicas }: { replicas: Replica[] }) {
  const host = useRef<HTMLDivElement>(null);
  const { names, data } = healthSeries(replicas);
  const empty = data[0].length === 0;
  useEffect(() => {
    const el = host.current;
    if (!el || empty) return;
    const series: uPlot.Series[] = [
      {},
      ...names.map((n, i) => ({ label: `${n} ms`, stroke: palette[i % palette.length], width: 1.5, spanGaps: true })),
      { label: 'failed', stroke: '#ef4444', width: 0, points: { show: true, size: 9, fill: '#ef4444', stroke: '#ef4444' } },
    ];
    const chart = new uPlot(
      { width: Math.max(300, el.clientWidth), height: 220, series, axes: [{}, { label: 'ms' }], scales: { x: { time: true } } },
      data as uPlot.AlignedData,
      el,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: Math.max(300, el.clientWidth), height: 220 }));
    observer.observe(el);
    return () => { observer.disconnect(); chart.destroy(); };
  }, [names.join(','), JSON.stringify(data), empty]);
  if (empty) return <p className="muted">No health checks recorded yet.</p>;
  return <div ref={host} className="chart" data-testid="health-chart" />;
}
