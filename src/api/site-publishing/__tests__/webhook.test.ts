import crypto from 'node:crypto';
import { contentHash, retryDelayMs, signNotice } from '../webhook';

describe('avisos al sitio: espera entre intentos, firma y huella', () => {
  it('la espera empieza en 30 s, se duplica y no pasa de una hora, sin límite de intentos', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 50, 1000].map((n) => retryDelayMs(n) / 60_000);
    expect(minutes).toEqual([0.5, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });

  it('la firma es HMAC-SHA256 de «<timestamp>.<cuerpo>» y cambia con el secreto, la hora o el cuerpo', () => {
    const body = '{"id":1,"event":"publicacion.publicada"}';
    const expected = crypto
      .createHmac('sha256', 'secreto')
      .update(`1767225600.${body}`)
      .digest('hex');
    expect(signNotice('secreto', 1767225600, body)).toBe(`sha256=${expected}`);
    expect(signNotice('otro', 1767225600, body)).not.toBe(signNotice('secreto', 1767225600, body));
    expect(signNotice('secreto', 1767225601, body)).not.toBe(
      signNotice('secreto', 1767225600, body)
    );
    expect(signNotice('secreto', 1767225600, `${body} `)).not.toBe(
      signNotice('secreto', 1767225600, body)
    );
  });

  it('la huella es el SHA-256 conocido del texto', () => {
    expect(contentHash('abc')).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
    expect(contentHash(Buffer.from('Calimaya, Estado de México'))).toBe(
      contentHash('Calimaya, Estado de México')
    );
  });
});
