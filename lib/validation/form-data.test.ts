import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("keeps single values, groups [] keys into arrays and drops Next's action keys", () => {
    const fd = new FormData();
    fd.append("name", "Siti");
    fd.append("districtCodes[]", "36.71.01");
    fd.append("districtCodes[]", "36.71.05");
    fd.append("one[]", "x");
    fd.append("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({ name: "Siti", districtCodes: ["36.71.01", "36.71.05"], one: ["x"] });
  });

  it("gives an empty object for an empty form", () => {
    expect(formDataToObject(new FormData())).toEqual({});
  });
});
