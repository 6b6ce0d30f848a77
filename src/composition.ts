import * as vscode from 'vscode';

/**
 * The composition root: builds every feature once, hands each its collaborators, and owns every
 * disposable it creates. Nothing else in the extension reaches for globals.
 */
export class MlRoadmapExtension implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly context: vscode.ExtensionContext) {
    const log = vscode.window.createOutputChannel('ML Roadmap', { log: true });
    this.disposables.push(log);
    log.info('ML Roadmap activated');
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
