/**
 * The server's own time from a version's arrival to its diagnostics being sent, which
 * `competencyLint/status` reports: the benchmarks and a user troubleshooting a slow editor read the
 * server's part apart from the transport's.
 */
import type { PieceDocument } from './pieceDocument';

export class AnswerClock {
  /** When each document's newest version arrived. */
  private readonly arrived = new Map<string, { version: number; at: number }>();
  /** Milliseconds from the arrival of the last version answered to its diagnostics being sent. */
  lastMs: number | undefined;

  arrive(doc: PieceDocument): void {
    if (this.arrived.get(doc.uri)?.version !== doc.version) this.arrived.set(doc.uri, { version: doc.version, at: performance.now() });
  }

  answered(uri: string, version: number): void {
    const a = this.arrived.get(uri);
    if (a && a.version === version) {
      this.lastMs = performance.now() - a.at;
      this.arrived.delete(uri);
    }
  }

  forget(uri: string): void {
    this.arrived.delete(uri);
  }
}
