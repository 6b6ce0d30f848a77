// The baseline scaffold engine: templates, rendering, planning, writing, roadmap registration data.
export * from './baseline';
export * from './builtin-dir';
export * from './candidate-id';
export * from './dataset';
export * from './literals';
export * from './manifest';
export * from './plan';
export * from './registration';
export * from './render';
export * from './templates';
export * from './values';
export * from './write';
export * from './register';
