import { UserRole } from "../domain/user-role.enum";
import type { UserDocument } from "../db/user.document";
import { DEMO_VOCABULARY as V } from "./demo-vocabulary";
import type { SeededRandom } from "./seeded-random";

const DAY_MS = 86_400_000;

/** Role mix of an incident team: mostly responders, few admins. */
const ROLE_WEIGHTS: Readonly<Record<UserRole, number>> = {
  [UserRole.ADMIN]: 3,
  [UserRole.ANALYST]: 25,
  [UserRole.RESPONDER]: 50,
  [UserRole.VIEWER]: 22,
};

/**
 * Demo users with unique e-mail addresses, roles and settings. Accounts predate the
 * data window; some never logged in. Users are few, so they are made all at once.
 */
export function generateDemoUsers(random: SeededRandom, count: number, now: Date): UserDocument[] {
  const emails = new Set<string>();
  const users: UserDocument[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(V.firstNames);
    const last = random.pick(V.lastNames);
    const local = `${first}.${last}`
      .toLowerCase()
      .normalize("NFD")
      .replace(/[^a-z.]/g, "");
    let email = `${local}@jupiter.example`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@jupiter.example`;
    emails.add(email);

    const createdAt = new Date(now.getTime() - random.between(30, 900) * DAY_MS);
    const lastLogin = random.chance(0.08)
      ? null
      : new Date(
          Math.max(createdAt.getTime(), now.getTime() - random.logNormal(2, 1.2) * DAY_MS) +
            random.int(0, 3600_000),
        );
    users.push({
      _id: random.objectId(createdAt),
      email,
      name: `${first} ${last}`,
      role: random.weighted(ROLE_WEIGHTS),
      settings: {
        timezone: random.pick(V.timezones),
        locale: random.pick(V.locales),
        theme: random.pick(["light", "dark", "system"]),
        default_view: random.pick(["my-cases", "all-cases", "alerts", "dashboard"]),
        page_size: random.pick([20, 50, 100]),
        notifications: {
          email: random.chance(0.8),
          slack: random.chance(0.6),
          sms: random.chance(0.2),
          digest: random.pick(["daily", "weekly", "never"]),
        },
      },
      created_at: createdAt,
      last_login: lastLogin && lastLogin.getTime() > now.getTime() ? now : lastLogin,
    });
  }
  return users;
}
