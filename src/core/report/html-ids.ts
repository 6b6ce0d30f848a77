// What the report page and its browser bundle agree on (kept apart from html.ts, which needs node:crypto).

/** The id of the element holding the snapshot's JSON. */
export const REPORT_DATA_ID = 'mlroadmap-report-data';
