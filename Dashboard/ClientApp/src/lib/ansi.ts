// ANSI SGR escapes (colours, bold) turned into styled text segments. The text stays text: React renders
// each segment as a span, so nothing a service prints can become markup.

export interface AnsiSegment {
  text: string;
  fg?: string;
  bg?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

const basic = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

interface Style {
  fg?: string;
  bg?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function color256(n: number): string | undefined {
  if (n < 0 || n > 255) return undefined;
  if (n < 8) return `ansi-${basic[n]}`;
  if (n < 16) return `ansi-bright-${basic[n - 8]}`;
  if (n < 232) {
    const c = n - 16;
    const levels = [0, 95, 135, 175, 215, 255];
    return `rgb(${levels[Math.floor(c / 36)]},${levels[Math.floor(c / 6) % 6]},${levels[c % 6]})`;
  }
  const g = 8 + (n - 232) * 10;
  return `rgb(${g},${g},${g})`;
}

function apply(style: Style, codes: number[]): Style {
  const s = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) {
      delete s.fg; delete s.bg; delete s.bold; delete s.italic; delete s.underline;
    } else if (c === 1) s.bold = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 22) delete s.bold;
    else if (c === 23) delete s.italic;
    else if (c === 24) delete s.underline;
    else if (c >= 30 && c <= 37) s.fg = `ansi-${basic[c - 30]}`;
    else if (c === 39) delete s.fg;
    else if (c >= 40 && c <= 47) s.bg = `ansi-${basic[c - 40]}`;
    else if (c === 49) delete s.bg;
    else if (c >= 90 && c <= 97) s.fg = `ansi-bright-${basic[c - 90]}`;
    else if (c >= 100 && c <= 107) s.bg = `ansi-bright-${basic[c - 100]}`;
    else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
      const col = color256(codes[i + 2] ?? -1);
      if (col) { if (c === 38) s.fg = col; else s.bg = col; }
      i += 2;
    } else if ((c === 38 || c === 48) && codes[i + 1] === 2) {
      const [r, g, b] = [codes[i + 2], codes[i + 3], codes[i + 4]];
      if ([r, g, b].every((x) => x !== undefined && x >= 0 && x <= 255)) {
        const col = `rgb(${r},${g},${b})`;
        if (c === 38) s.fg = col; else s.bg = col;
      }
      i += 4;
    }
  }
  return s;
}

// CSI sequences (ESC [ params letter); only SGR ("m") changes the style, the others are dropped.
// eslint-disable-next-line no-control-regex
const csi = /\u001b\[([0-9;?]*)([@-~])/g;

export function parseAnsi(line: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style: Style = {};
  let last = 0;
  const push = (text: string) => {
    // Other control characters (bell, lone escapes) would show as boxes: drop them.
    // eslint-disable-next-line no-control-regex
    const clean = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
    if (clean) segments.push({ text: clean, ...style });
  };
  for (const m of line.matchAll(csi)) {
    push(line.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    if (m[2] === 'm') {
      const codes = m[1] === '' ? [0] : m[1].split(';').map((x) => (x === '' ? 0 : Number(x)));
      style = apply(style, codes);
    }
  }
  push(line.slice(last));
  return segments;
}

/** The plain text of a line, without its escapes: what a search looks in. */
export function stripAnsi(line: string): string {
  return parseAnsi(line).map((s) => s.text).join('');
}
