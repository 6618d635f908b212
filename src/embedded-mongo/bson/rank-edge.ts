/**
 * A sentinel that sorts just before every value of a BSON type rank (see `typeRank`).
 * Index bounds use it to stop a range at the edge of its type bracket, and
 * `RankEdge.LOW`/`RankEdge.HIGH` sort below/above everything.
 */
export class RankEdge {
  static readonly LOW = new RankEdge(-100);
  static readonly HIGH = new RankEdge(100);
  constructor(readonly rank: number) {}
}
