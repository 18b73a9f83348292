// User settings, kept in storage.sync. The defaults object is the single source of the type.
export const defaults = {
  /** Also list requests that were cancelled (net::ERR_ABORTED, NS_BINDING_ABORTED). */
  showAborted: false,
  /** Remove query strings from URLs in copied reports. */
  stripQueryInReports: false,
};

export type Options = typeof defaults;
