import nodemailer from 'nodemailer';

export class Mailer {
  private readonly transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

  async sendMail(to: string, subject: string, text: string): Promise<void> {
    await this.transport.sendMail({ from: 'orders@example.com', to, subject, text });
  }
}
