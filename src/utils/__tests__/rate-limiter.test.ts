import { matchPrefix, normalisePath, underPrefix } from '../rate-limiter';

describe('normalisePath: la puerta que el enrutador entiende, se escriba como se escriba', () => {
  it.each([
    ['/api/approvals/x', '/api/approvals/x'],
    ['/API/APPROVALS/X', '/api/approvals/x'],
    ['//api//approvals///x/', '/api/approvals/x'],
    ['/api/%61pprovals/x', '/api/approvals/x'],
    ['/api/approvals%2Fx', '/api/approvals/x'],
    ['/api/%2561pprovals/x', '/api/approvals/x'],
    ['/api/./approvals/x', '/api/approvals/x'],
    ['/api/otra/../approvals/x', '/api/approvals/x'],
    ['/../../api/approvals/x', '/api/approvals/x'],
    ['/api\\approvals\\x', '/api/approvals/x'],
    ['/admin/login/', '/admin/login'],
    ['/api/%E0%A4%A', '/api/%e0%a4%a'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePath(raw)).toBe(expected);
  });

  it('un prefijo cubre su puerta y lo que cuelga de ella, no sus vecinas', () => {
    expect(underPrefix('/api/auth/local', '/api/auth/')).toBe(true);
    expect(underPrefix('/api/auth', '/api/auth/')).toBe(true);
    expect(underPrefix('/admin/login', '/admin/login')).toBe(true);
    expect(underPrefix('/admin/register-admin', '/admin/register')).toBe(false);
    expect(underPrefix('/api/authors', '/api/auth/')).toBe(false);
    expect(underPrefix('/cualquier/cosa', '/')).toBe(true);
  });

  it('una ruta cuenta para su puerta leída con y sin resolver los puntos', () => {
    const doors = ['/api/auth/', '/api/approvals/'];
    expect(matchPrefix('/api/approvals/x%2F..%2F..%2Fotra', doors)).toBe('/api/approvals/');
    expect(matchPrefix('/api/otra/../auth/local', doors)).toBe('/api/auth/');
    expect(matchPrefix('/API//Approvals/x', doors)).toBe('/api/approvals/');
    expect(matchPrefix('/api/oficios', doors)).toBeUndefined();
  });
});
