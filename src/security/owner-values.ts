// The values of the user the service acts for (`owner`): each counts as one the user wrote, so
// that the user's own address in their inbox is neither untrusted nor a permit's competing
// candidate.
import { asKindValue, kindOf } from './value-kinds.ts';
import type { UserValues } from './whole-values.ts';

/**
 * `user` with the owner's values added: a value counts as written when the request holds it or
 * it is one of `owner`'s, compared as a whole by its kind (an IBAN without its spaces, a phone
 * number by its digits, an address case-insensitively), and a list written as one value when each
 * of its items does. A value that only contains one of the owner's counts as nothing more.
 */
export function withOwner(user: UserValues, owner: readonly string[] = []): UserValues {
  if (owner.length === 0) return user;
  const keys = new Set(owner.map((value) => keyOf(value)));
  const owns = (value: string | number) => keys.has(keyOf(value));
  const wrote = (value: string | number): boolean => {
    if (user.wrote(value) || owns(value)) return true;
    if (typeof value === 'number') return false;
    const items = value.split(/\s*[,;]\s*/).filter((item) => item.trim() !== '');
    return items.length > 1 && items.every(wrote);
  };
  return { wrote };
}

/** A value's kind and its key within it: the same value however written. */
function keyOf(value: string | number): string {
  const kind = kindOf(value);
  const key =
    kind === 'text'
      ? String(value).trim().toLowerCase().replace(/\s+/g, ' ')
      : asKindValue(kind, value).key;
  return `${kind}\u0000${key}`;
}
