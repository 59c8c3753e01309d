/**
 * Markdown sencillo a nodos del DOM: párrafos, encabezados, listas, citas, enlaces, negritas,
 * cursivas y código. Cada texto entra con `textContent`, así que el HTML del contenido se muestra
 * tal cual y nunca se ejecuta; los enlaces solo aceptan http, https, mailto, tel y rutas relativas.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** El destino de un enlace si es seguro, o `null`. */
export const safeHref = (raw) => {
  const href = String(raw || '').trim();
  if (!href) return null;
  try {
    const url = new URL(href, window.location.href);
    return SAFE_PROTOCOLS.has(url.protocol) ? href : null;
  } catch {
    return null;
  }
};

// Orden de preferencia: código, enlace, negrita, cursiva.
const INLINE =
  /`([^`\n]+)`|\[([^\]\n]+)\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)|(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\4|(?<![\w*])\*(?=[^\s*])([\s\S]+?)(?<=[^\s*])\*(?!\*)|(?<![\w_])_(?=[^\s_])([\s\S]+?)(?<=[^\s_])_(?![\w_])|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

const unescape = (text) => text.replace(/\\([\\`*_[\]()#+\-.!>])/g, '$1');

/** Nodos de una línea de texto con formato en línea. */
export const renderInline = (text) => {
  const nodes = [];
  let last = 0;
  // matchAll works on its own copy of the expression, so the recursive calls do not interfere.
  for (const match of String(text).matchAll(INLINE)) {
    if (match.index > last)
      nodes.push(document.createTextNode(unescape(text.slice(last, match.index))));
    const [whole, code, linkText, linkHref, , strong, em, em2, bare] = match;
    if (code !== undefined) {
      const element = document.createElement('code');
      element.textContent = code;
      nodes.push(element);
    } else if (linkText !== undefined) {
      const href = safeHref(linkHref);
      if (href) {
        const a = document.createElement('a');
        a.setAttribute('href', href);
        a.append(...renderInline(linkText));
        nodes.push(a);
      } else {
        nodes.push(...renderInline(linkText));
      }
    } else if (strong !== undefined) {
      const element = document.createElement('strong');
      element.append(...renderInline(strong));
      nodes.push(element);
    } else if (em !== undefined || em2 !== undefined) {
      const element = document.createElement('em');
      element.append(...renderInline(em !== undefined ? em : em2));
      nodes.push(element);
    } else if (bare !== undefined) {
      const a = document.createElement('a');
      a.setAttribute('href', bare);
      a.textContent = bare;
      nodes.push(a);
    } else {
      nodes.push(document.createTextNode(whole));
    }
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(unescape(text.slice(last))));
  return nodes;
};

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/**
 * Un fragmento con el contenido. `headingOffset` baja los encabezados del texto (un «#» del
 * contenido es un `<h2>` en una página cuyo `<h1>` es el título).
 */
export const renderMarkdown = (source, { headingOffset = 1 } = {}) => {
  const fragment = document.createDocumentFragment();
  const lines = String(source || '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let paragraph = [];
  let list = null;
  let quote = [];

  const flushParagraph = () => {
    if (!paragraph.length) return;
    const p = document.createElement('p');
    paragraph.forEach((line, index) => {
      if (index > 0) p.append(paragraph[index - 1].hard ? document.createElement('br') : ' ');
      p.append(...renderInline(line.text));
    });
    fragment.append(p);
    paragraph = [];
  };
  const flushList = () => {
    if (list) fragment.append(list.element);
    list = null;
  };
  const flushQuote = () => {
    if (!quote.length) return;
    const blockquote = document.createElement('blockquote');
    blockquote.append(renderMarkdown(quote.join('\n'), { headingOffset }));
    fragment.append(blockquote);
    quote = [];
  };
  const flushAll = () => {
    flushParagraph();
    flushList();
    flushQuote();
  };

  for (const line of lines) {
    const quoted = QUOTE.exec(line);
    if (quoted) {
      flushParagraph();
      flushList();
      quote.push(quoted[1]);
      continue;
    }
    flushQuote();

    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    if (RULE.test(line)) {
      flushAll();
      fragment.append(document.createElement('hr'));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushAll();
      const level = Math.min(6, heading[1].length + headingOffset);
      const element = document.createElement(`h${level}`);
      element.append(...renderInline(heading[2]));
      fragment.append(element);
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    if (bullet || ordered) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (!list || list.tag !== tag) {
        flushList();
        list = { tag, element: document.createElement(tag) };
        if (ordered && ordered[1] !== '1') list.element.setAttribute('start', ordered[1]);
      }
      const item = document.createElement('li');
      item.append(...renderInline(bullet ? bullet[1] : ordered[2]));
      list.element.append(item);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // Continuación de un elemento de lista.
      const item = list.element.lastElementChild;
      item.append(' ', ...renderInline(line.trim()));
      continue;
    }
    flushList();
    paragraph.push({ text: line.trim(), hard: / {2,}$/.test(line) });
  }
  flushAll();
  return fragment;
};
