/** The engine's public entry: create a simulation from a validated scenario. */
export { createSimulation } from './simulation.ts';
export { refusalText } from './commands/index.ts';
export * from './types.ts';
export type * from './decisions.ts';
