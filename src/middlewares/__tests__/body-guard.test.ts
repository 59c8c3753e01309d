import { inspectValue } from '../body-guard';

describe('revisión de cuerpos y consultas', () => {
  const nested = (levels: number) => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('admite lo anidado hasta el límite y rechaza un nivel más', () => {
    expect(inspectValue(nested(32), 32)).toBeUndefined();
    expect(inspectValue(nested(33), 32)).toEqual({ problem: 'depth' });
  });

  it('recorre 100 000 niveles sin agotar la pila', () => {
    expect(inspectValue(nested(100_000), 32)).toEqual({ problem: 'depth' });
  });

  it('encuentra claves de prototipo a cualquier profundidad', () => {
    const value = JSON.parse('{"data":{"list":[{"ok":1},{"constructor":{"prototype":1}}]}}');
    expect(inspectValue(value, 32)).toEqual({ problem: 'key', key: 'constructor' });
    expect(inspectValue(JSON.parse('{"__proto__":{"x":1}}'), 32)).toEqual({
      problem: 'key',
      key: '__proto__',
    });
  });

  it('encuentra un carácter nulo en un valor o en una clave', () => {
    expect(inspectValue({ a: ['x', 'y\u0000'] }, 32)).toEqual({ problem: 'nul' });
    expect(inspectValue({ ['k\u0000']: 1 }, 32)).toEqual({ problem: 'nul' });
  });

  it('deja pasar datos normales, textos y búferes', () => {
    expect(inspectValue({ data: { title: 'Cartel', tags: ['a', 'b'] } }, 32)).toBeUndefined();
    expect(inspectValue('texto', 32)).toBeUndefined();
    expect(inspectValue(Buffer.from('x'), 32)).toBeUndefined();
  });
});
