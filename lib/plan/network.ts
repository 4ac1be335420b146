// The traffic a plan's spans make on their way to storage, priced where it crosses a zone or
// leaves for the internet. Facts only; text/cost.ts words the hops.
import { BYTES_PER_GB } from "./backends"
import { DAYS_PER_MONTH } from "./month"
import { GZIP_WIRE_FACTOR } from "./prices"

/** A hop spans travel, from the app to where they are stored. */
export type NetworkHop =
  /** Apps and their sidecars to the Collector (uncompressed: SDKs and Dapr do not gzip by default). */
  | "app-to-collector"
  /** Apps straight to a self-hosted backend's receiver. */
  | "app-to-backend"
  /** The load-balancing tier to the sampling replica that owns each trace id (gzip). */
  | "load-balancer-to-sampler"
  /** The Collector's exporter to a self-hosted backend (gzip). */
  | "collector-to-backend"
  /** Copies the backend sends between its own nodes (replication), raw. */
  | "backend-replication"
  /** The Collector's exporter to a SaaS intake over the internet (gzip). */
  | "collector-to-saas"
  /** Apps straight to a SaaS intake over the internet (uncompressed). */
  | "app-to-saas"

/** One priced hop: the GB a month that cross, at the price per GB crossing. */
export interface NetworkItem {
  hop: NetworkHop
  /** "cloud-service": to the cloud provider's own API in the region, which bills no egress. */
  crossing: "zone" | "internet" | "cloud-service"
  /** GB a month on the wire over this hop, before the crossing share. */
  wireGbPerMonth: number
  /** Share of `wireGbPerMonth` that crosses: (zones − 1) ÷ zones within a region, 1 to the internet. */
  crossingShare: number
  /** Raw OTLP bytes ÷ wire bytes: the gzip factor, or 1 uncompressed. */
  compression: number
  /** GB a month charged: wire GB × crossing share. */
  quantity: number
  unitUsd: number
  usd: number
}

/** What the hops depend on. Bytes are raw OTLP protobuf bytes a day. */
export interface NetworkInput {
  /** Bytes the apps send a day: every head-sampled span, before any tail sampling. */
  sentBytesPerDay: number
  /** Bytes that reach the backend a day, after tail sampling. */
  keptBytesPerDay: number
  /** Whether the apps send to a Collector (else straight to the backend). */
  viaCollector: boolean
  /** Whether a load-balancing tier routes spans to several sampling replicas. */
  loadBalanced: boolean
  hosting: "self-hosted" | "saas"
  /** A SaaS backend that is the cloud's own service, reached without an internet egress charge. */
  sameCloud: boolean
  /** Copies of each kept byte the backend sends between its nodes (1: none). */
  replicationCopies: number
  /** Bytes each replica receives per kept raw byte (compressed parts: less than 1). */
  replicationBytesPerRawByte: number
  zones: number
  interZoneUsdPerGb: number
  egressUsdPerGb: number
}

/**
 * Share of a hop's traffic that leaves its zone when pods spread evenly over `zones` and a
 * Kubernetes Service picks endpoints without regard to zone.
 *
 * @example
 * crossZoneShare(3) //=> 0.6666666666666666
 * crossZoneShare(1) //=> 0
 */
export function crossZoneShare(zones: number): number {
  return zones > 1 ? (zones - 1) / zones : 0
}

/**
 * The priced hops of a plan's spans, in the order they travel. Within a region, (zones − 1) ÷
 * zones of each hop crosses a zone; a backend's replication sends each copy after the first to
 * another zone (when there are several); a SaaS intake is reached over the internet, a cloud's own
 * service (X-Ray, Cloud Trace) through its regional API without an egress charge. Hops with
 * nothing to charge (one zone, a price of 0) are still listed, at $0, so the words can say why.
 *
 * @example
 * networkItems({ sentBytesPerDay: 648e9, keptBytesPerDay: 648e9, viaCollector: true, loadBalanced: false,
 *   hosting: "self-hosted", sameCloud: false, replicationCopies: 1, replicationBytesPerRawByte: 1, zones: 3, interZoneUsdPerGb: 0.02, egressUsdPerGb: 0.09 })
 *   .map((item) => [item.hop, item.usd])
 * //=> [["app-to-collector", 262.656], ["collector-to-backend", 65.664]]
 * //   648 GB × 30.4 = 19,699.2 GB a month; × 2/3 × $0.02 = $262.66; gzip ÷ 4 → $65.66
 */
export function networkItems(input: NetworkInput): NetworkItem[] {
  const share = crossZoneShare(input.zones)
  const gbPerMonth = (bytesPerDay: number) => (bytesPerDay / BYTES_PER_GB) * DAYS_PER_MONTH
  const hop = (
    name: NetworkHop,
    bytesPerDay: number,
    compression: number,
    crossing: NetworkItem["crossing"],
    crossingShare: number
  ): NetworkItem => {
    const wireGbPerMonth = gbPerMonth(bytesPerDay) / compression
    const unitUsd = crossing === "zone" ? input.interZoneUsdPerGb : crossing === "internet" ? input.egressUsdPerGb : 0
    const quantity = wireGbPerMonth * crossingShare
    return {
      hop: name,
      crossing,
      wireGbPerMonth,
      crossingShare,
      compression,
      quantity,
      unitUsd,
      usd: quantity * unitUsd,
    }
  }
  const items: NetworkItem[] = []
  const saas = input.hosting === "saas"
  const toSaas: NetworkItem["crossing"] = input.sameCloud ? "cloud-service" : "internet"
  if (!input.viaCollector) {
    items.push(
      saas
        ? hop("app-to-saas", input.sentBytesPerDay, 1, toSaas, 1)
        : hop("app-to-backend", input.sentBytesPerDay, 1, "zone", share)
    )
  } else {
    items.push(hop("app-to-collector", input.sentBytesPerDay, 1, "zone", share))
    if (input.loadBalanced)
      items.push(hop("load-balancer-to-sampler", input.sentBytesPerDay, GZIP_WIRE_FACTOR, "zone", share))
    items.push(
      saas
        ? hop("collector-to-saas", input.keptBytesPerDay, GZIP_WIRE_FACTOR, toSaas, 1)
        : hop("collector-to-backend", input.keptBytesPerDay, GZIP_WIRE_FACTOR, "zone", share)
    )
  }
  if (!saas && input.replicationCopies > 1 && input.zones > 1) {
    // Each copy after the first goes to a node in another zone (that is what the copies are for).
    const replicaBytesPerDay = input.keptBytesPerDay * input.replicationBytesPerRawByte
    items.push(hop("backend-replication", replicaBytesPerDay * (input.replicationCopies - 1), 1, "zone", 1))
  }
  return items
}
