import * as React from 'react';
import { Box, Searchbar } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { useLazySearchOficiosQuery } from '../services/search';

const normalized = (text: string) => text.trim().toUpperCase();

/**
 * The plugin's one search box: Enter opens the oficio when the text is exactly its folio and it is
 * the only match, and the «Oficios» page with the text as its search otherwise. Phones, where the
 * plugin's navigation is hidden, get it at the top of Bandejas (`inPage`).
 */
export const OficioSearchBox = ({ inPage = false }: { inPage?: boolean }) => {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = React.useState('');
  const [search, { isFetching }] = useLazySearchOficiosQuery();

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = text.trim();
    if (!q) return;
    const results = `/plugins/${PLUGIN_ID}/oficios?${new URLSearchParams({ q }).toString()}`;
    try {
      const found = await search({ q, pageSize: '2' }).unwrap();
      const [only] = found.data;
      if (found.data.length === 1 && normalized(only.folio) === normalized(q)) {
        setText('');
        navigate(`/plugins/${PLUGIN_ID}/oficios/${only.documentId}`);
        return;
      }
    } catch {
      // The «Oficios» page shows the search and its error.
    }
    navigate(results);
  };

  return (
    // In the navigation it lines up with the links; in a page (phones, where the navigation is
    // hidden) with the content.
    <Box paddingLeft={inPage ? 0 : 5} paddingRight={inPage ? 0 : 5} paddingBottom={2}>
      <form role="search" onSubmit={submit} aria-busy={isFetching}>
        <Searchbar
          name="oficio-search"
          size="S"
          value={text}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
          onClear={() => setText('')}
          clearLabel={t('search.clear', 'Borrar búsqueda')}
          placeholder={t('search.placeholder', 'Folio o asunto')}
        >
          {t('search.label', 'Buscar oficios por folio, asunto o referencia')}
        </Searchbar>
      </form>
    </Box>
  );
};
