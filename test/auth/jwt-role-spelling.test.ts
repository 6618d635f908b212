import { describe, expect, it } from "vitest";
import { signTestJwt } from "../helpers/test-jwt";
import { useTestGateway } from "../helpers/use-test-gateway";

const { gateway } = useTestGateway("jwt_role_spelling", { gateway: { authorization: null } });

const ME = `{ me { kind role } }`;

/**
 * The role claim may be written as the API shows the role (the schema's enum: ADMIN)
 * or as MongoDB stores it (admin); both mean the same role. Before, "ADMIN" was
 * refused with UNAUTHENTICATED.
 */
describe("a JWT's role claim in either spelling", () => {
  it.each([
    ["admin", "ADMIN"],
    ["ADMIN", "ADMIN"],
    ["analyst", "ANALYST"],
    ["ANALYST", "ANALYST"],
    ["responder", "RESPONDER"],
    ["RESPONDER", "RESPONDER"],
    ["viewer", "VIEWER"],
    ["VIEWER", "VIEWER"],
  ])("role %j authenticates as %s", async (claim, shown) => {
    const result = await gateway.graphql(ME, undefined, {
      authorization: `Bearer ${await signTestJwt(claim)}`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: { kind: "USER", role: shown } });
  });

  it.each(["Admin", "root", "", "toString", "constructor"])(
    "role %j is refused before the database is touched",
    async (claim) => {
      gateway.resetCommands();
      const result = await gateway.graphql(ME, undefined, {
        authorization: `Bearer ${await signTestJwt(claim)}`,
      });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.message).toMatch(/role must be/);
      expect(gateway.commands).toHaveLength(0);
    },
  );
});
