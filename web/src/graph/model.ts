// Paths → the graph to draw: the pure preparation lives in src/report/picture/model.ts, shared with the HTML report.
export * from '../../../src/report/picture/model.js';
