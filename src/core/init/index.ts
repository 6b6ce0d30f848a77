// Initialize Roadmap from what a project already holds: the detector, its findings and the writer.
export * from './findings';
export { detectProject, guessGoal, idFrom, declaredFlags, parseBibtex, readmeLinks, type DetectInput, type DetectLimits } from './detect';
export { walkProject, SKIPPED_FOLDERS, type ProjectFs, type ProjectEntry, type WalkLimits } from './project-fs';
export { initialRoadmap, type InitialRoadmap } from './write';
