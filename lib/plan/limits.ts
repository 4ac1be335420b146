// Upper bounds of the plan's numeric fields that other modules check against too (the request
// path's span count, trace imports). A leaf module, so those modules and the field registry
// (./fields) can share them without importing each other.

/** Highest request rate accepted: a billion requests per second is beyond any single system. */
export const MAX_RPS = 1e9
export const MAX_RETENTION_DAYS = 3650
export const MAX_SPANS_PER_TRACE = 100_000
/** 1 MB per span: far above Tempo's 5 MB per whole-trace default limit divided by any real span count. */
export const MAX_SPAN_BYTES = 1_000_000
export const MAX_APM_HOSTS = 100_000
export const MAX_USD_PER_CORE_MONTH = 10_000
/** Most availability zones a region has (AWS's largest have six); ten leaves room. */
export const MAX_ZONES = 10

/**
 * Without limits, options within this share of the cheapest one that meets the goals cost the
 * same for the recommendation, which then takes the one that sees the most (at 5 req/s, 100 % head
 * sampling rather than a tail-sampling tier for $0.69 less).
 */
export const NEAR_TIE_SHARE = 0.05
