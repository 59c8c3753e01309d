import type { Core } from '@strapi/strapi';
import { uploadBuffer } from '../utils/upload-buffer';

const LOGO_UID = 'api::logo.logo';

/** The municipality's institutional logos a request may ask for, in their usual order. */
export const INSTITUTIONAL_LOGOS: readonly { code: string; name: string; colour: string }[] = [
  { code: 'ayuntamiento', name: 'Ayuntamiento de Calimaya', colour: '#7a1f3d' },
  { code: 'smdif', name: 'SMDIF Calimaya', colour: '#1f5f7a' },
  { code: 'opdapas', name: 'OPDAPAS Calimaya', colour: '#1f7a5a' },
  { code: 'imcufidec', name: 'IMCUFIDEC', colour: '#7a5a1f' },
];

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A placeholder image with the logo's name, for staff to replace with the real artwork. */
export const placeholderSvg = (name: string, colour: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="240" viewBox="0 0 480 240">` +
  `<rect width="480" height="240" rx="16" fill="${colour}"/>` +
  `<text x="240" y="112" font-family="sans-serif" font-size="28" fill="#fff" text-anchor="middle">` +
  `${escapeXml(name)}</text>` +
  `<text x="240" y="156" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">` +
  `Imagen provisional: reemplázala por el logotipo oficial</text></svg>\n`;

const uploadPlaceholder = async (
  strapi: Core.Strapi,
  code: string,
  name: string,
  colour: string
) => {
  const filename = `logo-${code}-provisional.svg`;
  const file = await uploadBuffer(strapi, placeholderSvg(name, colour), {
    name: filename,
    mimetype: 'image/svg+xml',
    fileInfo: { alternativeText: `Logotipo: ${name}` },
  });
  return file.id;
};

/**
 * Seeds the catalogue of institutional logos once each, with a placeholder image generated here
 * (no network). A logo already seeded, or one staff created with the same name, is never touched
 * again: staff replace the images, rename, reorder or deactivate them at will.
 */
export const seedLogos = async ({ strapi }: { strapi: Core.Strapi }) => {
  const store = strapi.store({ type: 'core', name: 'comunicacion', key: 'logos-seeded' });
  const seeded = new Set<string>(((await store.get({})) as string[] | null) ?? []);
  const pending = INSTITUTIONAL_LOGOS.filter((logo) => !seeded.has(logo.code));
  if (pending.length === 0) return;
  for (const logo of pending) {
    const existing = await strapi.db.query(LOGO_UID).findOne({
      where: { $or: [{ code: logo.code }, { name: logo.name }] },
      select: ['id'],
    });
    if (!existing) {
      const image = await uploadPlaceholder(strapi, logo.code, logo.name, logo.colour);
      await strapi.documents(LOGO_UID).create({
        data: {
          code: logo.code,
          name: logo.name,
          image,
          order: INSTITUTIONAL_LOGOS.indexOf(logo) + 1,
          active: true,
        } as never,
      });
    }
    seeded.add(logo.code);
  }
  await store.set({ value: [...seeded].sort() });
};
