import { describe, expect, it } from 'vitest';
import { findingLines } from '../support/cli.js';
import { project } from '../support/project.js';

// A function that sends to every row it is handed and marks the whole batch only after its loop,
// called by a run of another file with rows that run selected by the field the mark writes: a team's
// daily management command selects the users whose onboarding e-mail status is 1 and hands them to
// `send_onboarding_emails_2(users)`, which mails each and then sets status 2 for all of them. An
// SMTP error on a later user aborts the run before the update, so the next day's run mails again
// the users already reached. Quiet when the caller's rows were not selected by that field.
describe('a batch marked after its loop, over rows a caller of another file selected', () => {
  const pySender = {
    'app/__init__.py': '',
    'app/emails.py': [
      'from django.core.mail import EmailMultiAlternatives',
      'from .models import UserProfile',
      '',
      '',
      'def send_onboarding_emails_2(users):',
      '    for user in users:',
      '        msg = EmailMultiAlternatives(subject="Welcome, again", body="…", to=[user.email])',
      '        msg.send()',
      '    pks = users.values_list("pk", flat=True)',
      '    UserProfile.objects.filter(user__in=pks).update(onboarding_email_status=2)',
      '',
    ].join('\n'),
  };
  const pyCommand = (selected: boolean) => ({
    'app/management/__init__.py': '',
    'app/management/commands/__init__.py': '',
    'app/management/commands/send_onboarding_emails.py': [
      'from django.contrib.auth.models import User',
      'from django.core.management.base import BaseCommand',
      '',
      'from app.emails import send_onboarding_emails_2',
      '',
      '',
      'class Command(BaseCommand):',
      '    def handle(self, *args, **kwargs):',
      selected ? '        users = User.objects.filter(is_active=True, profile__onboarding_email_status=1)' : '        users = User.objects.filter(pk__in=kwargs["ids"])',
      '        send_onboarding_emails_2(users)',
      '',
    ].join('\n'),
  });

  it('reports the send when the caller selected the rows by the field marked after the loop (py)', async () => {
    expect(await findingLines(project({ ...pySender, ...pyCommand(true) }))).toEqual(['AP-002 app/emails.py:8']);
  });

  it("is quiet when the caller's rows were not selected by that field (py)", async () => {
    expect(await findingLines(project({ ...pySender, ...pyCommand(false) }))).toEqual([]);
  });

  const ecma = (ext: string, selected: boolean) => ({
    'package.json': '{}',
    [`src/emails.${ext}`]: [
      "import { prisma } from './db';",
      "import { sendEmail } from './mailer';",
      'export async function sendOnboardingEmails(users) {',
      '  for (const user of users) {',
      "    await sendEmail(user.email, 'Welcome, again');",
      '  }',
      '  await prisma.profile.updateMany({ where: { userId: { in: users.map((u) => u.id) } }, data: { onboardingStatus: 2 } });',
      '}',
      '',
    ].join('\n'),
    [`src/jobs/onboarding.${ext}`]: [
      "import { prisma } from '../db';",
      "import { sendOnboardingEmails } from '../emails';",
      'export async function runOnboarding() {',
      selected ? '  const users = await prisma.user.findMany({ where: { onboardingStatus: 1 } });' : '  const users = await prisma.user.findMany({ where: { createdAt: { gte: new Date(0) } } });',
      '  await sendOnboardingEmails(users);',
      '}',
      '',
    ].join('\n'),
  });
  for (const ext of ['js', 'ts']) {
    it(`reports the send when the caller selected the rows by the field marked after the loop (${ext})`, async () => {
      expect(await findingLines(project(ecma(ext, true)))).toEqual([`AP-002 src/emails.${ext}:5`]);
    });

    it(`is quiet when the caller's rows were not selected by that field (${ext})`, async () => {
      expect(await findingLines(project(ecma(ext, false)))).toEqual([]);
    });
  }
});
