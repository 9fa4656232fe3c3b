import { describe, expect, it } from "vitest";
import { neutralizeFormula } from "./spreadsheet";

describe("neutralizeFormula", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+62812", "'+62812"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["Siti Rahmawati", "Siti Rahmawati"],
    ["3671051203850001", "3671051203850001"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });
});
