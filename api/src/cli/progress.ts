/**
 * Progress of a long import: on a terminal a bar redrawn in place with rows/s and ETA (ETA from
 * bytes read against the file size); elsewhere (CI, logs) a plain line every few seconds.
 */
export class Progress {
  private readonly started = Date.now();
  private lastPrint = 0;
  private rows = 0;
  private done = 0;

  constructor(
    private readonly label: string,
    /** Total of the unit `done` counts in (bytes of the file, or rows), 0 when unknown. */
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly interval = stream.isTTY ? 200 : 5000,
  ) {}

  update(rows: number, done = rows): void {
    this.rows = rows;
    this.done = done;
    const now = Date.now();
    if (now - this.lastPrint < this.interval) return;
    this.lastPrint = now;
    this.print(false);
  }

  finish(): void {
    this.done = this.total || this.done;
    this.print(true);
  }

  private print(final: boolean): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.rows / seconds : 0;
    const fraction = this.total > 0 ? Math.min(this.done / this.total, 1) : undefined;
    const eta = fraction && fraction > 0 && !final ? (seconds / fraction) * (1 - fraction) : undefined;
    const stats = [
      `${this.rows.toLocaleString('en-US')} rows`,
      `${Math.round(rate).toLocaleString('en-US')} rows/s`,
      final ? `${seconds.toFixed(1)} s` : eta !== undefined ? `ETA ${clock(eta)}` : '',
    ]
      .filter(Boolean)
      .join('  ');
    if (this.stream.isTTY) {
      const width = 24;
      const filled = fraction === undefined ? 0 : Math.round(fraction * width);
      const bar =
        fraction === undefined
          ? ''
          : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round((fraction ?? 0) * 100)}%  `;
      this.stream.write(`\r\x1b[2K${this.label} ${bar}${stats}${final ? '\n' : ''}`);
    } else {
      const percent = fraction === undefined ? '' : `${Math.round(fraction * 100)}%  `;
      this.stream.write(`${this.label} ${percent}${stats}\n`);
    }
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
}
