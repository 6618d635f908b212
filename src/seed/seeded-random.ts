import { ObjectId } from "mongodb";

/**
 * A deterministic random source (mulberry32): the same seed gives the same sequence on
 * every machine, which Math.random cannot. Not for anything security-related.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for one purpose, so that changing one generator leaves the others' data alone. */
  static forStream(seed: number, stream: string): SeededRandom {
    // FNV-1a of the stream name, mixed with the seed.
    let hash = 0x811c9dc5;
    for (let i = 0; i < stream.length; i++) {
      hash ^= stream.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return new SeededRandom(Math.imul(seed >>> 0, 0x9e3779b1) ^ hash);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the keys of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items in random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const result: T[] = [];
    while (result.length < count && pool.length > 0) {
      result.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    }
    return result;
  }

  /** Log-normal with the given median: long-tailed durations such as time to resolve. */
  logNormal(median: number, sigma: number): number {
    // Box-Muller; 1 - next() is in (0, 1], so the log is finite.
    const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(sigma * normal);
  }

  /** An ObjectId whose timestamp is `at` (as the driver would have made it then) and whose other 8 bytes are random. */
  objectId(at: Date): ObjectId {
    const bytes = Buffer.alloc(12);
    bytes.writeUInt32BE(Math.max(0, Math.floor(at.getTime() / 1000)), 0);
    bytes.writeUInt32BE(Math.floor(this.next() * 4294967296), 4);
    bytes.writeUInt32BE(Math.floor(this.next() * 4294967296), 8);
    return new ObjectId(bytes);
  }
}
