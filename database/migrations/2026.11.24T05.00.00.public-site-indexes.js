'use strict';

/**
 * Indexes for the public site API: every filter and sort of `/api/site/*` and the open data
 * exports. Published versions are their own rows (`published_at` not null), so each index that
 * serves a listing carries `published_at`, and the sort columns follow the equality filters so a
 * page is read in index order. Created like the queue indexes: now on an existing database, right
 * after the schema sync on a fresh one.
 */
const { indexMigration } = require('./2026.11.24T01.00.00.queue-indexes');

const WEB = 'api::web-publication.web-publication';
const TRANSPARENCY = 'api::transparency-document.transparency-document';

const namingOf = (db, uid, fallbackTable) => {
  let meta = null;
  try {
    meta = db && db.metadata ? db.metadata.get(uid) : null;
  } catch {
    meta = null;
  }
  return {
    table: (meta && meta.tableName) || fallbackTable,
    column: (attribute, fallback) =>
      (meta && meta.attributes[attribute] && meta.attributes[attribute].columnName) || fallback,
  };
};

const indexesOf = (db) => {
  const web = namingOf(db, WEB, 'web_publications');
  const w = (attribute, fallback) => web.column(attribute, fallback);
  const docs = namingOf(db, TRANSPARENCY, 'transparency_documents');
  const t = (attribute, fallback) => docs.column(attribute, fallback);
  const index = (name, table, columns) => ({ name, table, columns });
  return [
    // Latest publications, and the count of a listing.
    index('cs_site_web_publications_published_idx', web.table, [
      w('publishedAt', 'published_at'),
      'id',
    ]),
    // One section, newest first (the site's section pages, the sections list).
    index('cs_site_web_publications_section_idx', web.table, [
      w('section', 'section'),
      w('publishedAt', 'published_at'),
      'id',
    ]),
    // News only / everything but news.
    index('cs_site_web_publications_news_idx', web.table, [
      w('isNews', 'is_news'),
      w('publishedAt', 'published_at'),
      'id',
    ]),
    // A publication's page by its slug.
    index('cs_site_web_publications_slug_idx', web.table, [
      w('slug', 'slug'),
      w('publishedAt', 'published_at'),
    ]),
    // Transparency portal: by fracción (and ejercicio), by ejercicio, and its default order.
    index('cs_site_transparency_fraccion_idx', docs.table, [
      t('fraccion', 'fraccion'),
      t('ejercicio', 'ejercicio'),
      t('periodStart', 'period_start'),
    ]),
    index('cs_site_transparency_ejercicio_idx', docs.table, [
      t('ejercicio', 'ejercicio'),
      t('periodStart', 'period_start'),
      'id',
    ]),
    index('cs_site_transparency_article_idx', docs.table, [
      t('article', 'article'),
      t('fraccion', 'fraccion'),
    ]),
    index('cs_site_transparency_published_idx', docs.table, [
      t('publishedAt', 'published_at'),
      t('documentId', 'document_id'),
    ]),
  ];
};

module.exports = indexMigration(indexesOf);
