import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes cells with commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises text cells that a spreadsheet would run as formulas', () => {
    for (const text of ['=1+1', '+33', '-2', '@SUM(A1)', '\tx'])
      expect(csvCell(text)).toBe(`'${text}`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvCell(-1.225)).toBe('-1.225');
    expect(csvCell(70.33)).toBe('70.33');
  });

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
