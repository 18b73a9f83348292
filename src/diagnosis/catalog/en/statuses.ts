// English catalog entries for HTTP error statuses, and the per-class fallbacks used for any
// code in 100-999 without an entry of its own. All of them describe the `receive` stage.
import type { Catalog } from '../types';
import { registered4xx } from './statuses-4xx';
import { registered5xx } from './statuses-5xx';
import { unofficialStatuses } from './statuses-unofficial';

export const statuses: Catalog['statuses'] = {
  ...registered4xx,
  ...registered5xx,
  ...unofficialStatuses,
};

export { statusClasses } from './status-classes';
