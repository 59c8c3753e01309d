import type { Core } from '@strapi/strapi';

const UID = 'api::privacy-notice.privacy-notice';

const BODY = `La Dirección de Comunicación Social y Gobierno Digital del Ayuntamiento de Calimaya, Estado de México, es responsable del tratamiento de los datos personales que se recaban en los oficios de solicitud de servicios, en las cuentas de las áreas y en las encuestas del sitio web.

**Finalidades.** Los datos de contacto (nombre, teléfono, correo y domicilio de oficina) se usan únicamente para atender la solicitud, dar seguimiento a los trabajos y responder el oficio. Las respuestas a encuestas se reciben de forma anónima y se usan solo con fines estadísticos.

**Transferencias.** No se transfieren datos personales, salvo las excepciones previstas en la Ley de Protección de Datos Personales en Posesión de Sujetos Obligados del Estado de México y Municipios.

**Derechos ARCO.** Puede ejercer sus derechos de acceso, rectificación, cancelación y oposición ante la Unidad de Transparencia del Ayuntamiento de Calimaya.

Los datos se conservan el tiempo necesario para cumplir estas finalidades y las obligaciones de archivo del Ayuntamiento.`;

/** A simplified privacy notice so the site and forms have one from the first start. */
export const seedPrivacyNotice = async ({ strapi }: { strapi: Core.Strapi }) => {
  if (await strapi.documents(UID).findFirst()) return;
  await strapi.documents(UID).create({
    data: {
      title: 'Aviso de privacidad simplificado',
      body: BODY,
      updatedOn: new Date().toISOString().slice(0, 10),
    },
  });
};
