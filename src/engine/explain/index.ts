/** Explanations: a request's journey (recorder + replay), notable requests, and the words for each step. */
export { JourneyRecorder, type RecorderOptions } from './recorder.ts';
export { explainRequest, JourneyCache, type TimedLiveChange } from './replay.ts';
export { NotableRequests, NOTABLE_KEEP, type NotableLists, type NotableEntry } from './notable.ts';
export { groupInternals, type GroupInternals, type MemberInternals } from './internals.ts';
export type { Journey, JourneyStep, StepKind } from './journey.ts';
