/** Where a progress bar writes: a terminal redraws one line, anything else gets a line per tenth. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const width = 30;

/**
 * A text progress bar for long imports: `importing [#########.....]  60% 6000/10000`.
 * On a terminal it redraws in place; in a log it prints at each 10%.
 */
export class ProgressBar {
  private lastTenth = -1;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly label: string,
  ) {}

  update(done: number): void {
    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(share * width);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${done}/${this.total}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}${done >= this.total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`${line}\n`);
  }
}
