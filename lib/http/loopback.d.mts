/** Types for `loopback.mjs`. */
export declare const LOOPBACK_HOSTS: ReadonlySet<string>;
export declare function isLoopbackHttp(url: string): boolean;
