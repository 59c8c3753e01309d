export {
  FREQUENCIES,
  daysBetween,
  lastClosedPeriod,
  periodOf,
  plusDays,
  quarterOf,
  type Frequency,
  type Period,
} from './periods';
export {
  compareObligations,
  findObligation,
  isComplete,
  missingReferenceParts,
  obligationKey,
  romanValue,
  type ObligationRef,
} from './catalogue';
export {
  TRANSPARENCY_METADATA_FIELDS,
  isoDateOf,
  metadataProblems,
  type DocumentMetadata,
  type MetadataProblem,
} from './metadata';
export {
  OBLIGATION_STATUSES,
  countByStatus,
  obligationWarnings,
  type Obligation,
  type ObligationStatus,
  type ObligationWarning,
  type PublishedDocument,
} from './warnings';
