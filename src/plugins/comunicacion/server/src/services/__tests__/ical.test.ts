import { buildCalendar, type IcalEvent } from '../ical';

const octets = (line: string) => Buffer.byteLength(line, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');
/** Unfolded content lines, without the final empty string after the last CRLF. */
const contentLines = (text: string) => unfold(text).split('\r\n').slice(0, -1);

const EVENT: IcalEvent = {
  uid: 'abc@calimaya',
  stamp: new Date('2027-01-01T00:00:00Z'),
  start: new Date('2027-03-01T15:00:00Z'),
  end: new Date('2027-03-01T17:00:00Z'),
  summary: 'Informe',
  location: null,
  description: null,
  status: 'CONFIRMED',
};

const calendarOf = (event: Partial<IcalEvent>, name = 'Coberturas') =>
  buildCalendar({ name, events: [{ ...EVENT, ...event }] });

describe('iCalendar (RFC 5545)', () => {
  it('escapa barra invertida, punto y coma, coma y saltos de línea en título, lugar y descripción', () => {
    const text = calendarOf({
      summary: 'a\\b; c, d\ne\r\nf',
      location: 'Plaza Juárez, portal 3; planta baja',
      description: 'Folio: CS-1\nÁrea: Cultura',
    });
    const lines = contentLines(text);
    expect(lines).toContain('SUMMARY:a\\\\b\\; c\\, d\\ne\\nf');
    expect(lines).toContain('LOCATION:Plaza Juárez\\, portal 3\\; planta baja');
    expect(lines).toContain('DESCRIPTION:Folio: CS-1\\nÁrea: Cultura');
  });

  it('un título con BEGIN:VEVENT no abre otro evento ni cambia propiedades', () => {
    const text = calendarOf({
      summary: 'Cobertura\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:intruso\nSUMMARY:falso',
      location: 'Sala\rSTATUS:CANCELLED',
    });
    const lines = contentLines(text);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.filter((line) => line === 'END:VEVENT')).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual(['UID:abc@calimaya']);
    expect(lines.filter((line) => line.startsWith('STATUS:'))).toEqual(['STATUS:CONFIRMED']);
    expect(lines).toContain(
      'SUMMARY:Cobertura\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:intruso\\nSUMMARY:falso'
    );
    // No bare CR or LF outside the CRLF line ends
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('el nombre del calendario también se escapa', () => {
    const text = calendarOf({}, 'Coberturas · Ana\r\nBEGIN:VEVENT; de, prueba');
    const lines = contentLines(text);
    expect(lines).toContain('X-WR-CALNAME:Coberturas · Ana\\nBEGIN:VEVENT\\; de\\, prueba');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('dobla en 75 octetos sin partir un carácter de varios bytes', () => {
    const summary = `Cobertura de la ${'ñandú '.repeat(30)}🎉 fin`;
    const place = 'Explanada'.repeat(20);
    const text = calendarOf({ summary, location: place });
    const lines = text.split('\r\n').slice(0, -1);
    lines.forEach((part) => expect(octets(part)).toBeLessThanOrEqual(75));
    const continued = lines.filter((part) => part.startsWith(' '));
    expect(continued.length).toBeGreaterThan(3);
    // Unfolding gives the lines back, so no character was split.
    expect(contentLines(text)).toContain(`SUMMARY:${summary}`);
    expect(contentLines(text)).toContain(`LOCATION:${place}`);
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('escribe fechas en UTC y un calendario con CRLF', () => {
    const text = calendarOf({});
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n')).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Coberturas',
        'BEGIN:VEVENT',
        'UID:abc@calimaya',
        'DTSTAMP:20270101T000000Z',
        'LAST-MODIFIED:20270101T000000Z',
        'DTSTART:20270301T150000Z',
        'DTEND:20270301T170000Z',
        'SUMMARY:Informe',
        'STATUS:CONFIRMED',
        'END:VEVENT',
      ])
    );
    expect(text).not.toMatch(/LOCATION|DESCRIPTION|TZID/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('marca las coberturas por confirmar y las canceladas', () => {
    expect(contentLines(calendarOf({ status: 'TENTATIVE' }))).toContain('STATUS:TENTATIVE');
    expect(contentLines(calendarOf({ status: 'CANCELLED' }))).toContain('STATUS:CANCELLED');
  });
});
