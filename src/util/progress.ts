/**
 * Progress of a long loop, on stderr by default: a live cli-progress bar when the stream is a
 * terminal, and plain throttled lines otherwise (logs, CI, pipes), such as
 * "search 1200/10000 (12%) best 0.0712". Silent when disabled. Progress never goes to stdout,
 * which carries results.
 */
import { SingleBar } from "cli-progress";

/**
 * Where progress goes: a terminal stream (a bar is drawn when `isTTY` is true), or anything that
 * takes lines of text (plain lines).
 */
export type ProgressStream = (NodeJS.WritableStream & { isTTY?: boolean }) | { write(text: string): unknown; isTTY?: false };

/** Options of createProgress. */
export interface ProgressOptions {
  /** What is progressing, first word of every line (e.g. "search"). */
  label: string;
  /** The count at completion, ≥ 0. */
  total: number;
  /** Where to write (default process.stderr); a bar is drawn only when `stream.isTTY` is true. */
  stream?: ProgressStream;
  /** false: report nothing (default true). */
  enabled?: boolean;
  /** Plain lines: at least this many milliseconds between two lines (default 2000). */
  intervalMs?: number;
  /** Plain lines: the clock, in milliseconds (default Date.now; for tests). */
  now?: () => number;
}

/** A running progress report. */
export interface Progress {
  /** Reports `done` of total, with extra values shown as "key value" (numbers to 4 significant digits). */
  update(done: number, extra?: Record<string, number | string>): void;
  /** Ends the report: the bar's final state, or the last unprinted line. Idempotent. */
  stop(): void;
}

/** formatNumber(v): 4 significant digits without trailing zeros, e.g. 0.071234 → "0.07123". */
function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}

function formatExtra(extra: Record<string, number | string> | undefined): string {
  if (!extra) return "";
  return Object.entries(extra).map(([k, v]) => ` ${k} ${typeof v === "number" ? formatNumber(v) : v}`).join("");
}

const silent: Progress = { update() {}, stop() {} };

/**
 * createProgress({ label, total, stream, enabled }): a progress reporter — a cli-progress bar on a
 * TTY, else one line "label done/total (p%) key value…" at the first update, at completion, at
 * stop() if the last state was not printed, and otherwise at most once per `intervalMs`. O(1) per
 * update.
 * @param options - label, total, stream (stderr), enabled (true), intervalMs (2000), now
 * @returns `{ update(done, extra?), stop() }`
 * @throws RangeError if total is negative or not finite
 * @example
 * const p = createProgress({ label: "search", total: 10000 });
 * p.update(1200, { best: 0.0712 }); // stderr, not a TTY => "search 1200/10000 (12%) best 0.0712"
 * p.stop();
 */
export function createProgress(options: ProgressOptions): Progress {
  const { label, total } = options;
  if (!(Number.isFinite(total) && total >= 0)) throw new RangeError("createProgress requires a finite total ≥ 0");
  if (options.enabled === false) return silent;
  const stream = options.stream ?? process.stderr;
  let stopped = false;

  if (stream.isTTY === true) {
    const bar = new SingleBar({
      stream,
      format: `${label} [{bar}] {value}/{total} ({percentage}%){extra}`,
      hideCursor: false,
      clearOnComplete: false,
    });
    bar.start(total, 0, { extra: "" });
    return {
      update(done, extra) {
        if (!stopped) bar.update(done, { extra: formatExtra(extra) });
      },
      stop() {
        if (stopped) return;
        stopped = true;
        bar.stop();
      },
    };
  }

  const intervalMs = options.intervalMs ?? 2000;
  const now = options.now ?? Date.now;
  let lastTime = -Infinity;
  let pending: string | null = null;
  let finished = false;
  const print = (line: string): void => {
    stream.write(`${line}\n`);
    pending = null;
  };
  return {
    update(done, extra) {
      if (stopped || finished) return;
      const percent = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 100;
      const line = `${label} ${done}/${total} (${percent}%)${formatExtra(extra)}`;
      const t = now();
      const complete = done >= total;
      if (complete) {
        finished = true;
        lastTime = t;
        print(line);
      } else if (!complete && t - lastTime >= intervalMs) {
        lastTime = t;
        print(line);
      } else pending = line;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (pending !== null) print(pending);
    },
  };
}
