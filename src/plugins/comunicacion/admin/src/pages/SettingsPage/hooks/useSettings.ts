import * as React from 'react';
import type { Settings } from '../../../../../shared/contracts/configuration';
import {
  useGetOfficeSettingsQuery,
  useUpdateOfficeSettingsMutation,
} from '../../../services/configuration';

/** The office settings and a save that answers with what the server stored. */
export const useSettings = () => {
  const { data, error, isLoading } = useGetOfficeSettingsQuery();
  const [updateOfficeSettings] = useUpdateOfficeSettingsMutation();

  const save = React.useCallback(
    (body: Settings.UpdateBody) => updateOfficeSettings(body).unwrap(),
    [updateOfficeSettings]
  );

  return { settings: data, error, isLoading, save };
};
