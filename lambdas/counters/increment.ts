import { changeHandler } from './change.ts';

export const handler = changeHandler('increment');
