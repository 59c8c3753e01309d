import type { Schema, Struct } from '@strapi/strapi';

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
      'settings.blackout-period': SettingsBlackoutPeriod;
      'workflow.proposal-version': WorkflowProposalVersion;
    }
  }
}
