/**
 * Validation of a document value against the framework schema. The validator is the module that
 * scripts/build-schema.mjs generated from schemas/competency-framework.schema.json with ajv's
 * standalone code, so nothing is compiled at run time and every document reuses the same function.
 */
import type { ErrorObject } from 'ajv';
import validateFramework from './generated/validate';

export type SchemaError = ErrorObject;

/** Every schema violation of the value (the validator runs with allErrors), in ajv's form. */
export function schemaErrors(value: unknown): SchemaError[] {
  if (validateFramework(value)) return [];
  // The generated function keeps its errors on itself until the next call: copy them out.
  return [...(validateFramework.errors ?? [])];
}
