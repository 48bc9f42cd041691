import http from 'node:http';

/**
 * One readiness check: does `url` answer 2xx within `timeoutMs`?
 *
 * `node:http`, not `fetch`: fetch refuses the ports browsers block (6000, 6665-6669, 10080...),
 * so a service configured on one of them would serve perfectly and never be seen as ready.
 * No agent: a pooled keep-alive socket would hold the service's connection open after the check.
 */
export function probeReady(url: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(status >= 200 && status < 300);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
