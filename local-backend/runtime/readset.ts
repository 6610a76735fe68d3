/**
 * Read and write sets in index-key space. A query's read set is the list of index ranges it
 * actually walked; a commit's write set is every index key it removed or added. A subscription
 * is re-run only when some written key falls inside one of its ranges.
 */
export interface KeyRange {
  indexId: number;
  lo: Buffer; // inclusive
  hi: Buffer; // exclusive
}

export class ReadSet {
  readonly ranges: KeyRange[] = [];
  add(range: KeyRange) {
    this.ranges.push(range);
    return range;
  }
  merge(other: ReadSet) {
    for (const r of other.ranges) this.ranges.push(r);
  }
}

export class WriteSet {
  /** indexId → keys written (old and new) */
  readonly keys = new Map<number, Buffer[]>();
  add(indexId: number, key: Buffer) {
    let list = this.keys.get(indexId);
    if (!list) this.keys.set(indexId, (list = []));
    list.push(key);
  }
  get size() {
    let n = 0;
    for (const l of this.keys.values()) n += l.length;
    return n;
  }
}

export function intersects(reads: ReadSet, writes: WriteSet): boolean {
  for (const r of reads.ranges) {
    const keys = writes.keys.get(r.indexId);
    if (!keys) continue;
    for (const k of keys) {
      if (Buffer.compare(k, r.lo) >= 0 && Buffer.compare(k, r.hi) < 0) return true;
    }
  }
  return false;
}
