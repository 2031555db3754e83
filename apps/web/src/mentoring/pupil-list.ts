// Reads a pasted list or a CSV of pupils: "Prénom;Nom;Année" per line (";", "," or tab).
export interface ParsedPupil {
  line: number;
  firstName: string;
  lastName: string;
  birthYear: number;
}

export interface ParseResult {
  pupils: ParsedPupil[];
  /** Line numbers (1-based) that could not be read. */
  invalidLines: number[];
}

export function parsePupilList(text: string, now = new Date()): ParseResult {
  const pupils: ParsedPupil[] = [];
  const invalidLines: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(/[;,\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    const [firstName = '', lastName = '', year = ''] = cells;
    const birthYear = Number(year);
    // A header row ("Prénom;Nom;Année") is skipped rather than reported.
    if (index === 0 && !/^\d+$/.test(year)) return;
    const age = now.getFullYear() - birthYear;
    if (!firstName || !lastName || !Number.isInteger(birthYear) || age < 10 || age > 20) {
      invalidLines.push(index + 1);
      return;
    }
    pupils.push({ line: index + 1, firstName, lastName, birthYear });
  });
  return { pupils, invalidLines };
}
