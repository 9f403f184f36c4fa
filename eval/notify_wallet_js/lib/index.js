'use strict';

module.exports = {
  ...require('./retry'),
  ...require('./templates'),
};
