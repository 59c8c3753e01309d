import * as React from 'react';
import type { Settings } from '../../../../../shared/contracts/configuration';
import { useGetSettingsQuery, useUpdateSettingsMutation } from '../../../services/configuration';

/** The office settings and a save that answers with what the server stored. */
export const useSettings = () => {
  const { data, error, isLoading } = useGetSettingsQuery();
  const [updateSettings] = useUpdateSettingsMutation();

  const save = React.useCallback(
    (body: Settings.UpdateBody) => updateSettings(body).unwrap(),
    [updateSettings]
  );

  return { settings: data, error, isLoading, save };
};
