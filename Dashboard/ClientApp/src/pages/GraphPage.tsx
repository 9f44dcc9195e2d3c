import { useEffect, useMemo, useState } from 'react';
import { getJson } from '../lib/api';
import { layoutByPhase, NodeHeight, NodeWidth, type GraphEdge, type GraphNode } from '../lib/graphLayout';
import { stateTone } from '../lib/format';
import { navigate } from '../router';
import { useStore } from '../stream/store';

interface Dependencies {
  nodes?: unknown;
  edges?: unknown;
}

export function GraphPage() {
  const { state, notify } = useStore();
  const [graph, setGraph] = useState<{ nodes: GraphNode[]; edges: GraphEdge[] } | null>(null);
  const resourceNames = Object.keys(state.resources).sort().join(',');

  // The shape of the graph comes from the API once (and again when resources come or go); states are live.
  useEffect(() => {
    const controller = new AbortController();
    getJson<Dependencies>('/api/v1/dependencies', controller.signal)
      .then((d) => {
        const nodes = (Array.isArray(d.nodes) ? d.nodes : []).flatMap((n: Record<string, unknown>) =>
          typeof n?.name === 'string'
            ? [{ name: n.name, type: typeof n.type === 'string' ? n.type : '', phase: typeof n.phase === 'number' ? n.phase : 0, state: typeof n.state === 'string' ? n.state : '' }]
            : []);
        const edges = (Array.isArray(d.edges) ? d.edges : []).flatMap((e: Record<string, unknown>) =>
          typeof e?.from === 'string' && typeof e?.to === 'string' ? [{ from: e.from, to: e.to, kind: typeof e.kind === 'string' ? e.kind : '' }] : []);
        setGraph({ nodes, edges });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) notify('error', `Dependency graph: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => controller.abort();
  }, [resourceNames, notify]);

  const layout = useMemo(() => {
    if (!graph) return null;
    const nodes = graph.nodes.map((n) => ({ ...n, state: state.resources[n.name]?.state ?? n.state }));
    return layoutByPhase(nodes, graph.edges);
  }, [graph, state.resources]);

  return (
    <section>
      <div className="toolbar"><h1>Dependency graph</h1><span className="muted">columns are launch phases; arrows point from a dependency to its dependent</span></div>
      {!layout && <p className="muted">Loading…</p>}
      {layout && (
        <div className="graph-wrap">
          <svg width={layout.width} height={layout.height} className="graph" data-testid="graph" role="img" aria-label="Dependency graph">
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
              </marker>
            </defs>
            {layout.phases.map((p) => (
              <text key={p} x={layout.nodes.find((n) => n.phase === p)?.x ?? 0} y={30} className="phase-label">phase {p}</text>
            ))}
            {layout.edges.map((e) => (
              <path key={`${e.from}-${e.to}-${e.kind}`} d={e.path} className={`edge edge-${e.kind}`} markerEnd="url(#arrow)" data-testid="graph-edge" />
            ))}
            {layout.nodes.map((n) => (
              <g key={n.name} transform={`translate(${n.x},${n.y})`} className={`node tone-${stateTone(n.state, state.resources[n.name]?.health)}`}
                data-testid={`graph-node-${n.name}`} data-state={n.state} onClick={() => navigate(`/resources/${encodeURIComponent(n.name)}`)}>
                <rect width={NodeWidth} height={NodeHeight} rx={8} />
                <text x={10} y={18} className="node-name">{n.name}</text>
                <text x={10} y={34} className="node-state">{n.type} · {n.state}</text>
              </g>
            ))}
          </svg>
        </div>
      )}
    </section>
  );
}
