export const CONCEPTS: readonly (readonly [string, readonly string[]])[] = [];
