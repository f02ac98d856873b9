// Local stand-ins for the WeCom, DingTalk and Feishu robot endpoints (node:http on loopback): they record
// every request with the manual clock's time and answer from a script, defaulting to the robot's success.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

export interface Received {
  at: number;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const PATHS: Record<RobotKind, string> = {
  wecom: '/cgi-bin/webhook/send?key=wecom-key-0001',
  dingtalk: '/robot/send?access_token=dingtalk-token-0001',
  feishu: '/open-apis/bot/v2/hook/feishu-hook-0001',
};

export const ROBOT_OK: Record<RobotKind, unknown> = {
  wecom: { errcode: 0, errmsg: 'ok' },
  dingtalk: { errcode: 0, errmsg: 'ok' },
  feishu: { code: 0, msg: 'success', data: {} },
};

export interface Robot {
  url: string;
  received: Received[];
  /** Replies for the next requests, in order; afterwards the robot succeeds. */
  script: (...replies: Reply[]) => void;
  /** Stop listening (connections refused) / listen again on the same port. */
  down: () => Promise<void>;
  up: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startRobot(kind: RobotKind, clock: () => Date): Promise<Robot> {
  const received: Received[] = [];
  let planned: Reply[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      received.push({ at: clock().getTime(), path: url.pathname, query: url.searchParams, body: JSON.parse(raw) });
      const reply = planned.shift() ?? { status: 200, body: ROBOT_OK[kind] };
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  };
  let server: Server = createServer(handler);
  const listen = (port: number) =>
    new Promise<number>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return {
    url: `http://127.0.0.1:${port}${PATHS[kind]}`,
    received,
    script: (...replies) => {
      planned = replies;
    },
    down: stop,
    up: async () => {
      server = createServer(handler);
      await listen(port);
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
