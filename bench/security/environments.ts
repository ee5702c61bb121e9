// The four environments of the scenario suite.
import { banking } from './banking/goals.ts';
import { messaging } from './messaging/goals.ts';
import { travel } from './travel/goals.ts';
import type { AnyEnvironment } from './types.ts';
import { workspace } from './workspace/goals.ts';

export const ENVIRONMENTS: readonly AnyEnvironment[] = [banking, messaging, workspace, travel];
