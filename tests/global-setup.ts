import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A new, empty PGlite cluster's data folder as a tar file (see tests/setup.ts). */
    pgliteTemplate: string;
  }
}

/**
 * Creates an empty PGlite cluster once per run. Creating one (initdb) takes most of the seconds a test's in-memory
 * store costs, and every test file opens its own; tests/setup.ts starts each from a copy of this one instead.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "pglite-template-"));
  const file = path.join(dir, "empty-cluster.tar");
  const pg = new PGlite();
  await pg.waitReady;
  writeFileSync(file, Buffer.from(await (await pg.dumpDataDir("none")).arrayBuffer()));
  await pg.close();
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
