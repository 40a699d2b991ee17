/**
 * Whether the client runs Lint Workspace again once a restarted server is ready. The findings Lint
 * Workspace put in Problems for files no editor has open come from the server that linted them: the
 * client clears that server's diagnostics when it stops, and a new server knows nothing of the run.
 * Without a second run, Restart Server (or the client's own restart after a crash) left a Problems
 * panel that looked clean and was not. A run again lints the files as they are on disk now, so a
 * file deleted meanwhile does not come back.
 *
 * One exception: after a crash, no run again when the server went down while Lint Workspace ran,
 * since the run may be what brought it down, and running it again would crash each new server until
 * the client gives up restarting. A restart the user asks for always runs it again.
 *
 * Plain state, no VS Code, so that the unit tier tests it; lintWorkspace.ts feeds it the events.
 */
export class LintAgain {
  /** The server command of the last run, once Lint Workspace was run in this window. */
  private command: string | undefined;
  /** Which server runs now: counted up at each restart, so that a late failure of a run on an older one is not taken for news. */
  private server = 0;
  /** Runs sent to this server and not yet answered or failed. */
  private running = 0;
  /** A run on this server failed without an answer since its last answered one. */
  private cutOff = false;
  /** The user asked for the restart under way (Restart Server). */
  private requested = false;

  /** A run of Lint Workspace under `command` was sent (the user's, or a run again); pass what it returns to ended(). */
  started(command: string): number {
    this.command = command;
    this.running++;
    return this.server;
  }

  /** The run sent to `server` was answered (`answered`), or failed without an answer. */
  ended(server: number, answered: boolean): void {
    if (server !== this.server) return;
    this.running--;
    this.cutOff = !answered;
  }

  /** The user asked for a restart (Restart Server), which stops the server first. */
  restartRequested(): void {
    this.requested = true;
  }

  /**
   * A server is running (started, or started again): the command to run again, or undefined. A run
   * still unanswered now was cut off with the old server, whatever the order its failure arrives in.
   */
  serverReady(): string | undefined {
    const crashedDuringRun = this.cutOff || this.running > 0;
    const again = this.command !== undefined && (this.requested || !crashedDuringRun) ? this.command : undefined;
    this.server++;
    this.running = 0;
    this.cutOff = false;
    this.requested = false;
    return again;
  }
}
