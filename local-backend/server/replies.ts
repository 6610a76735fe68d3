/**
 * Mutation replies a session already got, so a reconnecting client's re-sent mutation is answered
 * from here instead of running twice. Keyed by session id and caller (a session id is chosen by
 * the client, so another caller reusing it must not read these), dropped a grace period after
 * the session's last socket closes, and capped in total (oldest sessions go first).
 */
import { clearTimeout, setTimeout } from "node:timers";

type Reply = Record<string, unknown> | Promise<Record<string, unknown>>;

export class MutationReplies {
  /** Replies (a promise: it settles once its mutation is committed, or has failed). */
  private bySession = new Map<string, Map<string, Map<number, Reply>>>();
  private dropTimers = new Map<string, NodeJS.Timeout>();
  private openSockets = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly graceMs: number,
    private readonly max: number,
  ) {}

  get size(): number {
    return this.total;
  }

  get(sessionId: string, caller: string, requestId: number) {
    return this.bySession.get(sessionId)?.get(caller)?.get(requestId);
  }

  set(sessionId: string, caller: string, requestId: number, reply: Reply) {
    let callers = this.bySession.get(sessionId);
    if (!callers) this.bySession.set(sessionId, (callers = new Map()));
    let replies = callers.get(caller);
    if (!replies) callers.set(caller, (replies = new Map()));
    if (!replies.has(requestId)) this.total++;
    replies.set(requestId, reply);
    while (this.total > this.max) this.evictOldest();
  }

  /** A socket of this session opened: keep its replies. */
  attach(sessionId: string) {
    this.openSockets.set(sessionId, (this.openSockets.get(sessionId) ?? 0) + 1);
    const timer = this.dropTimers.get(sessionId);
    if (timer) clearTimeout(timer);
    this.dropTimers.delete(sessionId);
  }

  /** A socket closed: once no socket of the session is left, drop its replies after the grace. */
  detach(sessionId: string) {
    const left = (this.openSockets.get(sessionId) ?? 1) - 1;
    if (left > 0) {
      this.openSockets.set(sessionId, left);
      return;
    }
    this.openSockets.delete(sessionId);
    const timer = setTimeout(() => {
      this.dropTimers.delete(sessionId);
      if (!this.openSockets.has(sessionId)) this.drop(sessionId);
    }, this.graceMs);
    timer.unref();
    this.dropTimers.set(sessionId, timer);
  }

  private drop(sessionId: string) {
    for (const replies of this.bySession.get(sessionId)?.values() ?? []) this.total -= replies.size;
    this.bySession.delete(sessionId);
  }

  private evictOldest() {
    const [sessionId, callers] = this.bySession.entries().next().value!;
    for (const [caller, replies] of callers) {
      const first = replies.keys().next();
      if (first.done) {
        callers.delete(caller);
        continue;
      }
      replies.delete(first.value);
      this.total--;
      if (replies.size === 0) callers.delete(caller);
      break;
    }
    if (callers.size === 0) this.bySession.delete(sessionId);
  }
}
