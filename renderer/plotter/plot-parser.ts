// Turns printed lines into plot samples, the way Mu and the Arduino plotter read them:
// tuples and lists `(1, 2.5)` `[1, 2.5]`, `name:value` / `name=value` pairs separated by
// spaces, commas or tabs `temp:21.5 hum:40`, CSV or tab-separated numbers after an optional
// header line `temp,hum`, and plain numbers `3 4.5`. Anything else is not plot data. DOM-free.

/** One line's worth of numbers, with the series names they belong to. */
export interface PlotSample {
  names: string[];
  values: number[];
  /**
   * Whether the names come from the line itself (`temp:21`: a line may carry any subset of
   * the series) or from position (tuples, plain numbers, CSV columns: a change in the number
   * of values starts a new set of series).
   */
  named?: boolean;
}

const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)`;
const TUPLE = new RegExp(String.raw`^\(\s*(?:${NUM})(?:\s*,\s*(?:${NUM}))*\s*,?\s*\)$|^\[\s*(?:${NUM})(?:\s*,\s*(?:${NUM}))*\s*\]$`);
const PLAIN = new RegExp(String.raw`^(?:${NUM})(?:(?:\s*,\s*|\s+)(?:${NUM}))*$`);
const PAIR = new RegExp(String.raw`^([A-Za-z_][\w.-]{0,39})\s*[:=]\s*(${NUM})$`);
const NAME = /^[A-Za-z_][\w .-]{0,39}$/;

function numbers(body: string): number[] {
  return body
    .split(/\s*,\s*|\s+/)
    .filter((s) => s.length > 0)
    .map(Number);
}

/** Parses a stream of printed text into samples; keeps the current CSV header. */
export class PlotParser {
  private partial = '';
  private header: string[] | null = null;
  /** The previous line, when it was plain numbers (see parseLine). */
  private heldPlain: PlotSample | null = null;
  private lastPlainEmitted: PlotSample | null = null;
  /** A held first plain-number line to emit before the current one. */
  private pendingExtra: PlotSample | null = null;

  /** Feeds a chunk of output; returns the samples of every line it completed. */
  feed(chunk: string): PlotSample[] {
    const text = this.partial + chunk;
    const lines = text.split(/\r?\n|\r/);
    this.partial = lines.pop() ?? '';
    if (this.partial.length > 4096) this.partial = '';
    const samples: PlotSample[] = [];
    for (const line of lines) {
      const sample = this.parseLine(line);
      if (this.pendingExtra) samples.push(this.pendingExtra);
      this.pendingExtra = null;
      if (sample) samples.push(sample);
    }
    return samples;
  }

  /** Parses one complete line (also updates the CSV header when it is one). */
  parseLine(raw: string): PlotSample | null {
    // Strip terminal colour codes and prompts that may surround printed values.
    // A run's first line follows the REPL's prompt on the same line of the stream ('>>> ' was
    // printed before the program started), so a prompt at the start is not part of the data.
    const line = raw
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      .replace(/^(?:>>> |\.\.\. )+/, '')
      .trim();
    if (!line || line.length > 1000) return null;
    if (TUPLE.test(line)) {
      const values = numbers(line.slice(1, -1).replace(/,\s*$/, ''));
      return { names: values.map((_, i) => this.header?.length === values.length ? this.header[i]! : `${i + 1}`), values };
    }
    if (PLAIN.test(line)) {
      const values = numbers(line);
      const names = this.header && this.header.length === values.length ? this.header : values.map((_, i) => `${i + 1}`);
      const sample = { names, values };
      if (this.header) return sample;
      // A lone number (a REPL result such as 42) is not a series: plot plain numbers only
      // from their second line in a row on, then the held first one with it.
      const held = this.heldPlain;
      this.heldPlain = sample;
      if (!held || held.values.length !== values.length) return null;
      if (held !== this.lastPlainEmitted) {
        this.lastPlainEmitted = sample;
        this.pendingExtra = held;
        return sample;
      }
      this.lastPlainEmitted = sample;
      return sample;
    }
    this.heldPlain = null;
    const parts = line.split(/\s*,\s*|\s+(?=[A-Za-z_][\w.-]*\s*[:=])|\t+/);
    const pairs = parts.map((p) => PAIR.exec(p.trim()));
    if (pairs.length > 0 && pairs.every((m) => m !== null)) {
      return { names: pairs.map((m) => m![1]!), values: pairs.map((m) => Number(m![2])), named: true };
    }
    const fields = line.split(/\s*[,\t]\s*/);
    if (fields.length >= 2 && fields.every((f) => NAME.test(f) && !/^(inf|nan)$/i.test(f))) {
      this.header = fields;
    }
    return null;
  }
}

/** CSV text for samples: a header of all series names, one row per sample ('' where absent). */
export function samplesToCsv(series: string[], rows: Array<Array<number | null>>): string {
  const escape = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['sample', ...series].map(escape).join(',')];
  rows.forEach((row, i) => lines.push([String(i + 1), ...series.map((_, j) => (row[j] === null || row[j] === undefined ? '' : String(row[j])))].join(',')));
  return lines.join('\n') + '\n';
}
