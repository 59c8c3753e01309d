import { Parser } from 'htmlparser2';
import { isSafeLink, renderMarkdown } from '../markdown';

/** The elements a browser would build from the HTML, with their attributes. */
const elementsOf = (html: string) => {
  const elements: { tag: string; attributes: Record<string, string> }[] = [];
  const parser = new Parser({
    onopentag: (tag, attributes) => elements.push({ tag, attributes }),
  });
  parser.write(html);
  parser.end();
  return elements;
};

describe('renderMarkdown: texto del sitio público como HTML saneado', () => {
  it('párrafos, encabezados un nivel abajo, listas, énfasis y enlaces como siempre', () => {
    const html = renderMarkdown(
      [
        '# Requisitos',
        '',
        'Podrán participar estudiantes **inscritos** con promedio de *ocho* o _más_.',
        'Segunda línea del párrafo.',
        '',
        '- Acta de nacimiento',
        '- Constancia de estudios',
        '',
        '3. Tercero',
        '4. Cuarto',
        '',
        '> Cita del reglamento',
        '',
        'Consulta [el portal del Estado](https://edomex.gob.mx/becas), escribe a',
        '[la oficina](mailto:comunicacion@calimaya.gob.mx), llama al [722 000 0000](tel:7220000000),',
        've [la sección](/sitio/seccion.html?nombre=Cultura) o entra a https://calimaya.gob.mx/avisos.',
        '',
        'Usa `código` y ~~tachado~~.',
        '',
        '---',
      ].join('\n')
    );
    expect(html).toContain('<h2>Requisitos</h2>');
    expect(html).toContain(
      '<p>Podrán participar estudiantes <strong>inscritos</strong> con promedio de <em>ocho</em> o <em>más</em>.\nSegunda línea del párrafo.</p>'
    );
    expect(html).toContain(
      '<ul>\n<li>Acta de nacimiento</li>\n<li>Constancia de estudios</li>\n</ul>'
    );
    expect(html).toContain('<ol start="3">\n<li>Tercero</li>\n<li>Cuarto</li>\n</ol>');
    expect(html).toContain('<blockquote>\n<p>Cita del reglamento</p>\n</blockquote>');
    expect(html).toContain(
      '<a href="https://edomex.gob.mx/becas" rel="noopener noreferrer">el portal del Estado</a>'
    );
    expect(html).toContain('<a href="mailto:comunicacion@calimaya.gob.mx">la oficina</a>');
    expect(html).toContain('<a href="tel:7220000000">722 000 0000</a>');
    expect(html).toContain('<a href="/sitio/seccion.html?nombre=Cultura">la sección</a>');
    expect(html).toContain(
      '<a href="https://calimaya.gob.mx/avisos" rel="noopener noreferrer">https://calimaya.gob.mx/avisos</a>.'
    );
    expect(html).toContain('<code>código</code>');
    expect(html).toContain('<s>tachado</s>');
    expect(html).toContain('<hr />');
  });

  it('un texto vacío no produce nada', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown(null)).toBe('');
    expect(renderMarkdown(undefined)).toBe('');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'],
    ['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'],
    ['<iframe src="https://ataque.example"></iframe>', '&lt;iframe'],
    ['<div style="position:fixed">cubre la página</div>', '&lt;div style="position:fixed"&gt;'],
  ])('el HTML escrito en el texto se muestra como texto: %s', (source, shown) => {
    const html = renderMarkdown(source);
    expect(html).toContain(shown);
    // Only a paragraph, and a link when the text holds a plain https address
    for (const { tag, attributes } of elementsOf(html)) {
      expect(['p', 'a']).toContain(tag);
      for (const name of Object.keys(attributes)) expect(['href', 'rel']).toContain(name);
      if (attributes.href) expect(attributes.href).toMatch(/^https:\/\//);
    }
  });

  it.each([
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](data:image/png;base64,iVBORw0KGgo=)',
    '[x](file:///etc/passwd)',
    '[x](//ataque.example/)',
    '<javascript:alert(1)>',
    'javascript:alert(1)',
    '![x](javascript:alert(1))',
  ])('un enlace o imagen peligrosos no llegan como enlace ni imagen: %s', (source) => {
    const html = renderMarkdown(source);
    expect(elementsOf(html).map((element) => element.tag)).toEqual(['p']);
  });

  it('una imagen no se carga de otro servidor: queda como enlace, como siempre', () => {
    expect(renderMarkdown('![x](https://rastreo.example/pixel.png)')).toBe(
      '<p>!<a href="https://rastreo.example/pixel.png" rel="noopener noreferrer">x</a></p>'
    );
  });

  it('los atributos inventados en un enlace no pasan', () => {
    const html = renderMarkdown('[x](https://calimaya.gob.mx "título\\" onmouseover=\\"alert(1)")');
    expect(html).toMatch(
      /^<p><a href="https:\/\/calimaya\.gob\.mx" title="[^"]*" rel="noopener noreferrer">x<\/a><\/p>$/
    );
    const [, link] = elementsOf(html);
    expect(link.tag).toBe('a');
    expect(Object.keys(link.attributes)).toEqual(['href', 'title', 'rel']);
    expect(link.attributes.title).toBe('título" onmouseover="alert(1)');
  });

  it('isSafeLink admite http, https, mailto, tel y rutas del sitio, nada más', () => {
    for (const url of [
      'https://a.mx',
      'http://a.mx',
      'mailto:a@b.mx',
      'tel:722',
      '/sitio/',
      'pagina.html',
      '#arriba',
    ]) {
      expect(isSafeLink(url)).toBe(true);
    }
    for (const url of [
      'javascript:x',
      ' javascript:x',
      'java\nscript:x',
      'data:text/html,x',
      '//a.mx',
      '/\\a.mx',
      '\\\\a.mx',
      'ftp://a.mx',
    ]) {
      expect(isSafeLink(url)).toBe(false);
    }
  });
});
