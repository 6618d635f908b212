import { describe, expect, it } from "vitest";
import { parseValidationOptions, shouldReject, shouldValidate } from "../../../src/embedded-mongo/validation";

describe("validationLevel and validationAction", () => {
  it("validates every write under strict (the default), none under off", () => {
    expect(shouldValidate({ isUpdate: false })).toBe(true);
    expect(shouldValidate({ level: "strict", isUpdate: true, oldDocValid: false })).toBe(true);
    expect(shouldValidate({ level: "off", isUpdate: false })).toBe(false);
  });

  it("skips updates of already-invalid documents under moderate only", () => {
    expect(shouldValidate({ level: "moderate", isUpdate: true, oldDocValid: false })).toBe(false);
    expect(shouldValidate({ level: "moderate", isUpdate: true, oldDocValid: true })).toBe(true);
    expect(shouldValidate({ level: "moderate", isUpdate: false })).toBe(true);
  });

  it("rejects invalid writes unless the action is warn or validation is skipped", () => {
    expect(shouldReject({ isUpdate: false })).toBe(true);
    expect(shouldReject({ action: "errorAndLog", isUpdate: false })).toBe(true);
    expect(shouldReject({ action: "warn", isUpdate: false })).toBe(false);
    expect(shouldReject({ level: "off", action: "error", isUpdate: false })).toBe(false);
    expect(shouldReject({ level: "moderate", action: "error", isUpdate: true, oldDocValid: false })).toBe(
      false,
    );
    expect(shouldReject({ level: "moderate", action: "error", isUpdate: true, oldDocValid: true })).toBe(
      true,
    );
  });

  it("parses create/collMod options with mongod's defaults", () => {
    expect(parseValidationOptions({})).toEqual({ level: "strict", action: "error" });
    expect(parseValidationOptions({ validationLevel: "moderate", validationAction: "warn" })).toEqual({
      level: "moderate",
      action: "warn",
    });
    expect(() => parseValidationOptions({ validationLevel: "lenient" })).toThrowError(
      expect.objectContaining({ code: 2 }),
    );
  });
});
