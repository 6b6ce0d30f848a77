import type * as vscode from 'vscode';

/** The documents the language features serve: roadmap files only; every other YAML file is left alone. */
export const ROADMAP_DOCUMENTS: vscode.DocumentSelector = [{ language: 'yaml', pattern: '**/mlroadmap.yaml' }];
