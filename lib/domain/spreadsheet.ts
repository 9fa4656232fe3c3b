// Cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading apostrophe
// so an exported name like "=HYPERLINK(...)" stays text (CSV/formula injection).
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
