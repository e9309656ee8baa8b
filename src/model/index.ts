// The pathwarden graph model: node and edge kinds, properties, records and errors. Imports nothing else.
export * from './props.js';
export * from './errors.js';
export * from './records.js';
export * from './keys.js';
export * from './nodes/index.js';
export * from './edges/index.js';
