import { connect } from 'node:net';

export interface RawResponse {
  statusCode: number;
  body: string;
}

/**
 * One HTTP/1.1 request written byte for byte to a listening server: no client library between
 * the test and the server normalises the request target (absolute-form, dot segments, `//`).
 */
export function rawRequest(
  port: number,
  target: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [`${method} ${target} HTTP/1.1`, 'Host: heatmap.test', 'Connection: close'];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      const statusCode = Number(head.split(' ')[1]);
      resolve({ statusCode, body: text.slice(head.length + 4) });
    });
  });
}
