import { EmailSchema, Role } from '@heard/domain';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { newPasswordProblems } from '../platform/auth/common-passwords';
import { hashPassword } from '../platform/auth/passwords';
import { ConfigError, loadConfig } from '../platform/config/config';
import { embeddedDataDir, openDatabase } from '../platform/database/database';
import { User } from '../app/users/entities/user.entity';
import { AuditService } from '../platform/audit/audit.service';
import { AuditAction, AuditRecordType } from '@heard/domain';

/**
 * `npm run create-admin -- --email a@council.example --name "A Person"` creates the first
 * administrator on a real deployment. The password comes from ADMIN_PASSWORD or is asked for,
 * so it never sits in shell history.
 */
async function createAdmin(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = EmailSchema.safeParse(values.email ?? '');
  if (!email.success || !values.name?.trim()) {
    throw new Error('Usage: npm run create-admin -- --email someone@council.example --name "Their Name"');
  }
  let password = process.env['ADMIN_PASSWORD'] ?? '';
  if (!password) {
    if (!process.stdin.isTTY)
      throw new Error('Set ADMIN_PASSWORD, or run this in a terminal to be asked for it.');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question('Password for the new administrator: ');
    rl.close();
  }
  const problems = newPasswordProblems(password, email.data);
  if (problems.length) throw new Error(`That password will not do: ${problems.join(' ')}`);

  const config = loadConfig(process.env);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: embeddedDataDir(config.dataDir),
  });
  try {
    const exists = await db
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: email.data })
      .getExists();
    if (exists) throw new Error('An account with this email already exists.');
    const passwordHash = await hashPassword(password);
    await db.transaction(async (em) => {
      const result = await em.insert(User, {
        email: email.data,
        displayName: values.name!.trim(),
        role: Role.Administrator,
        status: 'active',
        passwordHash,
      });
      const id = (result.identifiers[0] as { id: string }).id;
      // Nobody is signed in at a terminal: the row has no actor, and says how the account came to be.
      await new AuditService(db).for(null).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.User,
        id,
        detail: { via: 'create-admin' },
      });
    });
    process.stdout.write(`Created administrator ${email.data}.\n`);
  } finally {
    await db.destroy();
  }
}

createAdmin().catch((error: Error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error.message}\n`);
  process.exit(1);
});
