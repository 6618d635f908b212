import { ObjectId } from "mongodb";
import { describe, expect, it } from "vitest";
import { createAlertCountByCaseLoader } from "../../src/loaders/alert-count-by-case.loader";
import { createUserByIdLoader } from "../../src/loaders/user-by-id.loader";
import type { AlertRepository } from "../../src/repositories/alert.repository";
import type { UserRepository } from "../../src/repositories/user.repository";
import type { User } from "../../schema/types/user.type";

// DataLoader's contract, checked with stand-in repositories (the HTTP tests cover the
// real ones): one result per key, in key order, null or the neutral value for a miss.

describe("relation loaders", () => {
  it("userById: one batch, results in key order, null for a miss, ObjectIds keyed by hex", async () => {
    const [a, b, missing] = [new ObjectId(), new ObjectId(), new ObjectId()];
    const calls: string[][] = [];
    const users = {
      findByIds: async (ids: readonly ObjectId[]) => {
        calls.push(ids.map((id) => id.toHexString()));
        // Answers in an order of its own, as MongoDB may.
        return [b, a].map((id) => ({ id: id.toHexString(), objectId: id, name: id.toHexString() }) as User);
      },
    } as unknown as UserRepository;
    const loader = createUserByIdLoader(users);
    const results = await Promise.all([
      loader.load(a),
      loader.load(missing),
      loader.load(b),
      loader.load(new ObjectId(a.toHexString())),
    ]);
    expect(results.map((user) => user?.id ?? null)).toEqual([
      a.toHexString(),
      null,
      b.toHexString(),
      a.toHexString(),
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([a, missing, b].map((id) => id.toHexString()));
  });

  it("alertCountByCase: keys differing in `resolved` are batched per variant, 0 for none", async () => {
    const [x, y] = [new ObjectId(), new ObjectId()];
    const calls: { ids: string[]; resolved: boolean | undefined }[] = [];
    const alerts = {
      countByCases: async (ids: readonly ObjectId[], resolved: boolean | undefined) => {
        calls.push({ ids: ids.map((id) => id.toHexString()), resolved });
        return new Map([[x.toHexString(), resolved === undefined ? 5 : resolved ? 2 : 3]]);
      },
    } as unknown as AlertRepository;
    const loader = createAlertCountByCaseLoader(alerts);
    const counts = await Promise.all([
      loader.load({ caseId: x }),
      loader.load({ caseId: x, resolved: true }),
      loader.load({ caseId: y, resolved: false }),
      loader.load({ caseId: x, resolved: false }),
      loader.load({ caseId: y }),
    ]);
    expect(counts).toEqual([5, 2, 0, 3, 0]);
    expect(calls).toHaveLength(3);
  });
});
