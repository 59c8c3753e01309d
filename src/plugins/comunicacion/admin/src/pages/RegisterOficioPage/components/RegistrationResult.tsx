import { Alert, Box, Button, Flex, LinkButton, Typography } from '@strapi/design-system';
import { ArrowRight, FilePdf, Plus } from '@strapi/icons';
import { NavLink } from 'react-router-dom';
import type { RegisterOficio } from '../../../../../shared/contracts/intake';
import { LeadTimeNote } from '../../../components/ServiceChecklist';
import { Panel } from '../../../components/Panel';
import { StatusBadge } from '../../../components/StatusBadge';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { PLUGIN_ID } from '../../../pluginId';
import { errorMessage } from '../../../services/api';
import { useAcuse } from '../../../services/intake';

export interface RegistrationResultProps {
  result: RegisterOficio.Response['data'];
  onAnother: () => void;
}

/** What registering answered: the folio, what is still missing, the acuse and the oficio. */
export const RegistrationResult = ({ result, onAnother }: RegistrationResultProps) => {
  const t = useT();
  const format = useFormatters();
  const acuse = useAcuse();
  const incomplete = result.services.filter((service) => service.missing.length > 0);

  return (
    <Panel id="registration-result" title={t('intake.result.title', 'Oficio registrado')}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex gap={3} wrap="wrap">
          <Typography variant="alpha" tag="p" data-folio>
            {result.folio}
          </Typography>
          <StatusBadge status={result.status} label={result.statusLabel} />
        </Flex>
        <Typography>
          {t('intake.result.received', 'Recibido el {at}; cuenta como recibido el {day}.', {
            at: format.dateTime(result.receivedAt) ?? '',
            day: format.day(result.receptionDay) ?? '—',
          })}
        </Typography>
        {incomplete.length > 0 ? (
          <Box role="status">
            <Alert
              variant="warning"
              closeLabel={t('actions.close', 'Cerrar')}
              title={t('intake.result.incompleteTitle', 'Faltan datos')}
            >
              <Flex direction="column" alignItems="flex-start" gap={1} tag="span">
                <Typography tag="span">
                  {t(
                    'intake.result.incomplete',
                    'El oficio quedó en Información incompleta: falta {missing}.',
                    {
                      missing: incomplete
                        .map(
                          (service) =>
                            `${service.missing.map((field) => field.label).join(', ')} (${service.title})`
                        )
                        .join('; '),
                    }
                  )}
                </Typography>
                <Typography tag="span" variant="pi">
                  {t(
                    'intake.result.incompleteHelp',
                    'Pide los datos al área y complétalos con «Completar datos» en Bandejas o en la página del oficio.'
                  )}
                </Typography>
              </Flex>
            </Alert>
          </Box>
        ) : (
          <Typography textColor="success700" fontWeight="bold">
            {t(
              'intake.result.complete',
              'El oficio tiene todos los datos para iniciar el trabajo.'
            )}
          </Typography>
        )}
        <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
          {result.services.map((service) => (
            <Box tag="li" key={service.documentId} borderColor="neutral200" hasRadius padding={3}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Flex gap={2} wrap="wrap">
                  <Typography fontWeight="bold">{service.title}</Typography>
                  <StatusBadge status={service.status} label={service.statusLabel} />
                  {service.dueAt && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('intake.result.due', 'Vence el {day}', {
                        day: format.day(service.dueAt) ?? '',
                      })}
                    </Typography>
                  )}
                </Flex>
                <LeadTimeNote verdict={service} />
              </Flex>
            </Box>
          ))}
        </Flex>
        {Boolean(acuse.error) && (
          <Typography textColor="danger700" role="alert">
            {errorMessage(acuse.error) ??
              t('intake.acuse.error', 'No se pudo obtener el acuse de recibo.')}
          </Typography>
        )}
        <Flex gap={2} wrap="wrap">
          <Button
            startIcon={<FilePdf />}
            loading={acuse.isLoading}
            onClick={() => acuse.open(result.documentId, result.folio)}
          >
            {t('intake.acuse.print', 'Imprimir acuse')}
          </Button>
          <LinkButton
            tag={NavLink}
            variant="secondary"
            endIcon={<ArrowRight />}
            to={`/plugins/${PLUGIN_ID}/oficios/${result.documentId}`}
          >
            {t('intake.result.open', 'Ver oficio {folio}', { folio: result.folio })}
          </LinkButton>
          <Button variant="tertiary" startIcon={<Plus />} onClick={onAnother}>
            {t('intake.result.another', 'Registrar otro oficio')}
          </Button>
        </Flex>
      </Flex>
    </Panel>
  );
};
