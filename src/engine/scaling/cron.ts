/** Cron schedules live with the scenario format (the validator checks them); the engine uses them from here. */
export * from '../../scenario/cron.ts';
