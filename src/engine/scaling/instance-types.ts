/** The instance-type table lives with the scenario format (the validator checks names against it). */
export * from '../../scenario/instance-types.ts';
