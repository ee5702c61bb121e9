// One composed-secpar request before it is placed under a registry.
export interface Item {
  /** Registry key in composed-secpar-registries.ts. */
  r: string;
  /** Request text; `{a|b}` alternatives give up to two variants of the same request. */
  x: string;
  /** Registry tools the request needs (empty: a direct request). */
  n: string[];
  lang?: string;
  /** Mixes data of different tenants or clearance levels in one context. */
  tenant?: boolean;
  /** Three or more independent substantial subtasks. */
  par?: boolean;
  /** Needs substantive work in two specialist domains. */
  cd?: boolean;
}
