// Architecture decision records: read, write, number and edit. Pure core (node:fs only in folder.ts).
export * from './model';
export { parseDecision } from './read';
export { readEvidence } from './evidence';
export { readDecisionFolder, parseDecisionFiles, isRecordFileName, folderNaming, type FolderNaming } from './folder';
export { renderMadr, escapeTitle, evaluationText } from './madr';
export { nextNumber, kebab, recordFileName } from './numbering';
export { setStatusEdits, supersedeEdits, supersedesLineEdits, statusValue, type RecordLink } from './lifecycle';
export { detectCollisions, planRenumber, type Collision, type RenumberStep, type RenumberFacts } from './renumber';
export { generateIndex, indexBlock, updateIndex, INDEX_BEGIN, INDEX_END, type IndexUpdate } from './indexfile';
export { applyEdits, makeEdit } from './edits';
export { statusAsWritten, categoryOf } from './status';
