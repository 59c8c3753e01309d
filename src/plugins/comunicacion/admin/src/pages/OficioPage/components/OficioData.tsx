import type { GetOficio } from '../../../../../shared/contracts/oficios';
import { useFormatters } from '../../../hooks/useFormatters';
import { useT } from '../../../hooks/useT';
import { FieldList, Section } from './Section';

type Oficio = GetOficio.Response['data']['oficio'];

/** Datos del oficio: who sent it, when and how, its contact and its late acceptance. */
export const OficioData = ({ oficio }: { oficio: Oficio }) => {
  const t = useT();
  const format = useFormatters();
  const channels: Record<string, string> = {
    fisico: t('oficio.channel.fisico', 'Físico'),
    digital: t('oficio.channel.digital', 'Digital'),
  };
  const yes = t('common.yes', 'Sí');
  const no = t('common.no', 'No');
  const area = oficio.area
    ? oficio.area.shortName
      ? `${oficio.area.name} (${oficio.area.shortName})`
      : oficio.area.name
    : null;

  const fields = [
    { label: t('oficio.data.area', 'Área solicitante'), value: area },
    {
      label: t('oficio.data.senderReference', 'Referencia del área'),
      value: oficio.senderReference,
    },
    { label: t('oficio.data.receivedAt', 'Recibido'), value: format.dateTime(oficio.receivedAt) },
    {
      label: t('oficio.data.receptionDay', 'Día hábil de recepción'),
      value: format.day(oficio.receptionDay),
    },
    {
      label: t('oficio.data.channel', 'Canal'),
      value: oficio.channel ? (channels[oficio.channel] ?? oficio.channel) : null,
    },
    { label: t('oficio.data.requesterName', 'Contacto'), value: oficio.requester.name },
    { label: t('oficio.data.requesterPhone', 'Teléfono'), value: oficio.requester.phone },
    { label: t('oficio.data.requesterEmail', 'Correo'), value: oficio.requester.email },
    { label: t('oficio.data.summary', 'Resumen'), value: oficio.summary },
    {
      label: t('oficio.data.missingInformation', 'Información faltante'),
      // What the oficio waited for stays in its Historial; here only while it still waits.
      value: oficio.status === 'informacion_incompleta' ? oficio.missingInformation : null,
    },
    { label: t('oficio.data.isLate', 'Extemporáneo'), value: oficio.isLate ? yes : no },
  ];
  if (oficio.isLate) {
    fields.push(
      {
        label: t('oficio.data.lateReasons', 'Motivo de extemporaneidad'),
        value: oficio.lateReasons,
      },
      {
        label: t('oficio.data.lateJustification', 'Justificación de la aceptación'),
        value: oficio.lateJustification,
      },
      { label: t('oficio.data.lateAcceptedBy', 'Aceptado por'), value: oficio.lateAcceptedBy },
      {
        label: t('oficio.data.lateAcceptedAt', 'Aceptado el'),
        value: format.dateTime(oficio.lateAcceptedAt),
      }
    );
  }

  return (
    <Section id="oficio-data" title={t('oficio.sections.data', 'Datos del oficio')}>
      <FieldList fields={fields} />
    </Section>
  );
};
