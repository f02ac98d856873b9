// One structured JSON line per notable notification event (a failed send, a dead row, the bot's polling
// state changing), on stderr, so a log collector can count and alert on them without parsing prose.
export type LogLevel = 'info' | 'warn' | 'error';

export type LogSink = (line: string) => void;

let sink: LogSink = (line) => console.error(line);

/** Tests capture the lines; a host could send them elsewhere. */
export function setLogSink(next: LogSink): () => void {
  const before = sink;
  sink = next;
  return () => {
    sink = before;
  };
}

export function logEvent(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  sink(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
}
