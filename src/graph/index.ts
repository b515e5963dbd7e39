// Public API of Graph import and export (jsii-compatible).
export { GraphImport } from './graph-import';
export type { GraphImportOptions, TypeScriptModuleOptions, ImportedPolicy, ImportedNamedLocation, FillInValue } from './graph-import';
export { GraphExport, ExportedObjectKind } from './graph-export';
export type { ExportedObject, GraphReference, GraphDifference } from './graph-export';
export { ImportFindingKind, LossCategory, ImportStatus } from './import-finding';
export type { ImportFinding } from './import-finding';
export { TenantDiff, TenantChange, TenantMatch } from './tenant-diff';
export type { TenantDiffOptions, TenantDiffCounts, ObjectDiff, FieldChange } from './tenant-diff';
