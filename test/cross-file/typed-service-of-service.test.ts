import { describe, expect, it } from 'vitest';
import { findingsWithRelated as findings } from '../support/cli.js';
import { project } from '../support/project.js';

// A retried NestJS Bull job calls a service method of another file (`sendNotification`), which
// pushes through a service of a third file it holds as a typed field (`this.firebase.sendToUser`)
// and then publishes the event, a step that can fail: a failure there fails the job, and its next
// attempt pushes again (reem128-alt/delivering-system). The push is found through the type checker,
// one call further than the service's own body. When the push is the service's last step, the
// attempt that pushed did not fail after it: quiet.
describe('a retried job whose service notifies through a typed service of another file (AP-002)', () => {
  const processor = [
    "import { Process, Processor } from '@nestjs/bull';",
    "import type { Job } from 'bull';",
    "import { NotificationsService } from './notifications.service';",
    '',
    "@Processor('notifications')",
    'export class NotificationProcessor {',
    '  constructor(private readonly notifications: NotificationsService) {}',
    '',
    "  @Process('retry-notification')",
    '  async handle(job: Job<{ userId: number; title: string }>) {',
    '    await this.notifications.sendNotification(job.data.userId, job.data.title);',
    '  }',
    '}',
    '',
  ].join('\n');
  const firebase = [
    "import * as admin from 'firebase-admin';",
    '',
    'export class FirebaseService {',
    '  async sendToUser(userId: number, title: string): Promise<boolean> {',
    '    await admin.messaging().send({ topic: `user-${userId}`, notification: { title } });',
    '    return true;',
    '  }',
    '}',
    '',
  ].join('\n');
  const service = (publishAfter: boolean) =>
    [
      "import { FirebaseService } from './firebase.service';",
      "import { RedisService } from './redis.service';",
      '',
      'export class NotificationsService {',
      '  constructor(',
      '    private readonly firebase: FirebaseService,',
      '    private readonly redis: RedisService,',
      '  ) {}',
      '',
      '  async sendNotification(userId: number, title: string): Promise<void> {',
      ...(publishAfter ? [] : ['    await this.redis.publish(`notifications:${userId}`, { title });']),
      '    const pushed = await this.firebase.sendToUser(userId, title);',
      "    if (!pushed) console.warn('no device for', userId);",
      ...(publishAfter ? ['    await this.redis.publish(`notifications:${userId}`, { title });'] : []),
      '  }',
      '}',
      '',
    ].join('\n');
  const module = [
    "import { BullModule } from '@nestjs/bull';",
    "import { Module } from '@nestjs/common';",
    '',
    "@Module({ imports: [BullModule.registerQueue({ name: 'notifications', defaultJobOptions: { attempts: 3 } })] })",
    'export class NotificationsModule {}',
    '',
  ].join('\n');
  const redis = ['export class RedisService {', '  async publish(channel: string, event: object): Promise<void> {', '    await fetch(`http://redis-proxy/${channel}`, { method: "PUT", body: JSON.stringify(event) });', '  }', '}', ''].join('\n');

  it('reports the job, with the typed service call inside the service as related', async () => {
    const dir = project({
      'src/notifications.module.ts': module,
      'src/notification.processor.ts': processor,
      'src/notifications.service.ts': service(true),
      'src/firebase.service.ts': firebase,
      'src/redis.service.ts': redis,
    });
    const found = await findings(dir);
    expect(found.map((f) => f.at)).toEqual(['AP-002 src/notification.processor.ts:11']);
    expect(found[0]?.related).toContain('src/notifications.service.ts:11');
  });

  it('stays quiet when the typed push is the service’s last step that can fail', async () => {
    const dir = project({
      'src/notifications.module.ts': module,
      'src/notification.processor.ts': processor,
      'src/notifications.service.ts': service(false),
      'src/firebase.service.ts': firebase,
      'src/redis.service.ts': redis,
    });
    expect((await findings(dir)).map((f) => f.at)).toEqual([]);
  });
  // An imported function one call further (not a typed service) is not followed: the service's
  // error path calls the app's `logError`, which posts an ops alert to Slack before the rethrow
  // (escrow-pi-backend's order service, BeautyBooking's worker in batch 33): no message to a user.
  it('stays quiet when the service reaches a message only through an imported function on its error path', async () => {
    const alerting = [
      'import { logError } from "./alerts";',
      "import { RedisService } from './redis.service';",
      '',
      'export class NotificationsService {',
      '  constructor(private readonly redis: RedisService) {}',
      '',
      '  async sendNotification(userId: number, title: string): Promise<void> {',
      '    try {',
      '      await this.redis.publish(`notifications:${userId}`, { title });',
      '    } catch (err) {',
      "      await logError('publish failed', err);",
      '      throw err;',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const alerts = [
      'export async function logError(message: string, err: unknown): Promise<void> {',
      "  await fetch(process.env.SLACK_WEBHOOK_URL ?? '', { method: 'POST', body: JSON.stringify({ text: `${message}: ${String(err)}` }) });",
      '}',
      '',
    ].join('\n');
    const dir = project({
      'src/notifications.module.ts': module,
      'src/notification.processor.ts': processor,
      'src/notifications.service.ts': alerting,
      'src/alerts.ts': alerts,
      'src/redis.service.ts': redis,
    });
    expect((await findings(dir)).map((f) => f.at)).toEqual([]);
  });
});
