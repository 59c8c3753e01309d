import * as React from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

type Values = Record<string, string | number>;

/** The plugin's message lookup: `t('queues.title', 'Bandejas')`, Spanish default inline. */
export const useT = () => {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (id: string, defaultMessage: string, values?: Values) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
};
