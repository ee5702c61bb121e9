/**
 * Wraps `make` so that it runs once per key object: later calls with the same key return what the
 * first one made. The keys are held weakly, so a cache entry lives as long as its key. For values
 * derived from objects that never change after they are made (tools, messages, schemas).
 */
export function memoizeWeak<Key extends object, Value>(
  make: (key: Key) => Value,
): (key: Key) => Value {
  const made = new WeakMap<Key, Value>();
  return (key) => {
    const found = made.get(key);
    if (found !== undefined || made.has(key)) return found as Value;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
