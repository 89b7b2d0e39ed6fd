/**
 * Who is asking: set by the authenticate middleware, read by pages through `c.get("viewer")`
 * or, inside JSX, through ViewerContext (the layout shows the user and the sign-out button).
 * Render pages with `renderPage(c, <Page />)` so the context is filled in.
 */

import type { Context } from "hono";
import type { Child } from "hono/jsx";
import { createContext, useContext } from "hono/jsx";
import { typesetFrenchPage } from "../../src/format/typeset-html";
import type { Role } from "../../src/store/users";
import { AccountNamesContext } from "../pages/account-name";

export interface Viewer {
  userId: number;
  email: string;
  role: Role;
  /** The session's CSRF token; null for API-token requests (no cookie, no CSRF). */
  csrfToken: string | null;
  via: "session" | "token";
}

declare module "hono" {
  interface ContextVariableMap {
    viewer: Viewer;
  }
}

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}

export function isAdmin(viewer: Viewer | null | undefined): boolean {
  return viewer?.role === "admin";
}

/** The hidden field every form carries; the CSRF middleware refuses a POST without it. */
export function CsrfField() {
  const viewer = useViewer();
  return <input type="hidden" name="_csrf" value={viewer?.csrfToken ?? ""} />;
}

export async function renderPage(c: Context, page: Child, status: 200 | 400 | 403 | 404 | 409 | 429 = 200) {
  const html = await (
    <ViewerContext.Provider value={c.get("viewer") ?? null}>
      <AccountNamesContext.Provider value={c.get("accountNames") ?? {}}>{page}</AccountNamesContext.Provider>
    </ViewerContext.Provider>
  ).toString();
  return c.html(typesetFrenchPage(html), status);
}
