export { GENRES, REQUIRED_META, docIdFor, reportFigures, sha256Hex } from './report';
export type { Correction, Genre, ReportMeta, WorkspaceReport } from './report';
export { guessGenre, guessMetadata } from './guess-metadata';
export { decodeReportBytes, DecodeError, readsAsText, TEXT_ENCODINGS } from './decode-text';
export type { DecodedText, TextEncodingName } from './decode-text';
export { parseWorkspaceFile, serializeWorkspace, WorkspaceFileError, WORKSPACE_FORMAT, WORKSPACE_VERSION } from './workspace-file';
export type { WorkspaceFile } from './workspace-file';
