import { describe, expect, it } from "vitest";
import { resolveTimeZone } from "../../src/pipelines/resolve-time-zone";

/** Time-zone arguments are resolved once per spelling (remembered), and refused every time they are unknown. */
describe("resolveTimeZone, repeated", () => {
  it("gives the canonical spelling on every call, the first and the remembered ones", () => {
    for (let i = 0; i < 3; i++) {
      expect(resolveTimeZone("europe/berlin")).toBe("Europe/Berlin");
      expect(resolveTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
      expect(resolveTimeZone("Etc/UTC")).toBe("UTC");
    }
  });

  it("refuses an unknown zone on every call, naming the argument", () => {
    for (let i = 0; i < 3; i++) {
      expect(() => resolveTimeZone("Mars/Olympus_Mons", "timeBucket.timezone")).toThrowError(
        /timeBucket\.timezone: "Mars\/Olympus_Mons" is not a known IANA time zone/,
      );
    }
  });
});
