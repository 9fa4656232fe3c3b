// The production HTTP server: Next's request handler behind a plain Node server, so that the
// socket's address reaches the app in a header the client cannot forge (login throttling by IP).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";

const app = next({ dev, dir, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const deploymentId = process.env.PORTAL_DEPLOYMENT_ID ?? null;
const server = http.createServer((req, res) => {
  // The load balancer's health check: no session, no data, only which build answers.
  if (req.url === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    return res.end(JSON.stringify({ status: "ok", deploymentId }));
  }
  req.headers["x-portal-remote-addr"] = req.socket.remoteAddress ?? "unknown";
  handle(req, res);
});
// Idle keep-alive connections outlive a typical load balancer's idle timeout (60 s), so the balancer
// closes them first and never sends a request on a socket this server is closing.
server.keepAliveTimeout = Number(process.env.PORTAL_KEEPALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = Number(process.env.PORTAL_HEADERS_TIMEOUT_MS ?? server.keepAliveTimeout + 1_000);
server.listen(port, hostname, () => console.log(`[web] Portal siap di http://localhost:${port}`));

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
// Started by the launcher with an IPC channel: if the launcher dies (even by kill -9), the
// channel closes and this server goes too, rather than holding the port as an orphan.
process.on("disconnect", shutdown);
