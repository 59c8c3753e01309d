import { buildCalendar, escapeText, foldLine, icalDateTime } from '../ical';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');

describe('iCalendar (RFC 5545)', () => {
  it('escapa barra invertida, punto y coma, coma y saltos de línea', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('dobla en 75 octetos sin partir un carácter de varios bytes', () => {
    const line = `DESCRIPTION:${'ñ'.repeat(100)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    lines.forEach((part) => expect(octets(part)).toBeLessThanOrEqual(75));
    lines.slice(1).forEach((part) => expect(part.startsWith(' ')).toBe(true));
    // Unfolding gives the line back, so no character was split.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:corto')).toBe('SUMMARY:corto');
  });

  it('escribe fechas en UTC y un calendario con CRLF', () => {
    expect(icalDateTime(new Date('2027-03-01T15:00:00.000Z'))).toBe('20270301T150000Z');
    const text = buildCalendar({
      name: 'Coberturas',
      events: [
        {
          uid: 'abc@calimaya',
          stamp: new Date('2027-01-01T00:00:00Z'),
          start: new Date('2027-03-01T15:00:00Z'),
          end: new Date('2027-03-01T17:00:00Z'),
          summary: 'Informe',
          location: null,
          description: null,
          status: 'CONFIRMED',
        },
      ],
    });
    expect(text.split('\r\n')).toEqual(
      expect.arrayContaining([
        'BEGIN:VEVENT',
        'UID:abc@calimaya',
        'DTSTART:20270301T150000Z',
        'DTEND:20270301T170000Z',
        'STATUS:CONFIRMED',
      ])
    );
    expect(text).not.toMatch(/LOCATION|DESCRIPTION/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
