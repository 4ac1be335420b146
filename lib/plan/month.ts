// The month every monthly figure uses, in a leaf module so the page's first load (the Collector
// tier, growth) reads it without the bill's code.

/** A month, for prices quoted per month: 30.4 days (see the `daysPerMonth` source). */
export const DAYS_PER_MONTH = 30.4
