export { createLoader, type BatchFunction, type BatchResults, type LoaderOptions } from './createLoader';
