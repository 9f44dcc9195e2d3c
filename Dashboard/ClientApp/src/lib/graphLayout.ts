// A phase-column layout of the dependency graph: one column per launch phase, nodes stacked in each.

export interface GraphNode {
  name: string;
  type: string;
  phase: number;
  state: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: string;
}

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

export interface Layout {
  nodes: PlacedNode[];
  edges: (GraphEdge & { path: string; x1: number; y1: number; x2: number; y2: number })[];
  width: number;
  height: number;
  phases: number[];
}

export const NodeWidth = 190;
export const NodeHeight = 44;
const ColumnGap = 90;
const RowGap = 24;
const Margin = 36;

export function layoutByPhase(nodes: GraphNode[], edges: GraphEdge[]): Layout {
  const phases = [...new Set(nodes.map((n) => n.phase))].sort((a, b) => a - b);
  const placed: PlacedNode[] = [];
  let maxRows = 0;
  phases.forEach((phase, column) => {
    const inPhase = nodes.filter((n) => n.phase === phase).sort((a, b) => a.name.localeCompare(b.name));
    maxRows = Math.max(maxRows, inPhase.length);
    inPhase.forEach((n, row) => {
      placed.push({ ...n, x: Margin + column * (NodeWidth + ColumnGap), y: Margin + 20 + row * (NodeHeight + RowGap) });
    });
  });
  const byName = new Map(placed.map((n) => [n.name, n]));
  const placedEdges = edges.flatMap((e) => {
    const from = byName.get(e.from);
    const to = byName.get(e.to);
    if (!from || !to) return [];
    if (from.x === to.x) {
      // Both in one phase (a database and its server): a bow on the left side of the column.
      const x = to.x;
      const y1 = to.y + NodeHeight / 2;
      const y2 = from.y + NodeHeight / 2;
      return [{ ...e, x1: x, y1, x2: x, y2, path: `M ${x} ${y1} C ${x - 28} ${y1}, ${x - 28} ${y2}, ${x} ${y2}` }];
    }
    // Arrows go from the dependency (left) to its dependent (right), the order of the launch.
    const x1 = to.x + NodeWidth;
    const y1 = to.y + NodeHeight / 2;
    const x2 = from.x;
    const y2 = from.y + NodeHeight / 2;
    const mid = (x1 + x2) / 2;
    return [{ ...e, x1, y1, x2, y2, path: `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}` }];
  });
  return {
    nodes: placed,
    edges: placedEdges,
    phases,
    width: Margin * 2 + Math.max(1, phases.length) * (NodeWidth + ColumnGap) - ColumnGap,
    height: Margin * 2 + 20 + Math.max(1, maxRows) * (NodeHeight + RowGap),
  };
}
