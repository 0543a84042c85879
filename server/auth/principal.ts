/**
 * @module auth/principal
 * Who is asking, as every route sees it: a name, a role and the scope of townships. With no
 * users configured (a planner's own machine, loopback only) everyone is the local admin.
 */
import type { Context } from 'hono';
import { COUNTY_SCOPE, townshipScope, type Scope } from './scope.ts';
import type { Role, User } from './users.ts';

export interface Principal {
  readonly name: string;
  readonly role: Role;
  readonly scope: Scope;
  /** False when access control is off (no users exist). */
  readonly authenticated: boolean;
}

/** `published`: set by answer/respond.ts on an answer that passed the pipeline (the only kind the answer cache keeps). */
export type AppEnv = { Variables: { principal: Principal; published: true } };

export const LOCAL_ADMIN: Principal = { name: 'local', role: 'admin', scope: COUNTY_SCOPE, authenticated: false };

export function principalOf(user: User): Principal {
  return {
    name: user.name, role: user.role, authenticated: true,
    scope: user.role === 'township' ? townshipScope(user.townships) : COUNTY_SCOPE,
  };
}

export function principal(c: Context<AppEnv>): Principal {
  return c.get('principal') ?? LOCAL_ADMIN;
}
