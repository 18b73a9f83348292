// The catalog in use. English is the only language so far; a translation adds a sibling of en/.
import { advice } from './en/advice';
import { netErrorGroups, netErrors, stages } from './en/net-errors';
import { statusClasses, statuses } from './en/statuses';
import type { Catalog } from './types';

export const catalog: Catalog = { statuses, statusClasses, netErrors, netErrorGroups, stages, advice };
