// Unit prices the whole bill starts from, before the user enters their own: compute per vCPU and
// per GB of memory, traffic between zones and to the internet. A leaf module, so the field registry
// can take its defaults from here. Each figure's source is in lib/sources.ts.
import { DAYS_PER_MONTH } from "./month"

/** Hours in the month every $/month figure uses: 24 h × 30.4 days. */
export const HOURS_PER_MONTH = 24 * DAYS_PER_MONTH

/** AWS Fargate on-demand, Linux/x86, us-east-1: $ per vCPU-hour (source `computePrice`). */
export const FARGATE_USD_PER_VCPU_HOUR = 0.04048
/** AWS Fargate on-demand, Linux/x86, us-east-1: $ per GB of memory per hour. */
export const FARGATE_USD_PER_GB_HOUR = 0.004445

/** A $/hour rate over the month, to the cent: what a form default can show and a person can type. */
const perMonthToTheCent = (usdPerHour: number) => Math.round(usdPerHour * HOURS_PER_MONTH * 100) / 100

/** $0.04048 × 729.6 h = $29.53 per vCPU-month: the default compute price. */
export const FARGATE_USD_PER_VCPU_MONTH = perMonthToTheCent(FARGATE_USD_PER_VCPU_HOUR)
/** $0.004445 × 729.6 h = $3.24 per GB-month: the default memory price. */
export const FARGATE_USD_PER_GB_MONTH = perMonthToTheCent(FARGATE_USD_PER_GB_HOUR)

/**
 * Raw OTLP bytes ÷ bytes on the wire when an exporter gzips. The Collector's OTLP exporters gzip by
 * default; the SDKs and Dapr send uncompressed unless told otherwise. Measured gzip ratios run
 * 2.3× (small batches) to 7.9× (per export request on the OpenTelemetry demo): 4× is the middle.
 */
export const GZIP_WIRE_FACTOR = 4
