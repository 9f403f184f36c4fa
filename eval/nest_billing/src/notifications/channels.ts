import { Injectable } from '@nestjs/common';
import twilio from 'twilio';

@Injectable()
export class SmsChannel {
  private readonly client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

  async sendSms(to: string, body: string): Promise<string> {
    const message = await this.client.messages.create({ to, from: process.env.TWILIO_FROM, body });
    return message.sid;
  }
}

@Injectable()
export class MailChannel {
  async sendMail(to: string, subject: string, text: string, headers: Record<string, string> = {}): Promise<void> {
    await fetch(`${process.env.MAIL_API}/send`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ to, subject, text }) });
  }
}
