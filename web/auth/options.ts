/** What the composition root tells the auth layer about its runtime. */
import type { Context } from "hono";

export interface AuthOptions {
  /** The client's IP address (Node: the socket; Workers: CF-Connecting-IP). */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * `cairn serve --demo` only: a browser on this machine (loopback socket AND a loopback Host
   * header) is signed in as the demo user without a password. Never set in production.
   */
  demoAutoSignIn?: boolean;
}
