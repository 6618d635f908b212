import { describe, expect, it } from "vitest";
import { builtSchemaSdl, builtSchemaSdlContaining } from "../helpers/built-schema-sdl";

// The write API's published signatures and documented bounds.

describe("the write API in the schema", () => {
  it("has every mutation with its arguments and answer", async () => {
    const sdl = await builtSchemaSdlContaining([
      "createCase(input: CreateCaseInput!): Case!",
      "updateCase(id: ID!, input: UpdateCaseInput!): Case!",
      "deleteCase(id: ID!): DeleteCasePayload!",
      "createAlert(input: CreateAlertInput!): Alert!",
      "unlinkAlert(alertId: ID!): Alert!",
      "createUser(input: CreateUserInput!): User!",
      "updateUser(id: ID!, input: UpdateUserInput!): User!",
      "updateUserRole(id: ID!, role: UserRole!): User!",
    ]);
    const multiLine = (name: string, args: string[], answer: string) =>
      new RegExp(
        `${name}\\(${args.map((arg) => `[\\s\\S]*?${arg.replace(/[[\]!]/g, "\\$&")}`).join("")}[\\s\\S]*?\\): ${answer}`,
      );
    expect(sdl).toMatch(
      multiLine("changeCaseStatus", ["id: ID!", "note: String", "status: CaseStatus!"], "Case!"),
    );
    expect(sdl).toMatch(multiLine("assignCase", ["assigneeId: ID", "id: ID!"], "Case!"));
    expect(sdl).toMatch(multiLine("addCaseTags", ["id: ID!", "tags: [String!]!"], "Case!"));
    expect(sdl).toMatch(multiLine("removeCaseTags", ["id: ID!", "tags: [String!]!"], "Case!"));
    expect(sdl).toMatch(multiLine("resolveAlert", ["id: ID!", "resolution: String!"], "Alert!"));
    expect(sdl).toMatch(multiLine("linkAlertToCase", ["alertId: ID!", "caseId: ID!"], "Alert!"));
    expect(sdl).toMatch(
      multiLine(
        "auditLog",
        ["action: String", "after: String", "first: Int = 20", "targetId: ID"],
        "AuditLogConnection!",
      ),
    );
  });

  it("documents the bounds and the unlinking of a deleted case's alerts", async () => {
    const sdl = await builtSchemaSdl();
    expect(sdl).toContain("DOCUMENT_MAX_DEPTH");
    expect(sdl).toContain("16384 bytes as JSON (DOCUMENT_MAX_BYTES)");
    expect(sdl).toContain("at most 5 levels deep");
    expect(sdl).toContain("at most 50 distinct tags (MAX_TAGS)");
    expect(sdl).toMatch(/Deletes a case\. Its alerts are kept but unlinked: their caseId becomes null/);
  });
});
