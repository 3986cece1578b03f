import type { SiteUser } from "./session";

declare module "next-auth" {
  // The site's user is the Spektrix customer; next-auth's default fields (image) are not used.
  interface User extends SiteUser {
    id: string;
  }
  interface Session {
    user: SiteUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    customerId?: string;
    name?: string | null;
    email?: string | null;
    membershipIds?: string[];
    /** When this session began (ms), kept through every re-issue; what sign-out revokes (lib/auth/revocation.ts). */
    authAt?: number;
  }
}
