import { filenameOf } from '../contentDisposition';

describe('nombre del archivo exportado (Content-Disposition)', () => {
  it('toma el nombre entre comillas', () => {
    expect(filenameOf('attachment; filename="oficios-2027-01-04.csv"', 'x.csv')).toBe(
      'oficios-2027-01-04.csv'
    );
  });

  it('toma el nombre sin comillas', () => {
    expect(filenameOf('attachment; filename=bandeja-recepcion.xlsx', 'x.xlsx')).toBe(
      'bandeja-recepcion.xlsx'
    );
  });

  it('prefiere la forma UTF-8, que conserva los acentos', () => {
    expect(
      filenameOf(
        `attachment; filename="bandeja-revision.csv"; filename*=UTF-8''bandeja-revisi%C3%B3n.csv`,
        'x.csv'
      )
    ).toBe('bandeja-revisión.csv');
  });

  it('sin encabezado, o con un escape roto y sin otro nombre, usa el nombre de respaldo', () => {
    expect(filenameOf(null, 'exportacion.csv')).toBe('exportacion.csv');
    expect(filenameOf('attachment', 'exportacion.csv')).toBe('exportacion.csv');
    expect(filenameOf(`attachment; filename*=UTF-8''%E0%A4%A.csv`, 'exportacion.csv')).toBe(
      'exportacion.csv'
    );
  });
});
