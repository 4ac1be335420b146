// What a backend's components add up to, for a summary line or a check against a published total.
import type { BackendSizing } from "./types"

/** A sizing's vCPU, memory (GB) and extra disk (GiB), summed over every replica of every component. */
export interface SizingTotals {
  vcpu: number
  memoryGb: number
  diskGib: number
}

/**
 * Sums replicas × vCPU, replicas × GB of memory and replicas × GiB of disk over a sizing's
 * components. The disk is only the components' own (a Kafka log); the storage line holds the data.
 *
 * @example
 * sizingTotals({
 *   components: [
 *     { id: "server", replicas: 3, vcpu: 2, memoryGb: 8, diskGib: 0, source: "clickhouseSizing" },
 *     { id: "keeper", replicas: 3, vcpu: 0.1, memoryGb: 4, diskGib: 0, source: "clickhouseKeeper" },
 *   ],
 *   replicationCopies: 3, gaps: [], notes: [],
 * }) //=> { vcpu: 6.3, memoryGb: 36, diskGib: 0 }
 */
export function sizingTotals(sizing: BackendSizing): SizingTotals {
  return sizing.components.reduce<SizingTotals>(
    (sum, c) => ({
      vcpu: sum.vcpu + c.replicas * c.vcpu,
      memoryGb: sum.memoryGb + c.replicas * c.memoryGb,
      diskGib: sum.diskGib + c.replicas * c.diskGib,
    }),
    { vcpu: 0, memoryGb: 0, diskGib: 0 }
  )
}
