/** The official catalogue of sections, rows and columns of both formats. */
export * from './normalise.js';
export * from './sections.js';
export * from './applications.js';
export * from './active-disclosure.js';
export * from './review.js';
