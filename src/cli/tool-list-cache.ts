/** Most tool lists a {@link ToolListCache} keeps. */
const MAX_LISTS = 512;
/** A list whose JSON is longer than this is not kept: the cache holds at most ~16 MB of keys. */
const MAX_KEY_LENGTH = 32_768;

/**
 * Hands out one shared copy of each tool list read from a JSONL input. Each line of a file
 * parses into new objects, so the router would validate and profile every line's tools again;
 * with the list of an earlier line of the same content the router finds them by identity. The
 * lists are found by their JSON text among the {@link MAX_LISTS} latest, so a stream of distinct
 * lists cannot grow memory without limit.
 *
 * The router never changes the objects it is given, so sharing them between lines is safe.
 *
 * @example
 * const lists = new ToolListCache();
 * const task = { input: record.input, tools: lists.shared(record.tools) };
 */
export class ToolListCache {
  /** Lists by their JSON text, oldest use first (a `Map` keeps insertion order). */
  readonly #lists = new Map<string, unknown>();

  /**
   * The shared copy of a list of the same content as `tools`, or `tools` itself the first time
   * (and always for a value that is not an array, an empty list or a very long one).
   */
  shared(tools: unknown): unknown {
    if (!Array.isArray(tools) || tools.length === 0) return tools;
    const key = JSON.stringify(tools);
    if (key.length > MAX_KEY_LENGTH) return tools;
    const found = this.#lists.get(key);
    if (found !== undefined) {
      // Used again: move it to the end, so the least recently used list goes first.
      this.#lists.delete(key);
      this.#lists.set(key, found);
      return found;
    }
    this.#lists.set(key, tools);
    if (this.#lists.size > MAX_LISTS) {
      const oldest = this.#lists.keys().next().value;
      if (oldest !== undefined) this.#lists.delete(oldest);
    }
    return tools;
  }

  /** How many lists are kept. */
  get size(): number {
    return this.#lists.size;
  }
}
