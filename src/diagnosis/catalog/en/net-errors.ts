// All Chromium net errors in English: own wording per error, grouped internals, stage fallbacks.
import type { Catalog } from '../types';
import { localErrors } from './net-errors-local';
import { responseErrors } from './net-errors-response';
import { tlsErrors } from './net-errors-tls';
import { transportErrors } from './net-errors-transport';

export { netErrorGroups, stages } from './net-error-groups';

export const netErrors: Catalog['netErrors'] = { ...localErrors, ...transportErrors, ...tlsErrors, ...responseErrors };
