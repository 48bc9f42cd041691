export { DateTimeScalar, toDateTime } from './DateTimeScalar';
export { createCursorCodec, type CursorCodec } from './createCursorCodec';
export { checkPageSize } from './checkPageSize';
export { VOCABULARY_SDL } from './vocabularySdl';
export { withVocabulary, vocabularyResolvers } from './withVocabulary';
