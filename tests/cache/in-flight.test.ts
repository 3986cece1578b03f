import { describe, expect, it } from "vitest";
import { sharedWhileInFlight } from "@/lib/cache/in-flight";

/** A read whose answers the test hands out one at a time, counting how often it was started. */
function controlledRead<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const read = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  return { read, pending };
}

describe("sharedWhileInFlight", () => {
  it("gives every caller that asks while a read runs that one read", async () => {
    const { read, pending } = controlledRead<string[]>();
    const get = sharedWhileInFlight(read);
    const answers = Promise.all(Array.from({ length: 200 }, () => get()));
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(["facts"]);
    expect(new Set(await answers)).toEqual(new Set([["facts"]]));
  });

  it("keeps nothing once the read settles: the next caller starts a new read and sees its answer", async () => {
    const { read, pending } = controlledRead<number>();
    const get = sharedWhileInFlight(read);
    const first = get();
    pending[0]!.resolve(1);
    expect(await first).toBe(1);
    const second = get();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(2);
    expect(await second).toBe(2);
  });

  it("shares a failure with the callers that waited on it, and tries again after", async () => {
    const { read, pending } = controlledRead<number>();
    const get = sharedWhileInFlight(read);
    const waiting = [get(), get()];
    pending[0]!.reject(new Error("store down"));
    for (const w of waiting) await expect(w).rejects.toThrow("store down");
    const retry = get();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve(3);
    expect(await retry).toBe(3);
  });
});
