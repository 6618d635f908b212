interface Chunk<K> {
  keys: K[];
  rids: number[];
  /** Also held by a clone: whoever changes it first replaces it with a private copy. */
  shared?: boolean;
}

/** Where a scan stops: entries compare against `key` (with `rid` breaking ties). */
export interface ScanBound<K> {
  key: K;
  rid: number;
}

const LOAD = 128;

/**
 * Ordered multiset of (key, recordId) entries kept as a list of sorted chunks: inserts and
 * removals cost a binary search plus a splice of at most 2*LOAD entries, and scans walk chunks
 * in order. Scans survive concurrent modification by re-seeking after their last entry.
 */
export class SortedKeyList<K> {
  private chunks: Chunk<K>[] = [];
  private version = 0;
  size = 0;

  constructor(private readonly compareKeys: (a: K, b: K) => number) {}

  /** A copy in O(chunks): both lists share the chunks and copy one before changing it. */
  clone(): SortedKeyList<K> {
    const copy = new SortedKeyList<K>(this.compareKeys);
    for (const chunk of this.chunks) chunk.shared = true;
    copy.chunks = this.chunks.slice();
    copy.size = this.size;
    return copy;
  }

  /** The chunk at `ci`, made private to this list first if a clone shares it. */
  private own(ci: number): Chunk<K> {
    const chunk = this.chunks[ci];
    if (!chunk.shared) return chunk;
    const mine: Chunk<K> = { keys: chunk.keys.slice(), rids: chunk.rids.slice() };
    this.chunks[ci] = mine;
    return mine;
  }

  private compareEntry(ka: K, ra: number, kb: K, rb: number): number {
    const c = this.compareKeys(ka, kb);
    if (c !== 0) return c;
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  }

  /** Index of the first chunk whose last entry is >= (key, rid), or chunks.length. */
  private chunkFor(key: K, rid: number): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunks[mid];
      const last = c.keys.length - 1;
      if (this.compareEntry(c.keys[last], c.rids[last], key, rid) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBoundIn(chunk: Chunk<K>, key: K, rid: number): number {
    let lo = 0;
    let hi = chunk.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareEntry(chunk.keys[mid], chunk.rids[mid], key, rid) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: K, rid: number): void {
    this.version++;
    this.size++;
    if (this.chunks.length === 0) {
      this.chunks.push({ keys: [key], rids: [rid] });
      return;
    }
    // Ascending keys (ObjectId _ids, timestamps) append without a search.
    const lastChunk = this.chunks[this.chunks.length - 1];
    const lastPos = lastChunk.keys.length - 1;
    const appending = this.compareEntry(lastChunk.keys[lastPos], lastChunk.rids[lastPos], key, rid) < 0;
    let ci = appending ? this.chunks.length - 1 : this.chunkFor(key, rid);
    if (ci === this.chunks.length) ci--;
    const chunk = this.own(ci);
    const pos = appending ? chunk.keys.length : this.lowerBoundIn(chunk, key, rid);
    if (pos === chunk.keys.length) {
      chunk.keys.push(key);
      chunk.rids.push(rid);
    } else {
      chunk.keys.splice(pos, 0, key);
      chunk.rids.splice(pos, 0, rid);
    }
    if (chunk.keys.length > 2 * LOAD) {
      const tail: Chunk<K> = { keys: chunk.keys.splice(LOAD), rids: chunk.rids.splice(LOAD) };
      this.chunks.splice(ci + 1, 0, tail);
    }
  }

  remove(key: K, rid: number): boolean {
    const ci = this.chunkFor(key, rid);
    if (ci === this.chunks.length) return false;
    const chunk = this.chunks[ci];
    const pos = this.lowerBoundIn(chunk, key, rid);
    if (pos >= chunk.keys.length || this.compareEntry(chunk.keys[pos], chunk.rids[pos], key, rid) !== 0) {
      return false;
    }
    this.version++;
    this.size--;
    const mine = this.own(ci);
    mine.keys.splice(pos, 1);
    mine.rids.splice(pos, 1);
    if (mine.keys.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.version++;
  }

  /** Replaces the content with entries that need not be sorted (bulk index build). */
  load(keys: K[], rids: number[]): void {
    const order = keys.map((_, i) => i);
    order.sort((a, b) => this.compareEntry(keys[a], rids[a], keys[b], rids[b]));
    this.chunks = [];
    for (let i = 0; i < order.length; i += LOAD) {
      const slice = order.slice(i, i + LOAD);
      this.chunks.push({ keys: slice.map((j) => keys[j]), rids: slice.map((j) => rids[j]) });
    }
    this.size = keys.length;
    this.version++;
  }

  /** True when an entry with this key exists under a record id other than `exceptRid`. */
  hasKeyExcept(key: K, exceptRid: number): boolean {
    let [ci, pos] = this.seek(key, -Infinity);
    while (ci < this.chunks.length) {
      const chunk = this.chunks[ci];
      if (pos >= chunk.keys.length) {
        ci++;
        pos = 0;
        continue;
      }
      if (this.compareKeys(chunk.keys[pos], key) !== 0) return false;
      if (chunk.rids[pos] !== exceptRid) return true;
      pos++;
    }
    return false;
  }

  /** Entries between the bounds (inclusive, compared as entries), ascending or descending. */
  *scan(lower: ScanBound<K> | null, upper: ScanBound<K> | null, reverse: boolean): Generator<[K, number]> {
    let version = this.version;
    let ci: number;
    let pos: number;
    if (!reverse) {
      [ci, pos] = lower ? this.seek(lower.key, lower.rid) : [0, 0];
    } else {
      [ci, pos] = upper ? this.seek(upper.key, upper.rid) : [this.chunks.length, 0];
      [ci, pos] = this.stepBack(ci, pos);
    }
    while (ci >= 0 && ci < this.chunks.length) {
      const chunk = this.chunks[ci];
      const key = chunk.keys[pos];
      const rid = chunk.rids[pos];
      if (!reverse) {
        if (upper && this.compareEntry(key, rid, upper.key, upper.rid) > 0) return;
      } else if (lower && this.compareEntry(key, rid, lower.key, lower.rid) < 0) return;
      yield [key, rid];
      if (version !== this.version) {
        // The list changed while the consumer held the scan: find our place again.
        version = this.version;
        if (!reverse) [ci, pos] = this.seek(key, rid + 0.5);
        else [ci, pos] = this.stepBack(...this.seek(key, rid - 0.5));
        continue;
      }
      if (!reverse) {
        pos++;
        if (pos >= chunk.keys.length) {
          ci++;
          pos = 0;
        }
      } else {
        [ci, pos] = this.stepBack(ci, pos);
      }
    }
  }

  private seek(key: K, rid: number): [number, number] {
    const ci = this.chunkFor(key, rid);
    if (ci === this.chunks.length) return [ci, 0];
    return [ci, this.lowerBoundIn(this.chunks[ci], key, rid)];
  }

  private stepBack(ci: number, pos: number): [number, number] {
    if (pos > 0) return [ci, pos - 1];
    const prev = ci - 1;
    if (prev < 0) return [-1, 0];
    return [prev, this.chunks[prev].keys.length - 1];
  }
}
