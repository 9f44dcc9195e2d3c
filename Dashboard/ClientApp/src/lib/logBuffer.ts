import { stripAnsi } from './ansi';
import type { LogLine } from '../stream/types';

// The lines of a console view: at most `capacity`, oldest dropped first. Each line keeps its plain text
// for search, computed once.

export interface BufferedLine extends LogLine {
  plain: string;
}

export class LogBuffer {
  private lines: BufferedLine[] = [];
  private nextId = 1;
  dropped = 0;

  constructor(readonly capacity = 10_000) {}

  get length(): number {
    return this.lines.length;
  }

  get all(): readonly BufferedLine[] {
    return this.lines;
  }

  clear(): void {
    this.lines = [];
    this.dropped = 0;
  }

  push(line: Omit<LogLine, 'id'>): void {
    this.lines.push({ ...line, id: this.nextId++, plain: stripAnsi(line.text) });
    const excess = this.lines.length - this.capacity;
    // Trim in batches, so that a busy stream does not shift the array on every line.
    if (excess > Math.max(100, this.capacity / 10)) {
      this.lines = this.lines.slice(excess);
      this.dropped += excess;
    }
  }

  /** The lines to show: the newest `capacity`, filtered by a case-insensitive search. */
  view(search: string): BufferedLine[] {
    const start = Math.max(0, this.lines.length - this.capacity);
    const visible = start > 0 ? this.lines.slice(start) : this.lines;
    const needle = search.trim().toLowerCase();
    return needle ? visible.filter((l) => l.plain.toLowerCase().includes(needle)) : visible.slice();
  }
}

/** A log line from the stream or the REST tail, or undefined when its fields are not what they should be. */
export function parseLogLine(v: unknown, fallbackResource?: string): Omit<LogLine, 'id'> | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.text !== 'string') return undefined;
  const resource = typeof o.resource === 'string' ? o.resource : fallbackResource;
  if (!resource) return undefined;
  return {
    resource,
    replica: typeof o.replica === 'string' ? o.replica : '',
    timestamp: typeof o.timestamp === 'string' ? o.timestamp : '',
    stream: o.stream === 'stderr' ? 'stderr' : 'stdout',
    text: o.text.slice(0, 16_384),
  };
}
