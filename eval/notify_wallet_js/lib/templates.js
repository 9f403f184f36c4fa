'use strict';

const TEMPLATES = {
  reminder: ({ amount, due }) => `Reminder: ${amount} is due on ${due}.`,
  topUp: ({ amount }) => `Your wallet was topped up with ${amount}.`,
  lowBalance: ({ balance }) => `Your balance is low (${balance}).`,
};

function render(name, vars) {
  const template = TEMPLATES[name];
  if (!template) throw new Error(`unknown template ${name}`);
  return template(vars);
}

module.exports = { render, TEMPLATES };
