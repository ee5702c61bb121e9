/**
 * The most a step that should end at once (an abort, a time limit, a close) may take in a test.
 * The suite must pass on a busy machine (docs/testing.md runs it beside 8 busy loops), where
 * bounds of 100 ms to 1 s broke. Each use waits on something that would take far longer if the
 * behaviour were broken (a model or tool of 10 s or more, or one that never answers), so the
 * test still fails then.
 */
export const AT_ONCE_MS = 3_000;
