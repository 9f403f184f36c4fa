import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { project } from '../support/project.js';

interface Related {
  file?: string;
  line: number;
  message: string;
}

async function findings(dir: string): Promise<{ where: string; sends: string[] }[]> {
  const { stdout } = await runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], dir);
  const report = JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; related?: Related[] }[] };
  return report.findings.map((f) => ({
    where: `${f.ruleId} ${f.file}:${f.line}`,
    sends: (f.related ?? []).filter((r) => / calls .+ here$/.test(r.message)).map((r) => `${r.file}:${r.line}`),
  }));
}

// Python has no types to say what `message.send()` runs; the binding `message = PushMessage(…)`
// to a class imported from the project does.
describe('a method of a project class called through a variable (Python)', () => {
  const push = [
    'from push_notifications.models import APNSDevice, GCMDevice',
    '',
    'class PushMessage:',
    '    def __init__(self, user, text):',
    '        self.user = user',
    '        self.text = text',
    '',
    '    def send(self):',
    '        GCMDevice.objects.filter(user=self.user).send_message(self.text)',
    '        APNSDevice.objects.filter(user=self.user).send_message(self.text)',
    '',
    '    def preview(self):',
    '        return self.text[:40]',
    '',
  ].join('\n');
  const task = (call: string) =>
    [
      'from celery import shared_task',
      'from app.push import PushMessage',
      '',
      '@shared_task(bind=True, max_retries=5)',
      'def send_push(self, user, text):',
      '    message = PushMessage(user, text)',
      '    try:',
      `        ${call}`,
      '    except Exception as exc:',
      '        raise self.retry(exc=exc)',
      '',
    ].join('\n');

  it('reports the method when it sends before a later send that can fail, with each repeated send as a related location', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/push.py': push, 'app/tasks.py': task('message.send()') });
    expect(await findings(dir)).toEqual([{ where: 'AP-002 app/tasks.py:8', sends: ['app/push.py:9'] }]);
  });

  it('stays quiet when the method called sends nothing', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/push.py': push, 'app/tasks.py': task('message.preview()') });
    expect(await findings(dir)).toEqual([]);
  });
});

// A method named like a write (`create_ticket`) is a write by its name; the class it belongs to,
// imported from the project, says where the request goes, or that it is keyed or only local.
describe('a write-named method of a project class called through a variable (Python)', () => {
  const zoho = (body: string) =>
    [
      'import requests',
      '',
      'class DeskClient:',
      '    def create_ticket(self, subject, email):',
      `        ${body}`,
      '',
    ].join('\n');
  const task = [
    'from celery import shared_task',
    'from requests.exceptions import ConnectionError, Timeout',
    'from app.desk import DeskClient',
    '',
    '@shared_task(bind=True, autoretry_for=(Timeout, ConnectionError), max_retries=3)',
    'def create_desk_ticket(self, subject, email):',
    '    client = DeskClient()',
    '    client.create_ticket(subject=subject, email=email)',
    '',
  ].join('\n');
  const post = 'return requests.post("https://desk.example.com/api/v1/tickets", json={"subject": subject, "email": email}, timeout=60)';

  it('reports the call in the retried task with the request the method makes as a related location', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/desk.py': zoho(post), 'app/tasks.py': task });
    expect(await findings(dir)).toEqual([{ where: 'AP-001 app/tasks.py:8', sends: ['app/desk.py:5'] }]);
  });

  it('stays quiet when the method passes an idempotency key', async () => {
    const keyed = post.replace('timeout=60', 'headers={"Idempotency-Key": f"ticket-{email}-{subject}"}, timeout=60');
    const dir = project({ 'app/__init__.py': '', 'app/desk.py': zoho(keyed), 'app/tasks.py': task });
    expect(await findings(dir)).toEqual([]);
  });

  it('stays quiet when the method only keeps the ticket in memory', async () => {
    const dir = project({ 'app/__init__.py': '', 'app/desk.py': zoho('self.tickets = [(subject, email)]'), 'app/tasks.py': task });
    expect(await findings(dir)).toEqual([]);
  });
});
