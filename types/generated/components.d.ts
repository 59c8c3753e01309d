import type { Schema, Struct } from '@strapi/strapi';

export interface AdvisoryFollowUp extends Struct.ComponentSchema {
  collectionName: 'components_advisory_follow_ups';
  info: {
    description: 'Un seguimiento de la asesor\u00EDa: cu\u00E1ndo, qui\u00E9n, qu\u00E9 se hizo y cu\u00E1ndo es el siguiente';
    displayName: 'Seguimiento';
  };
  attributes: {
    by: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    nextDate: Schema.Attribute.Date;
    notes: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 4000;
      }>;
  };
}

export interface SettingsBlackoutPeriod extends Struct.ComponentSchema {
  collectionName: 'components_settings_blackout_periods';
  info: {
    description: 'Veda electoral: sin propaganda gubernamental salvo excepciones';
    displayName: 'Periodo de veda';
  };
  attributes: {
    end: Schema.Attribute.Date & Schema.Attribute.Required;
    note: Schema.Attribute.Text;
    scope: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    start: Schema.Attribute.Date & Schema.Attribute.Required;
  };
}

export interface SurveyQuestion extends Struct.ComponentSchema {
  collectionName: 'components_survey_questions';
  info: {
    description: 'Una pregunta de la encuesta';
    displayName: 'Pregunta';
  };
  attributes: {
    key: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    kind: Schema.Attribute.Enumeration<['opcion_unica', 'opcion_multiple', 'escala', 'texto']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'opcion_unica'>;
    options: Schema.Attribute.Text;
    prompt: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    scaleMax: Schema.Attribute.Integer;
    scaleMin: Schema.Attribute.Integer;
  };
}

export interface WorkflowCoverageMaterial extends Struct.ComponentSchema {
  collectionName: 'components_workflow_coverage_materials';
  info: {
    description: 'Material de una cobertura: de qu\u00E9 entregable es, sus archivos o su enlace, y una nota';
    displayName: 'Material entregado';
  };
  attributes: {
    file: Schema.Attribute.Media<'images' | 'videos' | 'files', true>;
    kind: Schema.Attribute.Enumeration<
      ['fotos', 'video', 'transmision_en_vivo', 'redes_sociales', 'boletin_prensa']
    > &
      Schema.Attribute.Required;
    link: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    note: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
  };
}

export interface WorkflowCoveragePublication extends Struct.ComponentSchema {
  collectionName: 'components_workflow_coverage_publications';
  info: {
    description: 'D\u00F3nde se public\u00F3 la cobertura: red o sitio, enlace y fecha';
    displayName: 'Publicado en';
  };
  attributes: {
    postedAt: Schema.Attribute.DateTime;
    url: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    where: Schema.Attribute.Enumeration<
      ['facebook', 'instagram', 'x', 'youtube', 'tiktok', 'sitio_web', 'otro']
    > &
      Schema.Attribute.Required;
  };
}

export interface WorkflowDeliveryOficio extends Struct.ComponentSchema {
  collectionName: 'components_workflow_delivery_oficios';
  info: {
    description: 'El oficio con que la Direcci\u00F3n entrega el trabajo al \u00E1rea: n\u00FAmero, fecha, documento y qui\u00E9n lo recibi\u00F3';
    displayName: 'Oficio de entrega';
  };
  attributes: {
    date: Schema.Attribute.Date;
    document: Schema.Attribute.Media<'files' | 'images'> & Schema.Attribute.Private;
    number: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    receivedBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
  };
}

export interface WorkflowLogoChoice extends Struct.ComponentSchema {
  collectionName: 'components_workflow_logo_choices';
  info: {
    description: 'Un logotipo institucional que lleva el dise\u00F1o; el orden de la lista es el orden en que aparecen';
    displayName: 'Logotipo elegido';
  };
  attributes: {
    logo: Schema.Attribute.Relation<'oneToOne', 'api::logo.logo'>;
  };
}

export interface WorkflowProposalVersion extends Struct.ComponentSchema {
  collectionName: 'components_workflow_proposal_versions';
  info: {
    description: 'Una versi\u00F3n numerada de la propuesta de dise\u00F1o';
    displayName: 'Versi\u00F3n de propuesta';
  };
  attributes: {
    decidedAt: Schema.Attribute.DateTime;
    decidedBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    decision: Schema.Attribute.Enumeration<['aprobada', 'observaciones']>;
    feedback: Schema.Attribute.Text;
    file: Schema.Attribute.Media<'files' | 'images'>;
    sentAt: Schema.Attribute.DateTime;
    version: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'advisory.follow-up': AdvisoryFollowUp;
      'settings.blackout-period': SettingsBlackoutPeriod;
      'survey.question': SurveyQuestion;
      'workflow.coverage-material': WorkflowCoverageMaterial;
      'workflow.coverage-publication': WorkflowCoveragePublication;
      'workflow.delivery-oficio': WorkflowDeliveryOficio;
      'workflow.logo-choice': WorkflowLogoChoice;
      'workflow.proposal-version': WorkflowProposalVersion;
    }
  }
}
