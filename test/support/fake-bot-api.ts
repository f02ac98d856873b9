// A Bot API stand-in on loopback that accepts every call at once with a message, for measuring and counting
// our side of a Telegram update (not for checking what was sent: the emulator in bot-helpers does that).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const SENT = '{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"x"}}';

export async function startFakeBotApi(): Promise<{ root: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(SENT);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
