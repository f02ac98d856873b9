// Structured logs: one JSON object per line ({ time, level, event, …fields }), which Workers Logs, journald
// and any log shipper can filter by field. Every module logs through a `Logger` it is handed (deps.log), so
// tests capture lines instead of reading the console. Fields must never carry secrets or a reporter's
// words; ids, counts, states and error messages are fine.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void;

export interface LogLine extends LogFields {
  time: string;
  level: LogLevel;
  event: string;
}

/** An Error as plain fields (name, message, the first stack lines); anything else as a string. */
export function errorFields(err: unknown): LogFields {
  if (err instanceof Error) {
    return { error: err.message, errorName: err.name, stack: err.stack?.split('\n').slice(0, 6).join('\n') };
  }
  return { error: String(err) };
}

export function logLine(level: LogLevel, event: string, fields: LogFields = {}, now = new Date()): LogLine {
  const line: LogLine = { time: now.toISOString(), level, event };
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    line[k] = v instanceof Date ? v.toISOString() : v;
  }
  return line;
}

/** JSON lines on stdout (info, debug) and stderr (warn, error). */
export const consoleLogger: Logger = (level, event, fields) => {
  const text = JSON.stringify(logLine(level, event, fields));
  if (level === 'warn' || level === 'error') console.error(text);
  else console.log(text);
};

export const silentLogger: Logger = () => {};

/** Keeps lines in memory (tests assert on them). */
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = ((level, event, fields) => {
    lines.push(logLine(level, event, fields));
  }) as Logger & { lines: LogLine[] };
  log.lines = lines;
  return log;
}

/**
 * The logger of a deployment: the one the host injected, else JSON lines on the console — except under
 * APP_ENV=test, where an access line per request would bury the test output (tests inject a memoryLogger
 * to assert on lines).
 */
export function loggerOf(deps: { log?: Logger; config: { APP_ENV: string } }): Logger {
  return deps.log ?? (deps.config.APP_ENV === 'test' ? silentLogger : consoleLogger);
}
