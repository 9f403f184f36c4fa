'use strict';

const { SNSClient, PublishCommand } = require('@aws-sdk/client-sns');

const sns = new SNSClient({});

async function notifyFinance(subject, message) {
  await sns.send(new PublishCommand({ TopicArn: process.env.FINANCE_TOPIC, Subject: subject, Message: message }));
}

module.exports = { notifyFinance };
