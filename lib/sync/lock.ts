/**
 * The advisory lock a sync run holds for its whole length (one run at a time, across instances). A switch of
 * the studio's Spektrix client takes it too, so it never lands half-way through a run of the old client.
 */
export const SYNC_LOCK_KEY = 0x53594e43;
