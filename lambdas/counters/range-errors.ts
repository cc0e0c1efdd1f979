import { ApiError } from '../shared/private-api.ts';
import { CounterRangeError } from './counter.ts';

/** A change that would leave the safe integer range is the caller's input problem: 400, nothing changed. */
export const rangeErrorsAsValidation = async <T>(operation: Promise<T>): Promise<T> => {
  try {
    return await operation;
  } catch (error) {
    if (error instanceof CounterRangeError) throw new ApiError(400, 'validation_error', error.message, { by: error.message });
    throw error;
  }
};
