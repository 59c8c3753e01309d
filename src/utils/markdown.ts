/**
 * Markdown of the public site's texts (publication bodies, transparency documents, survey
 * descriptions) as HTML the site may insert: markdown-it renders it with raw HTML off, and
 * sanitize-html keeps only the tags markdown-it produces, so a typed `<script>` or
 * `javascript:` link never reaches a citizen's browser as markup.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Schemes a link may use; a link without a scheme is a path on the site itself. */
const SAFE_SCHEMES = ['http', 'https', 'mailto', 'tel'];

/** True for `https://…`, `mailto:…`, `tel:…` and site paths; false for anything else. */
export const isSafeLink = (url: string) => {
  // Browsers skip controls and spaces inside a scheme (`java\tscript:`): so does this check.
  const compact = [...url]
    .filter((char) => {
      const code = char.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('');
  // `//host` and `/\host` leave the site for any host: an external link must say https.
  if (/^[\\/]{2}/.test(compact)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return !scheme || SAFE_SCHEMES.includes(scheme[1].toLowerCase());
};

const markdown = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
});
// Only addresses written with their scheme become links, as the site always did
// (`www.example.com` and bare e-mail addresses stay text).
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
// Images would load from any host: `![texto](url)` stays a link, as before.
markdown.disable('image');
markdown.validateLink = isSafeLink;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'blockquote',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'hr',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
      };
    },
  },
};

export interface MarkdownOptions {
  /**
   * Levels the text's headings go down: a `#` of the text is an `<h2>` on a page whose `<h1>` is
   * the title. 1 unless told.
   */
  headingOffset?: number;
}

/** The text as sanitised HTML; an empty string for no text. */
export const renderMarkdown = (
  source: string | null | undefined,
  { headingOffset = 1 }: MarkdownOptions = {}
): string => {
  if (!source) return '';
  const tokens = markdown.parse(source, {});
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Number(token.tag.slice(1)) + headingOffset);
      token.tag = `h${level}`;
    }
  }
  const html = markdown.renderer.render(tokens, markdown.options, {});
  return sanitizeHtml(html, SANITIZE).trim();
};
