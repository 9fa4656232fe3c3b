import { describe, expect, it } from "vitest";
import { mapClass, mapClassOf, projectOutlines } from "./map";

describe("mapClass", () => {
  it.each([
    [0, 0, "tanpa-regulasi"],
    [0, 5, "tanpa-regulasi"],
    [100, 0, "0-25"],
    [100, 24, "0-25"],
    [100, 25, "25-50"],
    [100, 50, "50-75"],
    [100, 75, "75-100"],
    [100, 99, "75-100"],
    [100, 100, "penuh"],
    [20000, 20000, "penuh"],
  ])("quota %i, counted %i → %s", (q, c, cls) => {
    expect(mapClass(q, c)).toBe(cls);
  });
});

describe("projectOutlines", () => {
  it("fits the outlines into the width, north up, keeping their proportions", () => {
    const square = (x: number, y: number) =>
      [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ] as [number, number][][];
    const out = projectOutlines(
      [
        { code: "a", name: "A", polygons: [square(106, -6)] },
        { code: "b", name: "B", polygons: [square(107, -6)] },
      ],
      200,
      0,
    );
    expect(out.width).toBe(200);
    // Two degrees of longitude (scaled by cos 5.5°) across, one of latitude down.
    expect(out.height).toBe(Math.round(100 / Math.cos((5.5 * Math.PI) / 180)));
    expect(out.paths.map((p) => p.code)).toEqual(["a", "b"]);
    expect(out.paths[0]!.d.startsWith("M0.0,")).toBe(true);
    expect(out.paths[1]!.d).toContain("200.0,");
  });
});

describe("mapClassOf (the contributions map)", () => {
  it.each([
    [false, 5, 10, "tanpa-regulasi"],
    [true, 0, 0, "0-25"],
    [true, 9, 10, "75-100"],
    [true, 10, 10, "penuh"],
    [true, 5, 10, "50-75"],
  ] as const)("regulated %s, %d of %d → %s", (regulated, part, whole, cls) => expect(mapClassOf(regulated, part, whole)).toBe(cls));
});
