/**
 * Stamps every incoming request with the address of the socket that sent it (`PEER_ADDRESS_HEADER`), the one
 * address a visitor cannot forge. Next gives route handlers and server actions headers only, and fills
 * `X-Forwarded-For` from the socket only when the visitor sent none, so without this a rate limit could only
 * trust a header the visitor writes. Installed once per process from instrumentation.ts (docs/adr, client address).
 */
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-ip";

const INSTALLED = Symbol.for("storefront.peerAddressHeader");

export function installPeerAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      // Overwrites whatever the visitor sent under this name.
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
