// Fault injection for tests: rules match request paths and fire a limited number of times.

export type FaultType =
  "latency" | "status" | "rateLimit" | "hang" | "malformedJson" | "truncated" | "emptyCatalogue" | "vanishEvents";

export interface FaultInput {
  type: FaultType;
  /** Glob (`*` within a segment, `**` across segments) matched against the API-relative path (`events`, `instances/123/status`)
   *  or the full pathname; or a RegExp / `re:<source>` string tested against pathname + query. Default: every path. */
  path?: string | RegExp;
  method?: string;
  /** How many matching requests the fault applies to; default unlimited. */
  count?: number;
  latencyMs?: number;
  status?: 500 | 502 | 503;
  retryAfter?: number;
  /** For `vanishEvents`: share of events (0–100) that disappear, chosen by a stable hash of the id. */
  percent?: number;
}

export interface FaultRule extends FaultInput {
  id: number;
  remaining: number;
  hits: number;
  matcher: RegExp;
  apiMatcher: boolean;
}

function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        out += ".*";
        i++;
      } else out += "[^/]*";
    } else if (ch === "?") out += "[^/]";
    else out += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private hangs = new Set<() => void>();

  constructor(readonly enabled: boolean) {}

  add(input: FaultInput): number {
    if (!this.enabled) throw new Error("Fault injection needs the emulator started with control: true");
    const path = input.path ?? "**";
    const isRegex = path instanceof RegExp || path.startsWith("re:");
    const matcher = path instanceof RegExp ? path : isRegex ? new RegExp(path.slice(3)) : globToRegExp(path);
    const rule: FaultRule = {
      ...input,
      id: this.nextId++,
      remaining: input.count ?? Infinity,
      hits: 0,
      matcher,
      apiMatcher: !isRegex,
    };
    this.rules.push(rule);
    return rule.id;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Omit<FaultRule, "matcher">[] {
    return this.rules.map(({ matcher, ...r }) => ({
      ...r,
      path: r.path instanceof RegExp ? `re:${matcher.source}` : r.path,
    }));
  }

  /** Returns the rules that fire for this request and uses up one of each one's count. */
  take(method: string, pathname: string, search: string, apiPath: string | null): FaultRule[] {
    if (!this.enabled) return [];
    const fired: FaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      const hit = rule.apiMatcher
        ? rule.matcher.test(pathname) || (apiPath !== null && rule.matcher.test(apiPath))
        : rule.matcher.test(pathname + search) || (apiPath !== null && rule.matcher.test(apiPath));
      if (!hit || rule.remaining <= 0) continue;
      rule.remaining--;
      rule.hits++;
      fired.push(rule);
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return fired;
  }

  /** A request that never answers until the emulator stops (or the client gives up). */
  hang(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.hangs.delete(done);
        resolve();
      };
      this.hangs.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  releaseHangs(): void {
    for (const done of [...this.hangs]) done();
  }
}

export interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  query: string;
  mode: "web" | "owner" | "browser" | "control" | "none";
  /** Whether the request looked like it came from a browser (an allowed Origin, or the emulator's own pages). */
  fromBrowser: boolean;
  status: number;
  faults: FaultType[];
}

/** Everything the emulator answered, so tests can count upstream calls. */
export class RequestLog {
  entries: LoggedRequest[] = [];
  all(): LoggedRequest[] {
    return [...this.entries];
  }
  /** Count requests whose path contains `path` (string) or matches it (RegExp), optionally by method/mode. */
  count(filter: { path?: string | RegExp; method?: string; mode?: LoggedRequest["mode"] } = {}): number {
    return this.filter(filter).length;
  }
  filter(filter: { path?: string | RegExp; method?: string; mode?: LoggedRequest["mode"] }): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (!filter.method || e.method === filter.method.toUpperCase()) &&
        (!filter.mode || e.mode === filter.mode) &&
        (filter.path === undefined ||
          (typeof filter.path === "string" ? e.path.includes(filter.path) : filter.path.test(e.path))),
    );
  }
  clear(): void {
    this.entries = [];
  }
}

/** Stable per-id decision for `vanishEvents`. */
export function vanishes(eventId: string, percent: number): boolean {
  let h = 0;
  for (let i = 0; i < eventId.length; i++) h = (h * 31 + eventId.charCodeAt(i)) >>> 0;
  return h % 100 < percent;
}
