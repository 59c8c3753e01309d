import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useApi } from '../../../hooks/useApi';
import type { Settings, SettingsDto } from '../../../../../shared/contracts/configuration';

/** The office settings and a save that answers with what the server stored. */
export const useSettings = () => {
  const { put } = useFetchClient();
  const { data, error, isLoading } = useApi<Settings.Response>('/comunicacion/settings');
  const [saved, setSaved] = React.useState<SettingsDto | null>(null);

  const save = React.useCallback(
    async (body: Settings.UpdateBody) => {
      const response = await put<Settings.Response>('/comunicacion/settings', body);
      setSaved(response.data.data);
      return response.data.data;
    },
    [put]
  );

  return { settings: saved ?? data?.data, error, isLoading, save };
};
