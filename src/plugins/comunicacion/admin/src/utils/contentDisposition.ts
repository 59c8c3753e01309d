/**
 * The file name a download's `Content-Disposition` header gives, the RFC 5987 form
 * (`filename*=UTF-8''…`, which carries accents) before the plain one; `fallback` without either.
 */
export const filenameOf = (disposition: string | null | undefined, fallback: string) => {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*utf-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;\s]+)/i.exec(disposition);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim() : fallback;
};
