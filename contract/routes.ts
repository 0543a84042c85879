/**
 * @module contract/routes
 * The API's route tree as a type: every path, method and validated input, inferred by Hono from
 * the server's sub-apps (server/routes/api.ts). Type-only: nothing of the server reaches the web
 * bundle; the web's typed client (web/src/client.ts) is checked against it.
 */
export type { ApiRoutes } from '../server/routes/api.ts';
