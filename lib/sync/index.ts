/**
 * The sync engine's public surface. Server code only (it opens databases and hashes with node:crypto).
 * The app's wiring lives in `./server` (`runSiteSync`), the demo timer in `./schedule`.
 */
export { runSync, fetchFeed, SYNC_LOCK_KEY, type RunSyncOptions, type SyncSummary, type SyncCounts, type SyncProgress, type SyncTrigger, type Revalidate } from "./engine";
export {
  parseSyncSettings,
  loadSyncSettings,
  saveSyncSettings,
  lockedEventFields,
  defaultSyncSettings,
  defaultMaps,
  syncSettingsSchema,
  EVENT_SOURCE_FIELDS,
  EVENT_TARGETS,
  TRANSFORMS,
  MAP_MODES,
  ACCESS_FLAGS,
  type SyncSettings,
  type SyncSettingsInput,
  type SyncMap,
  type SettingsErrors,
  type LoadedSettings,
} from "./settings";
export { getSyncHealth, listSyncRuns, type SyncHealth, type SyncRunRecord } from "./status";
export { eventIsListed, performanceIsListed, LISTED_EVENT_STATUSES, LISTED_PERFORMANCE_STATUSES } from "./visibility";
export { createSpektrixSource, type SpektrixSourceOptions } from "./spektrix-source";
export type { SyncSource, SourceEvent, SourcePerformance, SourceVenue, FetchWindow } from "./source";
