/**
 * A FIFO mutex: queries and mutations take it so each sees one consistent database. Waiters say
 * whether they write, so a writer finishing can tell whether the next holder is another writer
 * (and leave the SQLite transaction open for it: group commit, see runtime.ts).
 */
export type LockKind = "read" | "write";

export class Mutex {
  private held = false;
  private queue: Array<{ kind: LockKind; start: () => void }> = [];

  async run<T>(fn: () => Promise<T>, kind: LockKind = "read"): Promise<T> {
    if (this.held) await new Promise<void>((start) => this.queue.push({ kind, start }));
    else this.held = true;
    try {
      return await fn();
    } finally {
      // Hand the lock straight to the next waiter (it stays held), or free it.
      const next = this.queue.shift();
      if (next) next.start();
      else this.held = false;
    }
  }

  /** True when the next waiter is a writer. */
  nextIsWrite(): boolean {
    return this.queue[0]?.kind === "write";
  }
}
