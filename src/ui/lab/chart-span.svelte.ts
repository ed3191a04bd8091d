/**
 * How much time the lab's charts show: the last minute (the default, what a live run is about) or every second
 * the run keeps (its last hour at most). One choice for the page, kept while the learner moves between tabs,
 * steps of a lesson and runs.
 */
export const chartSpan = $state({ whole: false });
