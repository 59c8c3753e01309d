import { AREAS } from '../../bootstrap/areas';
import { institutionalAddressProblem, suggestedAddress } from '../email-address';

describe('dirección de correo sugerida (se simplifica el nombre de la dependencia)', () => {
  it('quita acentos, artículos, preposiciones y palabras genéricas', () => {
    expect(suggestedAddress({ name: 'Dirección de Cultura', shortName: 'DC' })).toBe(
      'cultura@calimaya.gob.mx'
    );
    expect(suggestedAddress({ name: 'Dirección de Desarrollo Urbano', shortName: 'DDU' })).toBe(
      'desarrollourbano@calimaya.gob.mx'
    );
    expect(suggestedAddress({ name: 'Tesorería Municipal', shortName: 'TM' })).toBe(
      'tesoreria@calimaya.gob.mx'
    );
    expect(
      suggestedAddress({
        name: 'Coordinación Municipal de Protección Civil y Bomberos',
        shortName: 'PC',
      })
    ).toBe('proteccioncivilbomberos@calimaya.gob.mx');
  });

  it('la ñ se escribe n y los símbolos desaparecen', () => {
    expect(suggestedAddress({ name: 'Unidad de Diseño, Señalética & Imagen' })).toBe(
      'disenosenaleticaimagen@calimaya.gob.mx'
    );
  });

  it('un nombre largo se sustituye por su nombre corto', () => {
    expect(
      suggestedAddress({
        name: 'Sistema Municipal para el Desarrollo Integral de la Familia',
        shortName: 'SMDIF',
      })
    ).toBe('smdif@calimaya.gob.mx');
    // Without a short name the long name is kept.
    expect(suggestedAddress({ name: 'Sistema para el Desarrollo Integral de la Familia' })).toBe(
      'sistemadesarrollointegralfamilia@calimaya.gob.mx'
    );
  });

  it('sin nombre ni nombre corto no hay sugerencia', () => {
    expect(suggestedAddress({ name: 'Dirección de la', shortName: '' })).toBeNull();
    expect(suggestedAddress({})).toBeNull();
  });

  it('cada área sembrada recibe una dirección válida y distinta', () => {
    const addresses = AREAS.map((area) => suggestedAddress(area));
    for (const address of addresses) {
      expect(address).not.toBeNull();
      expect(institutionalAddressProblem(address as string)).toBeNull();
    }
    expect(new Set(addresses).size).toBe(AREAS.length);
    const byName = Object.fromEntries(AREAS.map((area, i) => [area.shortName, addresses[i]]));
    expect(byName).toMatchObject({
      PM: 'presidencia@calimaya.gob.mx',
      ST: 'secretariatecnica@calimaya.gob.mx',
      DOP: 'obraspublicas@calimaya.gob.mx',
      IMM: 'institutomujer@calimaya.gob.mx',
      UT: 'transparenciaaccesoinformacion@calimaya.gob.mx',
      DCSGD: 'dcsgd@calimaya.gob.mx',
      OPDAPAS: 'opdapas@calimaya.gob.mx',
      IMCUFIDEC: 'imcufidec@calimaya.gob.mx',
    });
  });
});

describe('dirección institucional válida', () => {
  it('acepta una dirección del dominio del municipio', () => {
    expect(institutionalAddressProblem('cultura@calimaya.gob.mx')).toBeNull();
    expect(institutionalAddressProblem('enlace.cultura-2@calimaya.gob.mx')).toBeNull();
  });

  it('rechaza otro dominio, mayúsculas, acentos o símbolos', () => {
    expect(institutionalAddressProblem('cultura@gmail.com')).toMatch(/@calimaya\.gob\.mx/);
    expect(institutionalAddressProblem('cultura')).toMatch(/falta/);
    expect(institutionalAddressProblem('Cultura@calimaya.gob.mx')).toMatch(/minúsculas/);
    expect(institutionalAddressProblem('educación@calimaya.gob.mx')).toMatch(/minúsculas/);
    expect(institutionalAddressProblem('a..b@calimaya.gob.mx')).toMatch(/no es una dirección/);
  });
});
