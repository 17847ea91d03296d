/**
 * A one-line progress display for long runs: redrawn at most every 200 ms on a TTY (stderr),
 * silent when stderr is not a terminal so logs and pipes stay clean.
 */
export interface Progress {
  /** Updates the line; `render` is called only when a redraw is due. */
  update(render: () => string): void;
  /** Clears the line and prints a final message, if any. */
  done(message?: string): void;
}

/** A progress line on stderr, or a no-op when stderr is not a TTY. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  return {
    update(render) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      const text = render();
      stream.write(`\r\x1b[K${text.slice(0, (stream.columns ?? 120) - 1)}`);
    },
    done(message) {
      stream.write('\r\x1b[K');
      if (message) stream.write(`${message}\n`);
    },
  };
}
