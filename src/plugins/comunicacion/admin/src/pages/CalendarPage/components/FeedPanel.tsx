import * as React from 'react';
import { Box, Button, Dialog, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { ArrowClockwise, Duplicate } from '@strapi/icons';
import { ConfirmDialog, useClipboard, useNotification } from '@strapi/strapi/admin';
import { useT } from '../../../hooks/useT';
import { errorMessage } from '../../../services/api';
import { useCalendarFeed } from '../hooks/useCalendarFeed';

/** «Suscribirse desde el teléfono»: the private iCalendar address, copy it or replace it. */
export const FeedPanel = () => {
  const t = useT();
  const { url, error, isLoading, isRotating, rotate } = useCalendarFeed();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const [confirming, setConfirming] = React.useState(false);

  const handleCopy = async () => {
    if (!url) return;
    const copied = await copy(url);
    toggleNotification(
      copied
        ? { type: 'success', message: t('calendar.feed.copied', 'Dirección copiada.') }
        : {
            type: 'warning',
            message: t(
              'calendar.feed.copyFailed',
              'No se pudo copiar; selecciona la dirección y cópiala a mano.'
            ),
          }
    );
  };

  const handleRotate = async () => {
    try {
      await rotate();
      toggleNotification({
        type: 'success',
        message: t(
          'calendar.feed.rotated',
          'Nueva dirección generada. Vuelve a suscribirte en tu teléfono con ella.'
        ),
      });
    } catch (rotateError) {
      toggleNotification({
        type: 'danger',
        message:
          errorMessage(rotateError) ??
          t('calendar.feed.rotateFailed', 'No se pudo generar una nueva dirección.'),
      });
    } finally {
      setConfirming(false);
    }
  };

  return (
    <Box
      tag="section"
      aria-labelledby="calendar-feed-title"
      background="neutral0"
      shadow="tableShadow"
      hasRadius
      padding={6}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography id="calendar-feed-title" tag="h2" variant="delta">
            {t('calendar.feed.title', 'Suscribirse desde el teléfono')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t(
              'calendar.feed.description',
              'Agrega esta dirección como calendario suscrito en tu teléfono (Google Calendar: «Desde URL»; iPhone: Ajustes › Calendario › Cuentas › Añadir calendario suscrito). Verás las coberturas en las que participas. Es personal: no la compartas.'
            )}
          </Typography>
        </Flex>
        {error && !url ? (
          <Typography textColor="danger600">
            {errorMessage(error) ??
              t('calendar.feed.loadError', 'No se pudo obtener tu dirección de calendario.')}
          </Typography>
        ) : (
          <Flex gap={2} alignItems="flex-end" wrap="wrap">
            <Box flex="1 1 320px">
              <Field.Root
                name="feedUrl"
                hint={t('calendar.feed.url.hint', 'Dirección privada en formato iCalendar (.ics).')}
              >
                <Field.Label>{t('calendar.feed.url', 'Tu dirección de calendario')}</Field.Label>
                <TextInput
                  readOnly
                  value={url ?? ''}
                  placeholder={isLoading ? t('calendar.loading', 'Cargando…') : undefined}
                  data-testid="calendar-feed-url"
                  onFocus={(event: React.FocusEvent<HTMLInputElement>) => event.target.select()}
                />
                <Field.Hint />
              </Field.Root>
            </Box>
            <Button
              variant="secondary"
              startIcon={<Duplicate />}
              onClick={handleCopy}
              disabled={!url}
            >
              {t('calendar.feed.copy', 'Copiar dirección')}
            </Button>
            <Dialog.Root open={confirming} onOpenChange={setConfirming}>
              <Dialog.Trigger>
                <Button
                  variant="danger-light"
                  startIcon={<ArrowClockwise />}
                  disabled={!url || isRotating}
                  loading={isRotating}
                >
                  {t('calendar.feed.rotate', 'Generar nueva dirección')}
                </Button>
              </Dialog.Trigger>
              <ConfirmDialog
                title={t('calendar.feed.rotate.title', '¿Generar una nueva dirección?')}
                variant="danger"
                onConfirm={handleRotate}
              >
                {t(
                  'calendar.feed.rotate.confirm',
                  'La dirección actual dejará de funcionar de inmediato: los teléfonos suscritos con ella ya no recibirán las coberturas. Tendrás que suscribirte otra vez con la nueva. Úsalo si la dirección llegó a alguien más.'
                )}
              </ConfirmDialog>
            </Dialog.Root>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
