'use strict';

const nodemailer = require('nodemailer');
const twilio = require('twilio');
const webpush = require('web-push');

const smsClient = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
const transporter = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587 });

async function sendSms(to, body) {
  const msg = await smsClient.messages.create({ to, from: process.env.TWILIO_FROM, body });
  return msg.sid;
}

async function sendEmail(to, subject, text, headers = {}) {
  return transporter.sendMail({ from: 'no-reply@example.com', to, subject, text, headers });
}

const push = {
  async sendToUser(subscription, payload, options = {}) {
    return webpush.sendNotification(subscription, JSON.stringify(payload), options);
  },
};

module.exports = { smsClient, sendSms, sendEmail, push };
