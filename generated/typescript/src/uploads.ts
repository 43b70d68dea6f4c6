export { type Uploadable, type ToFileInput, toFile } from './core/uploads.js';
