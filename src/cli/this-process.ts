/**
 * This process as the collection lock sees it (src/jobs/collection-lock.ts): the host's name and
 * the process id recorded with a lock, and whether a process of this host still exists. Node
 * only. `kill(pid, 0)` sends nothing: it fails with ESRCH when there is no such process, and with
 * EPERM when there is one we may not signal (alive, another user's).
 */
import { hostname } from "node:os";
import type { ProcessProbe } from "../jobs/collection-lock";

export function thisProcess(): ProcessProbe {
  return {
    self: { host: hostname(), pid: process.pid },
    isAlive: (pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
      }
    },
  };
}
