// `mlroadmap scaffold --roadmap`: adds the scaffolded baseline to mlroadmap.yaml (and the evaluation block when missing).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { candidateEntry, evaluationEntry, registerBaselineInRoadmap, type TemplateManifest } from '../core/scaffold';
import type { CliIo } from './io';

export interface RegisterRequest {
  readonly io: CliIo;
  readonly roadmapPath: string;
  readonly targetDir: string;
  readonly datasetPath: string;
  readonly manifest: TemplateManifest;
  readonly candidate: string;
}

/** Returns the exit code: 0 registered (or already there), 1 when the roadmap cannot be changed. */
export function registerBaseline(request: RegisterRequest): number {
  const { io, roadmapPath, manifest, candidate } = request;
  const text = readFileSync(roadmapPath, 'utf8');
  const evaluation = evaluationEntry({
    roadmapDir: dirname(roadmapPath),
    targetDir: request.targetDir,
    datasetPath: request.datasetPath,
    main: manifest.main,
    candidate,
    baseline: manifest.baseline,
  });
  const registration = registerBaselineInRoadmap(text, candidateEntry(manifest, candidate), evaluation);
  if (!registration.ok) {
    io.err(`mlroadmap scaffold: the files are written, but ${roadmapPath} could not be updated: ${registration.error}`);
    return 1;
  }
  if (registration.text !== text) writeFileSync(roadmapPath, registration.text, 'utf8');
  io.out(
    [
      registration.candidateAdded ? `Added candidate '${candidate}' to ${roadmapPath}.` : `Candidate '${candidate}' is already in ${roadmapPath}.`,
      ...(registration.evaluationAdded ? [`Added the evaluation block: ${evaluation.command}`] : []),
    ].join('\n'),
  );
  return 0;
}
