import { memoizeWeak } from '../core/memoize-weak.ts';
import type { ToolProfile } from './tool-profile.ts';

/** The stems, concepts and concept families of a tool's terms that are not generic words. */
export interface SpecificTerms {
  readonly stems: ReadonlySet<string>;
  readonly concepts: ReadonlySet<string>;
  readonly families: ReadonlySet<string>;
}

/**
 * The {@link SpecificTerms} of a tool's profile, gathered on first use and kept as long as the
 * profile: only the tools weighed for a second domain need them (features/cross-domain-features.ts).
 */
export const specificTerms: (profile: ToolProfile) => SpecificTerms = memoizeWeak((profile) => {
  const specific = profile.terms.filter((term) => !term.generic);
  return {
    stems: new Set(specific.map((term) => term.stem)),
    concepts: new Set(specific.flatMap((term) => term.concepts)),
    families: new Set(specific.flatMap((term) => term.families)),
  };
});
