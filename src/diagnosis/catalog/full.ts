// Every part of the English catalog, loaded at once: for tests and tools, not for the popup.
import { advice } from './en/advice';
import { netErrorGroups, netErrors, stages } from './en/net-errors';
import { statusClasses, statuses } from './en/statuses';
import type { Catalog } from './types';

export const fullCatalog: Catalog = { statuses, statusClasses, netErrors, netErrorGroups, stages, advice };
