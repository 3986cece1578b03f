import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSecrets } from "@/lib/security/find-secrets";

describe("findSecrets", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function bundle(files: Record<string, string>) {
    dir = mkdtempSync(path.join(os.tmpdir(), "bundle-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it("finds a secret anywhere in a nested bundle, and its decoded base64 form", () => {
    const key = Buffer.from("owner-secret-key-123").toString("base64");
    const root = bundle({
      "chunks/a.js": `const k="${key}";`,
      "chunks/deep/b.js": 'fetch("/x",{headers:{s:"owner-secret-key-123"}})',
      "css/site.css": "body{}",
    });
    const hits = findSecrets(root, { SPEKTRIX_API_KEY: key });
    expect(hits).toEqual(
      expect.arrayContaining([
        { file: "chunks/a.js", secret: "SPEKTRIX_API_KEY" },
        { file: path.join("chunks", "deep", "b.js"), secret: "SPEKTRIX_API_KEY (decoded)" },
      ]),
    );
    expect(hits).toHaveLength(2);
  });

  it("reports nothing for a clean bundle", () => {
    const root = bundle({ "chunks/a.js": "console.log('hello')" });
    expect(findSecrets(root, { AUTH_SECRET: "a-long-auth-secret-value" })).toEqual([]);
  });
});
