/**
 * Reading the site session on the server: pages, layouts, route handlers and server actions.
 */
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { routes } from "@/lib/routes";
import { isSignedIn, type SiteSession, type SiteUser } from "./session";

export async function getSiteSession(): Promise<SiteSession> {
  const session = await getServerSession(authOptions());
  const user = session?.user ?? null;
  return isSignedIn(user) ? user : null;
}

/** The signed-in customer, or a redirect to the login page that comes back to `returnTo`. */
export async function requireCustomer(returnTo: string): Promise<SiteUser> {
  const user = await getSiteSession();
  if (!user) redirect(routes.signInThen(returnTo));
  return user;
}
