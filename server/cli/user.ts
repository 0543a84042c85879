/**
 * @module cli/user
 * `renkou user add --name <n> --role admin|analyst|township [--townships <codes>]` prints the new
 * access token once; `renkou user list`; `renkou user remove --name <n>` (refused at once).
 */
import { DEFAULT_USERS_FILE } from '../paths.ts';
import { ROLES, UserStore, type Role } from '../auth/users.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

export const command: Command = {
  name: 'user',
  summary: 'add, list or remove users (access control is on once a user exists)',
  usage: 'renkou user add --name <n> --role admin|analyst|township [--townships <code,code>] | user list | user remove --name <n>',
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      name: { type: 'string' }, role: { type: 'string' }, townships: { type: 'string' }, users: { type: 'string' },
    }, true);
    const store = new UserStore(values.users ?? process.env.RENKOU_USERS ?? DEFAULT_USERS_FILE);
    switch (positionals[0]) {
      case 'add': {
        if (!values.name || !/^[\p{L}\p{N}_.-]{1,40}$/u.test(values.name)) throw new UsageError('--name: 1-40 letters, digits, _ . -');
        if (!values.role || !isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const townships = (values.townships ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const bad = townships.find((t) => !/^\d{9}$/.test(t));
        if (bad) throw new UsageError(`--townships: "${bad}" is not a 9-digit township code`);
        try {
          const { user, token } = store.add({ name: values.name, role: values.role, townships });
          console.log(`added ${user.name} (${user.role}${townships.length ? `: ${townships.join(', ')}` : ''})`);
          console.log(`access token (shown once; give it to the user, it cannot be recovered):\n${token}`);
          return 0;
        } catch (e) {
          throw new UsageError(e instanceof Error ? e.message : String(e));
        }
      }
      case 'list':
        for (const u of store.list()) console.log(`${u.name}\t${u.role}\t${u.townships.join(',') || 'all'}\t${u.createdAt}`);
        return 0;
      case 'remove':
        if (!values.name) throw new UsageError('--name is required');
        if (!store.remove(values.name)) throw new UsageError(`no user named "${values.name}"`);
        console.log(`removed ${values.name}: their token stops working at once`);
        return 0;
      default:
        throw new UsageError('say add, list or remove');
    }
  },
};
