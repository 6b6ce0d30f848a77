import type * as vscode from 'vscode';
import { ROADMAP_FILE_NAME } from '../core/roadmap/model';

/** Every roadmap file of the workspace, as a glob for document selectors. */
export const ROADMAP_PATTERN = `**/${ROADMAP_FILE_NAME}`;

/** The documents the language features serve: roadmap files only; every other YAML file is left alone. */
export const ROADMAP_DOCUMENTS: vscode.DocumentSelector = [{ language: 'yaml', pattern: ROADMAP_PATTERN }];
