// Everything that needs the catalog, as one chunk loaded after the first paint (see lazy.ts): the
// catalog parts, titles, opened cards. The first paint (summary and lines) never waits for it.
export { catalogFor } from '../diagnosis/catalog';
export { explanationFor } from '../diagnosis/explain';
export { openLine } from '../card/line-open';
