export * from './core/pagination.js';
